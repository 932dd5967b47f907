"""lint/safeyaml.py's one departure from plain YAML: a folded block wrapped inside a Chinese sentence."""

from __future__ import annotations

from lint.packs import load_packs
from lint.safeyaml import load_yaml


def test_a_folded_chinese_sentence_joins_its_lines_without_a_space() -> None:
    text = "rationale: >-\n  同一个双音动词带着\n  同一个双音宾语，\n  连写两次。\n"
    assert load_yaml(text) == {"rationale": "同一个双音动词带着同一个双音宾语，连写两次。"}


def test_a_break_beside_latin_text_keeps_yaml_s_space() -> None:
    assert load_yaml("a: >\n  two English\n  lines\n") == {"a": "two English lines\n"}
    assert load_yaml("a: >-\n  标准编号\n  GB/T 15834\n  见附件（\n  GB/T 9704）\n") == {
        "a": "标准编号 GB/T 15834 见附件（GB/T 9704）"
    }


def test_blocks_that_are_not_simply_folded_are_read_as_yaml_reads_them() -> None:
    assert load_yaml("a: >-\n  第一段\n\n  第二段\n") == {"a": "第一段\n第二段"}
    assert load_yaml("a: |\n  第一行\n  第二行\n") == {"a": "第一行\n第二行\n"}
    assert load_yaml("a: >-\n  第一行\n    缩进更深的一行\n  第三行\n") == {"a": "第一行\n  缩进更深的一行\n第三行"}
    assert load_yaml("a: 同一行 内的空格\n") == {"a": "同一行 内的空格"}


def test_a_folded_block_followed_by_a_key_and_a_comment() -> None:
    text = "r:\n  rationale: >-\n    前一行\n    后一行。\n  # a comment\n  source: 来源\n"
    assert load_yaml(text) == {"r": {"rationale": "前一行后一行。", "source": "来源"}}


def test_the_built_in_rationales_read_as_written() -> None:
    """The YAML of rules/repetition.yaml wraps this rationale after “重要讲话”，; explain shows it unbroken."""
    rules = {rule.id: rule for pack in load_packs() for rule in pack.rules}
    assert "作了重要讲话”，状语重复" in rules["repetition.doubled-at-the-meeting"].rationale
