"""Properties of the full default linter over generated text (hypothesis, bounded by max_examples).

For any text — draft-like Chinese, slices of the seeds and clean corpus with edits, arbitrary
Unicode with emoji, combining marks, control characters and lone surrogates — linting never
fails, every span lies inside the text on the line it states, fixes never overlap, leave every
character outside their spans alone, and converge: once fixed, nothing fixable is left.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from conftest import CLEAN, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.diagnostics import Diagnostic
from lint.engine import Linter
from lint.fixer import applicable, apply_fixes, fix_document
from lint.source import SourceError, document_from_bytes, text_document

EXAMPLES = settings(
    max_examples=int(os.environ.get("GWLINT_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Material for draft-like text: the kinds of pieces a real draft is made of.
WORDS = [
    "各单位", "要", "认真", "贯彻落实", "党中央", "国务院", "决策部署", "进一步", "加强", "工作", "的", "了",
    "坚持", "以人民为中心", "高质量发展", "全面", "推进", "乡村振兴", "县委", "县政府", "同志", "研究",
    "决定", "通知", "如下", "关于", "做好", "有关", "事项", "根据", "按照", "要求", "组织", "开展", "活动",
    "习近平", "新时代", "中国特色社会主义", "思想", "两个确立", "四个意识", "计划委员会", "某某", "XX",
    "张三", "李四", "王某", "局长", "书记", "附件", "年", "月", "日", "万元", "亿元", "左右", "约", "多",
    "第", "条", "次", "倍", "以上", "以下", "及", "和", "与", "、", "等", "……", "——", "**", "×",
]  # fmt: skip
PUNCTUATION = [*list("，。、；：？！“”‘’（）《》〈〉【】,.;:?!\"'()[]<>-—…·／/ "), "……", "——", "。。", "，，"]
NUMBERS = st.one_of(
    st.integers(0, 10**9).map(str),
    st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.sampled_from(["一", "二", "三", "十", "百", "千", "万", "〇", "零", "两", "二〇二四", "2024", "3.5%", "50%"]),
    st.integers(1990, 2035).map(lambda year: f"{year}年"),
    st.tuples(st.integers(1, 12), st.integers(1, 31)).map(lambda md: f"{md[0]}月{md[1]}日"),
)
HEADINGS = st.sampled_from(["一、", "（一）", "(一)", "1.", "1．", "（1）", "①", "第一，", "二、", "（二）", "3、", ""])
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", " ", "\t", "\u3000", "\u2028"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(WORDS).map(lambda word: word * 2),  # repeated words
                st.sampled_from(PUNCTUATION),
                NUMBERS,
                st.sampled_from(WORDS).map(lambda word: f"“{word}”"),
                st.sampled_from(WORDS).map(lambda word: f'"{word}"'),
                st.sampled_from(WORDS).map(lambda word: f"《{word}》"),
            ),
            max_size=25,
        )
    )
    return draw(HEADINGS) + "".join(parts) + draw(st.sampled_from(["。", "；", "：", "", "？", "!"]))


def drafts() -> st.SearchStrategy[str]:
    paragraphs = st.lists(st.tuples(sentences(), BREAKS), max_size=8)
    return paragraphs.map(lambda items: "".join(sentence + brk for sentence, brk in items))


def corpus_slices() -> st.SearchStrategy[str]:
    """A slice of a real seed or clean text, with a few characters inserted, deleted or doubled."""
    texts = [path.read_text(encoding="utf-8") for path in sorted([*SEEDS.glob("*.txt"), *CLEAN.glob("*.txt")])]

    @st.composite
    def edited(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, max(0, len(text) - 1)))
        piece = text[start : start + draw(st.integers(0, 600))]
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(piece)))
            edit = draw(st.sampled_from(["insert", "delete", "double"]))
            if edit == "insert":
                piece = piece[:at] + draw(st.sampled_from([*PUNCTUATION, *WORDS, "\r", "\n"])) + piece[at:]
            elif edit == "delete":
                piece = piece[:at] + piece[at + 1 :]
            else:
                piece = piece[:at] + piece[at : at + 3] * 2 + piece[at + 3 :]
        return piece

    return edited()


ODD_CHARACTERS = st.one_of(
    st.characters(),  # any code point hypothesis likes, control characters included
    st.characters(categories=["Cs"]),  # lone surrogates: a str can hold them though no file decodes to them
    st.characters(categories=["Mn", "Me"]),  # combining marks
    st.sampled_from(["😀", "👨‍👩‍👧", "🇨🇳", "\u200b", "\ufeff", "\u202e", "\x00", "\x1b", "\x7f", "\u00ad", "𠀀", "〇"]),
)
ARBITRARY = st.lists(st.one_of(ODD_CHARACTERS, st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)), max_size=60).map(
    "".join
)
ANY_TEXT = st.one_of(drafts(), corpus_slices(), ARBITRARY, st.text(max_size=80))
FORMATS = st.sampled_from(["text", "markdown"])


def assert_spans_are_consistent(text: str, diagnostics: Sequence[Diagnostic], line_starts: Sequence[int]) -> None:
    for diagnostic in diagnostics:
        span = diagnostic.span
        assert 0 <= span.start <= span.end <= len(text), diagnostic
        assert line_starts[span.line - 1] <= span.start, diagnostic
        assert span.line == len(line_starts) or span.start <= line_starts[span.line], diagnostic
        assert span.column == span.start - line_starts[span.line - 1] + 1, diagnostic
        assert span.end_column == span.end - line_starts[span.end_line - 1] + 1, diagnostic
        assert diagnostic.matched == text[span.start : span.end], diagnostic


@EXAMPLES
@given(text=ANY_TEXT, fmt=FORMATS)
def test_linting_never_fails_and_spans_lie_on_their_lines(linter: Linter, text: str, fmt: str) -> None:
    document = text_document("p.txt", text, fmt)
    outcome = linter.run(document)
    assert outcome.problems == []
    assert_spans_are_consistent(document.source_text, outcome.diagnostics, document.line_starts)


@EXAMPLES
@given(text=ANY_TEXT, unsafe=st.booleans())
def test_one_pass_of_fixes_never_overlaps_and_keeps_every_other_character(
    linter: Linter, text: str, unsafe: bool
) -> None:
    diagnostics = linter.lint(text_document("p.txt", text))
    chosen = applicable(diagnostics, unsafe)
    fixed, count = apply_fixes(text, diagnostics, unsafe)
    assert count == len(chosen)
    kept, position = 0, 0  # walk both texts: the text between fixes must reappear verbatim, in order
    for diagnostic in chosen:
        span, replacement = diagnostic.span, diagnostic.fix.replacement
        assert span.start >= position and (span.start > position or position == 0 or span.start < span.end), "overlap"
        between = text[position : span.start]
        assert fixed[kept : kept + len(between)] == between
        kept += len(between)
        assert fixed[kept : kept + len(replacement)] == replacement
        kept += len(replacement)
        position = span.end
    assert fixed[kept:] == text[position:]


# Rules whose fixes are known not to converge; each entry names the rule and a minimal example.
NOT_CONVERGING: dict[str, str] = {}


@EXAMPLES
@given(text=st.one_of(drafts(), corpus_slices(), ARBITRARY), fmt=FORMATS)
def test_fixes_converge_and_leave_nothing_fixable(linter: Linter, text: str, fmt: str) -> None:
    document = text_document("p.txt", text, fmt)
    fixed, _ = fix_document(linter.lint, document, unsafe=True)
    left = [d for d in linter.lint(fixed) if d.fix is not None and d.rule not in NOT_CONVERGING]
    assert left == [], f"still fixable after fixing {text!r}: {[(d.rule, d.matched) for d in left]}"


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200) | st.text(max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass")))
@pytest.mark.parametrize("name", ["d.txt", "d.md", "d.docx"])
def test_any_bytes_are_a_document_or_a_source_error(name: str, data: bytes) -> None:
    try:
        document = document_from_bytes(data, name)
    except SourceError as error:
        assert error.path == name and error.reason
    else:
        assert len(document.text) == len(document.source_text)
