"""lint.checks.case_variants: one Latin word written in two cases in a document."""

from __future__ import annotations

from lint.checks.case_variants import MAX_TERMS, case_variants


def reported(text: str) -> list[tuple[str, str]]:
    return [(variant.text, variant.preferred) for variant in case_variants(text)]


def test_minority_spelling_is_reported_with_the_majority():
    assert reported("基于TCP续传，已通过tcp抓包验证，TCP连接稳定。") == [("tcp", "TCP")]


def test_even_use_of_two_spellings_is_no_slip():
    assert reported("学习python，用Python写脚本。") == []


def test_capital_at_a_sentence_or_line_start_counts_as_the_small_spelling():
    assert reported("使用git管理代码。\nGit是一个分布式系统，git很好。") == []
    assert reported("使用git管理代码。Git很好，git也快。") == []


def test_addresses_files_units_and_english_runs_are_left_alone():
    assert reported("登录www.Gov.cn，下载Gov.docx；政务gov平台") == []
    assert reported("功率5MW，待机5mW，MW级机组") == []
    assert reported("主题“The Road Ahead”，我们的road show") == []
    assert reported("研究了prosemirror-tables，Tables组件") == []


def test_a_technical_document_is_left_alone():
    words = "、".join(f"w{index}x" for index in range(MAX_TERMS))
    assert reported(f"{words}，TCP，TCP，tcp。") == []
    assert reported("TCP，TCP，tcp。") == [("tcp", "TCP")]


def test_single_letters_are_not_words_here():
    assert reported("A类项目3个，a类不设，A类另计。") == []
