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
