"""The toc kind: body headings compared with the document's own table of contents."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.packs import load_packs, select_rules

TOC = "目　录\n第一章 总则…………1\n第一节 目的……1\n第二节 范围……2\n第二章 职责…………3\n第一节 分工……3\n"
BODY = (
    "本办法全文如下，请认真遵照执行，确保各项要求落到实处，取得实效。\n"
    "第一章 总则\n第一节 目的\n第二节 范围\n第二章 职责\n第一节 分工\n"
)


@pytest.fixture(scope="module")
def toc():
    return Linter(select_rules(load_packs(), ["numbering.toc-mismatch"]))


def reported(linter, text):
    return [(d.matched, d.span.line) for d in linter.lint_text(text)]


def test_matching_headings_are_silent(toc):
    assert reported(toc, TOC + BODY) == []


def test_a_reworded_heading_is_reported_with_the_tables_words(toc):
    [d] = toc.lint_text(TOC + BODY.replace("第一节 分工", "第一节 职责分工"))
    assert (d.matched, d.span.line) == ("职责分工", 12)
    assert "“分工”" in d.message


def test_repeated_section_numbers_are_told_apart_by_their_chapter(toc):
    # 第一节 目的 under 第一章 is not compared with 第一节 分工 under 第二章
    assert reported(toc, TOC + BODY.replace("第一节 目的", "第一节 目标")) == [("目标", 9)]


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # no table of contents
        TOC + BODY + "第三章 附则\n",  # a heading the table does not list
        TOC + BODY.replace("第二节 范围", "第二节　 范围 "),  # spaces only
        "目录\n一、总体要求\n二、主要任务\n一、总体要求。坚持稳中求进。\n二、主要任务：抓好落实。",
    ],
)
def test_no_mismatch(toc, text):
    assert reported(toc, text) == []
