"""The residue pack: web copy-paste leftovers, never a legitimate sentence of a report."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("此文为作者原创,仅供交流学习,请勿转载。", "copy-notice"),
        ("【声明】本号转载文章均注明来源，如涉及侵权请联系删除。", "disclaimer"),
        ("来源: 新华网", "source-line"),
        ("信息来源：XX县人民政府网站 2024-05-08", "source-line"),
        ("责编：王五", "editor-line"),
        ("点击下方“阅读原文”查看更多", "follow-prompt"),
        ("—— END ——", "web-trailer-line"),
        ("图片来源于网络", "copyright-phrase"),
    ],
)
def test_residue_variants(linter, text, rule):
    assert rule in [r for r, _ in hits(linter, text, "residue")]


@pytest.mark.parametrize(
    "text",
    [
        "项目资金来源：中央预算内投资3000万元，地方配套1000万元。",
        "来源：县统计局",
        "加强知识产权保护，依法查处侵权行为。",
        "组织党员干部读原著、学原文、悟原理。",
        "编辑出版《党员教育读本》，免费发放到村。",
        "严禁转载、复制涉密文件，严禁在互联网上传涉密信息，违者依纪依法严肃处理。",
        "本文件由县委组织部负责解释，自印发之日起施行。",
    ],
)
def test_legitimate_report_sentences_are_silent(linter, text):
    assert hits(linter, text, "residue") == []


def test_residue_line_is_removed_by_the_fix(linter):
    text = "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！\n正文。"
    assert fixed(linter, text, "residue") == "\n正文。"


def test_the_seed_notice_is_reported_once(linter):
    seed = sorted(SEEDS.glob("*.txt"))[2]
    assert hits(linter, seed.read_text(encoding="utf-8"), "residue") == [
        ("copy-notice", "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！")
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("编辑：张三\u3000审核：李四\u3000终审：王五", "credit-line"),
        ("（编辑：赵敏　校对：孙磊）", "credit-line"),
        ("初审｜刘洋 复审｜陈刚", "credit-line"),
        ("【来源：人民网】【编辑：张三】", "credit-line"),
        ("正文。（来源：县融媒体中心）", "bracketed-source"),
        ("#学习二十大# 开展专题宣讲。", "hashtag"),
        ("点赞在看转发三连", "interaction-prompt"),
        ("👇欢迎关注我们👇", "interaction-prompt"),
    ],
)
def test_repost_residue(linter, text, rule):
    assert rule in [r for r, _ in hits(linter, text, "residue")]


@pytest.mark.parametrize(
    "text",
    [
        "审核：各单位要严格审核申报材料，确保真实准确。",
        "（数据来源：县统计局）",
        "信息来源（群众来信、网络举报）多样。",
        "5#楼、6#楼主体完工。",
        "县政府办公室转发市财政局关于加强资金管理的通知。",
        "在看到成绩的同时，我们也清醒认识到不足。",
        "文/图：县林业局 李明",  # a byline: part of a news item, not workflow residue
        "通讯员 王强",
    ],
)
def test_repost_look_alikes_are_silent(linter, text):
    assert hits(linter, text, "residue") == []


def test_credit_line_and_editor_line_do_not_report_one_line_twice(linter):
    assert [r for r, _ in hits(linter, "责任编辑：李四\u3000审核：王五", "residue")] == ["editor-line"]


@pytest.mark.parametrize(
    "text",
    [
        "更新时间：2023-04-01 09:30 浏览次数：52",
        "下一条：我局召开党史学习教育动员会",
        "【打印】【关闭】",
        "扫一扫在手机打开当前页",
        "文字编辑：王芳　新媒体编辑：李强",
    ],
)
def test_page_furniture_and_prefixed_credits(linter, text):
    assert hits(linter, text, "residue")


@pytest.mark.parametrize(
    "text",
    ["发布时间另行通知。", "上一条意见已经采纳。", "全面加强版权保护。", "点击数据平台查看明细。"],
)
def test_page_furniture_look_alikes_are_silent(linter, text):
    assert hits(linter, text, "residue") == []


# the lines a reposting site appends (source, date, link, author) -----------------------------------


def test_a_repost_metadata_block_is_one_finding_and_its_fix_drops_it(linter):
    text = "全面提升了诊疗水平。\n来源：新华视点\n日期：2015-12-19 23:36:53\n链接：http://mt.sohu.com/a.shtml\n"
    found = [(rule, matched) for rule, matched in hits(linter, text, "residue") if rule == "repost-metadata-block"]
    assert found == [
        ("repost-metadata-block", "来源：新华视点\n日期：2015-12-19 23:36:53\n链接：http://mt.sohu.com/a.shtml")
    ]
    assert fixed(linter, text, "residue") == "全面提升了诊疗水平。\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "来源：新华视点",  # one line alone may be the draft's own note
        "作者：张明\n日期：2024年5月8日",  # no source or link line
        "时间：2024年5月8日上午9时\n地点：县政府三楼会议室\n联系人：王丽",
        "数据来源：县统计局\n日期：2024年5月",
    ],
)
def test_field_lines_that_are_not_a_repost_block_are_silent(linter, text):
    assert "repost-metadata-block" not in [rule for rule, _ in hits(linter, text, "residue")]


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("营造和谐稳定的生活环境[莲山课~件 ]，让居民安心。", "[莲山课~件 ]"),
        ("乙车的初位置在60米处[来源:学+科+网]", "[来源:学+科+网]"),
        ("【学&科&网】开展守望互助活动。", "【学&科&网】"),
    ],
)
def test_a_site_watermark_inside_a_line_is_reported(linter, text, mark):
    assert ("site-watermark", mark) in hits(linter, text, "residue")


@pytest.mark.parametrize("text", ["开展【党建+扶贫】专项行动。", "工期[3~5天]。", "见文献[1]、[2]。"])
def test_brackets_that_are_not_watermarks_are_silent(linter, text):
    assert "site-watermark" not in [rule for rule, _ in hits(linter, text, "residue")]


def test_a_reposting_sites_notice_and_garbled_credit_are_reported(linter):
    text = "金榜题名。\nAlivProject Aliverer 重排版：imgradeone\n新闻部若认为本站的转载侵犯了权益，请联系本站管理员。\n"
    rules = [rule for rule, _ in hits(linter, text, "residue")]
    assert rules == ["garbled-credit-line", "disclaimer"]


@pytest.mark.parametrize(("suffix", "found"), [(".txt", ["&emsp;", "&emsp;", "<br>"]), (".md", [])])
def test_web_markup_is_residue_in_a_text_draft_but_markdown_keeps_its_own(tmp_path, capsys, suffix, found):
    """A tag or an indenting entity copied into a plain draft is residue; in Markdown the same
    characters are markup the writer meant (the Markdown source blanks them before any rule runs)."""
    import json

    from lint.cli import main

    draft = tmp_path / f"draft{suffix}"
    draft.write_text("&emsp;&emsp;会议要求<br>各单位抓好落实。\n", encoding="utf-8")
    main(["check", str(draft), "--format", "json", "--select", "residue"])
    reported = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [d["matched"] for d in reported if d["rule"] == "residue.html-markup"] == found


def test_a_cms_article_header_reports_the_publisher_line_once(linter):
    text = "自治区体育局开展活动\n发布时间：2017-08-17\n发布者：办公室\n为深入贯彻自治区党委部署，开展活动。\n"
    found = [(rule, matched) for rule, matched in hits(linter, text, "residue")]
    assert ("publisher-line", "发布者：办公室") in found
    assert [rule for rule, _ in found].count("publisher-line") == 1


@pytest.mark.parametrize(
    "text",
    [
        "发布人：张三    审核人：李四",  # an approval form's fields
        "发布单位：县应急管理局",  # names an issuer, not a website's publisher
        "信息发布人：各科室负责人。",
    ],
)
def test_fields_that_are_not_a_sites_publisher_line_are_silent(linter, text):
    assert "publisher-line" not in [rule for rule, _ in hits(linter, text, "residue")]


def test_encyclopedia_edit_links_are_reported_on_each_heading_and_the_fix_keeps_the_heading(linter):
    text = (
        "学校简介编辑\n学校创建于1982年，前身是镇重点初中。\n历史沿革播报编辑\n2001年，学校迁入新址，办学规模扩大。\n"
    )
    assert [m for r, m in hits(linter, text, "residue") if r == "encyclopedia-edit-link"] == ["编辑", "播报编辑"]
    assert fixed(linter, text, "residue") == (
        "学校简介\n学校创建于1982年，前身是镇重点初中。\n历史沿革\n2001年，学校迁入新址，办学规模扩大。\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "新闻播报编辑\n负责新闻稿件的编辑、审核，按时完成播报任务。",  # a post in a recruitment notice
        "- 个人简介编辑\n- 邮箱编辑\n- 用户名编辑",  # a software feature list
        "学校简介编辑\n- 上传图片",  # a feature heading followed by no prose
    ],
)
def test_editing_as_a_job_or_a_feature_is_not_an_encyclopedia_link(linter, text):
    assert "encyclopedia-edit-link" not in [rule for rule, _ in hits(linter, text, "residue")]


def test_a_word_bullet_before_an_upper_case_word_is_reported(linter):
    text = "三、活动内容\nu\u00a0\u00a0LOGO、口号投票结果现场公布\nu\u00a0\u00a0主题歌曲发布\n"
    assert [r for r, _ in hits(linter, text, "residue")] == ["word-bullet-glyph", "word-bullet-glyph"]
