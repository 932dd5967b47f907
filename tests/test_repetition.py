"""The ``repetition`` kind and the built-in ``repetition`` pack: repeated words, allowlist, line breaks, laziness."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, parse_pack, select_rules
from lint.source import Document

RULE = "repetition.repeated-word"


@pytest.fixture(scope="module")
def repetition():
    return Linter(select_rules(load_packs(), ["repetition"]))


def _pack(params: str) -> str:
    return (
        textwrap.dedent(
            """\
        pack: custom
        description: test
        rules:
          - id: rep
            title: t
            severity: error
            kind: repetition
            message: "{repeated}"
            rationale: r
            source: s
            params:
        """
        )
        + textwrap.indent(textwrap.dedent(params), " " * 6)
        + '    examples: {bad: ["坚决坚决"], good: ["坚决"]}\n'
    )


def _custom(params: str) -> Linter:
    return Linter(list(parse_pack(_pack(params), "custom.yaml").rules))


@pytest.mark.parametrize(
    ("text", "matched", "fixed"),
    [
        ("坚决坚决做到“两个维护”。", "坚决坚决", "坚决做到“两个维护”。"),
        ("我们要学习学习贯彻全会精神。", "学习学习", "我们要学习贯彻全会精神。"),
        ("这个这个问题必须解决。", "这个这个", "这个问题必须解决。"),
        ("推动推动高质量发展。", "推动推动", "推动高质量发展。"),
        ("这是我们的的责任。", "的的", "这是我们的责任。"),
        ("同志们，今天今天的会议很重要。", "今天今天", "同志们，今天的会议很重要。"),
        ("要把把党的政治建设摆在首位。", "把把", "要把党的政治建设摆在首位。"),
    ],
)
def test_repeated_word_is_reported_and_fixed(repetition, text, matched, fixed):
    found = repetition.lint_text(text)
    assert [d.matched for d in found] == [matched]
    assert found[0].fix is not None and found[0].fix.safe
    assert apply_fixes(text, found)[0] == fixed


def test_span_and_columns_are_exact(repetition):
    (found,) = repetition.lint_text("第一行。\n这是我们的的责任。")
    assert (found.span.line, found.span.column, found.span.end_line, found.span.end_column) == (2, 5, 2, 7)
    assert found.message == "“的的”重复：“的”连写了两次，应删去一个"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_repeat_across_a_line_break(repetition, newline):
    text = f"全区上下要坚决{newline}坚决扛起政治责任。"
    (found,) = repetition.lint_text(text)
    assert found.matched == f"坚决{newline}坚决"
    assert (found.span.line, found.span.column, found.span.end_line, found.span.end_column) == (1, 6, 2, 3)
    assert apply_fixes(text, [found])[0] == f"全区上下要坚决{newline}扛起政治责任。"


def test_spaces_around_the_line_break_are_part_of_the_gap(repetition):
    text = "要坚决 \n　坚决扛起责任。"
    (found,) = repetition.lint_text(text)
    assert apply_fixes(text, [found])[0] == "要坚决 \n　扛起责任。"


def test_heading_followed_by_its_own_words_is_not_a_repeat(repetition):
    assert not repetition.lint_text("一、党的领导\n党的领导是最大优势。")
    assert not repetition.lint_text("（二）推动发展\n推动发展要靠改革。")
    assert [d.matched for d in repetition.lint_text("全区要推动发展\n推动发展要靠改革。")] == ["推动发展\n推动发展"]


def test_triple_repeat_is_reported_once(repetition):
    found = repetition.lint_text("坚决坚决坚决做到。")
    assert [(d.span.start, d.span.end) for d in found] == [(0, 4)]


CORRECT = [
    "发展全过程人民民主，保障人民当家作主。",
    "一个个项目落地，一步步推进，一次次攻坚，越来越好，一件件、一桩桩落实。",
    "层层压实责任，常常自省，人人有责，天天向上，处处留心，步步为营，个个争先，年年有余。",
    "家家户户实实在在受益，干部清清白白做人、干干净净做事，认认真真学习，扎扎实实工作。",
    "这个问题我们再研究研究，谢谢大家，请大家看看材料，的的确确取得实效，一一落实。",
    "在生态保护方面面临挑战，树立现代管理理念，企业业务增长，农业业态丰富，城市市场活跃。",
    "这项任务务必按期完成，人民民生持续改善，各级党组织工作作出新贡献，说明明确要求。",
    "目的的实现要靠大家，有的的确还不够。",
    "二〇二〇年，二〇〇〇年，一天一天好起来，一年一年坚持。",
    "表彰王芳芳、张婷婷、刘欢欢同志。",
    "他说说笑笑地走了，人们高高兴兴、开开心心地过年，以“钉钉子”精神抓落实。",
    "健全全面从严治党体系，做坚定信仰者和忠实实践者，把青年工作作为战略性工作。",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_prose_is_silent(repetition, text):
    assert not repetition.lint_text(text)


def test_allowlist_covers_every_doubled_part_of_a_word():
    linter = _custom("allow: [家家户户]\n")
    assert not linter.lint_text("家家户户都受益。")
    assert [d.matched for d in linter.lint_text("家家都受益，坚决坚决。")] == ["坚决坚决"]


def test_single_character_repeat_must_be_two_jieba_words():
    linter = _custom("max_unit: 1\n")
    assert not linter.lint_text("发展全过程人民民主。")  # 人民/民主, not 民/民
    assert [d.matched for d in linter.lint_text("我的的问题。")] == ["的的"]


def test_aabb_can_be_switched_off():
    assert not _custom("allow_aabb: true\n").lint_text("做人要堂堂正正。")
    assert _custom("allow_aabb: false\nmax_unit: 1\n").lint_text("做人要堂堂正正的的。")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("max_unit: 0\n", "params.max_unit"),
        ("heading: '('\n", "params.heading"),
        ("allow: 常常\n", "params.allow"),
        ("colour: red\n", "params.colour"),
        ("reduplicable_verbs: [学习]\nallow: [学习学习]\n", "params.reduplicable_verbs"),
    ],
)
def test_bad_params_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_repeat_in_masked_document_uses_document_text(repetition):
    document = Document(path="x.md", text="坚决坚决做到", original="坚决坚决做到")
    assert [d.matched for d in repetition.lint(document)] == ["坚决坚决"]


def _imports_jieba(text: str) -> bool:
    script = textwrap.dedent(
        f"""
        import sys
        from lint.engine import Linter
        from lint.packs import load_packs, select_rules
        Linter(select_rules(load_packs(), ["repetition"])).lint_text({text!r})
        print("jieba" in sys.modules or "lint.wordcut" in sys.modules)  # jieba's segmentation, either way
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return result.stdout.strip() == "True"


def test_jieba_is_not_imported_without_a_candidate():
    assert not _imports_jieba("全区各级党组织要深入学习领会，常常自省，层层压实责任，家家户户受益。")


def test_jieba_is_imported_for_a_real_candidate():
    assert _imports_jieba("坚决坚决做到。")
