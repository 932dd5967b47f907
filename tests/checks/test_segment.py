"""lint.checks.segment: jieba's cut of the run of text around a span, with offsets."""

from __future__ import annotations

from lint.checks import segment


def test_the_tokens_of_the_run_holding_the_start_with_their_offsets() -> None:
    text = "第一行。\n坚持以人民为中心发展理念，推进工作。"
    start = text.index("心发展理念")
    cut = segment.run_tokens_at(text, start, start + 5)
    assert "".join(token for _, token in cut) == "坚持以人民为中心发展理念"  # the run ends at the comma
    assert all(text[position : position + len(token)] == token for position, token in cut)
    assert start not in {position for position, _ in cut}  # 中心 runs across it


def test_no_run_holds_a_mark() -> None:
    text = "坚持学习，推进工作。"
    assert segment.run_tokens_at(text, text.index("，"), text.index("，") + 1) == []
