"""What of a linted file reaches the report: excerpts of its document; results packed for the way back."""

from __future__ import annotations

import pytest

from lint import results


def test_a_result_packed_for_the_way_back_from_a_worker_unpacks_the_same() -> None:
    from lint.diagnostics import Diagnostic, Fix, Severity, Span
    from lint.results import FileResult, Rendered
    from lint.source import Document

    document = Document("a.txt", "第一行\n请于XX月XX日前报送，，谢谢。\n")
    fixed = Diagnostic(
        "a.txt", Span(14, 16, 2, 11, 2, 13), "p.comma", Severity.ERROR, "重复", "，，", Fix("，"), also=("p.twice",)
    )  # the rules merged into it come back too (they were lost on the way back: SARIF -j 2 had no properties.also)
    unsafe = Diagnostic("other.txt", Span(6, 8, 2, 3, 2, 5), "p.xx", Severity.INFO, "占位", "XX", Fix("", False))
    plain = Diagnostic("a.txt", Span(0, 3, 1, 1, 1, 4), "p.line", Severity.WARNING, "行", "第一行")
    original = FileResult("a.txt", [fixed, unsafe, plain], document, "rule p.slow stopped")
    back = results.unpack_result(results.pack_result(original))
    assert (back.path, back.diagnostics, back.error) == (original.path, original.diagnostics, original.error)
    assert isinstance(back.document, results.SourceExcerpt)
    lines = [back.document.line_text(d.span.line) for d in back.diagnostics]
    assert lines == ["请于XX月XX日前报送，，谢谢。"] * 2 + ["第一行"]
    assert back.document.source_text[10:18] == document.source_text[10:18]
    assert (back.document.path, back.document.format, back.document.encoding) == ("a.txt", "text", document.encoding)
    for worst in (Severity.WARNING, None):
        done = FileResult("a.txt", [], None, None, Rendered("text", worst))
        assert results.unpack_result(results.pack_result(done)) == done
    failed = FileResult("b.txt", [], None, "cannot read")
    assert results.unpack_result(results.pack_result(failed)) == failed


def test_what_is_kept_of_a_result_depends_on_what_the_report_reads() -> None:
    from lint.diagnostics import Diagnostic, Severity, Span
    from lint.reporters import renderer
    from lint.results import FileResult, Rendered
    from lint.source import Document

    document = Document("a.txt", "请于XX月前报送。\n")
    found = Diagnostic("a.txt", Span(2, 4, 1, 3, 1, 5), "p.xx", Severity.WARNING, "占位", "XX")
    result = FileResult("a.txt", [found], document)
    render = renderer("json")
    assert isinstance(results.kept(result).document, results.SourceExcerpt)  # the full report shows source
    assert results.kept(result, render) == FileResult("a.txt", [found])  # json renders from the diagnostics
    in_worker = results.kept(result, render, in_worker=True)
    assert in_worker == FileResult("a.txt", [], rendered=Rendered(render(result), Severity.WARNING))
    assert in_worker.worst() == result.worst() == Severity.WARNING


def test_an_excerpt_slices_like_the_text_it_came_from() -> None:
    text = "零一二三四五六七八九" * 10
    windows = results._Windows(text, [(5, 12), (10, 20), (95, 120), (-3, 2)])
    for start, stop in [(5, 12), (6, 20), (0, 2), (95, 100), (98, 130), (12, 12)]:
        assert windows[start:stop] == text[start:stop]
    with pytest.raises(IndexError):
        windows[30:40]
    with pytest.raises(IndexError):
        windows[15:25]
