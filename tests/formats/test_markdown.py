"""Markdown masking: non-prose parts blanked with spaces, offsets and line breaks kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.engine import Linter
from lint.formats.markdown import _code_spans, _html_comments, mask
from lint.packs import parse_pack
from lint.source import text_document


def blanked(text: str, part: str) -> bool:
    """True when ``part`` (found in text) is all spaces in the mask."""
    start = text.index(part)
    return mask(text)[start : start + len(part)].strip() == ""


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("---\ntitle: 草稿\n---\n正文\n", "title: 草稿", "正文"),
        ("+++\ntitle = '草稿'\n+++\n正文\n", "title = '草稿'", "正文"),
        ("正文\n```python\nprint('的的')\n```\n后文\n", "print('的的')", "后文"),
        ("正文\n~~~~\n代码\n~~~~\n后文\n", "代码", "后文"),
        ("正文\n```\n未闭合代码\n", "未闭合代码", "正文"),
        ("使用`的的`命令和``a`b``。", "`的的`", "使用"),
        ("详见https://example.com/a_b?x=1。下文", "https://example.com/a_b?x=1", "。下文"),
        ("见www.gov.cn/zhengce，请查阅", "www.gov.cn/zhengce", "，请查阅"),
        ('见[国务院网站](https://www.gov.cn "标题")。', '(https://www.gov.cn "标题")'[1:-1], "[国务院网站]"),
        ("图![示意图](img/a.png)如下", "img/a.png", "示意图"),
        ("图片：![区位图](a.png)", "!", "区位图"),
        ("做好了！[返回](index.md)", "(index.md)"[1:-1], "！"),
        ('[1]: https://example.com  "参考"\n正文\n', '[1]: https://example.com  "参考"', "正文"),
        ("正文<!-- 注释的的 -->结束", "<!-- 注释的的 -->", "结束"),
        ('正文<span class="x">强调</span>', '<span class="x">', "强调"),
        ("联系<mailto:a@b.cn>或<https://x.cn>", "<https://x.cn>", "联系"),
        ("&emsp;&emsp;会议要求抓好落实。", "&emsp;&emsp;", "会议要求"),
    ],
)
def test_non_prose_is_blanked_and_prose_is_kept(text: str, hidden: str, kept: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert blanked(text, hidden)
    assert kept in masked


def test_line_breaks_inside_masked_blocks_stay() -> None:
    text = "---\r\na: 1\r\n---\r\n```\r\nx\r\n```\r\n"
    masked = mask(text)
    assert masked.replace(" ", "") == "\r\n" * 6


def test_a_single_backtick_does_not_hide_the_next_paragraph() -> None:
    text = "价格`单引号\n\n第二段`的的"
    assert mask(text) == text


def test_findings_after_masked_parts_point_at_the_file() -> None:
    pack = parse_pack(
        "pack: demo\ndescription: d\nrules:\n- {id: dup, title: t, severity: warning, kind: pattern,"
        " message: m, rationale: r, source: s, params: {regex: 的的}, examples: {bad: [的的], good: [的]}}\n",
        "demo.yaml",
    )
    text = "---\ntitle: 的的\n---\n`的的` 正文的的\n```\n的的\n```\n末行的的\n"
    diagnostics = Linter(list(pack.rules)).lint(text_document("d.md", text, "markdown"))
    assert [(d.span.line, d.span.column, d.matched) for d in diagnostics] == [(4, 8, "的的"), (8, 3, "的的")]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("聚焦**高频事项**，推动", "聚焦  高频事项  ，推动"),
        ("**联系方式**：电话", "  联系方式  ：电话"),
        ("办理时限*3个工作日*以内", "办理时限 3个工作日 以内"),
        ("***重点***事项", "   重点   事项"),
        ("**一是加强领导。**", "  一是加强领导。  "),
        ("__附件__：清单", "  附件  ：清单"),
    ],
)
def test_emphasis_delimiters_are_blanked(text: str, masked: str) -> None:
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["**年**月**日", "**市**县人民政府", "共**家，**人", "姓名__年龄__", "a ** b ** c"])
def test_placeholders_that_look_like_emphasis_stay(text: str) -> None:
    assert mask(text) == text


def test_markdown_bold_is_no_placeholder_but_a_real_one_is() -> None:
    from lint.packs import load_packs, select_rules

    text = "# 方案\n\n聚焦**高频事项**，共**家企业参与。\n"
    linter = Linter(select_rules(load_packs()))
    diagnostics = linter.lint(text_document("d.md", text, "markdown"))
    assert [(d.rule, d.span.line, d.span.column) for d in diagnostics] == [("placeholder.template-stars", 3, 13)]


# The regular expressions the linear scanners replaced: the reference for what they find.
CODE_SPAN_REGEX = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)
HTML_COMMENT_REGEX = re.compile(r"<!--.*?-->", re.S)
PIECES = st.sampled_from(["`", "``", "```", "码", " ", "\n", "\t", "<!--", "-->", "-", ">", "<", "!"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join))
def test_code_spans_and_comments_are_those_the_former_regexes_found(text: str) -> None:
    assert list(_code_spans(text)) == [match.span() for match in CODE_SPAN_REGEX.finditer(text)]
    assert list(_html_comments(text)) == [match.span() for match in HTML_COMMENT_REGEX.finditer(text)]
