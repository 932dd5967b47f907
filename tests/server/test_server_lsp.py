"""``gwlint server`` end to end, as VS Code, Neovim and Emacs (eglot) drive it: the real server process
over stdio (pytest-lsp), each editor's recorded capabilities, hence each position encoding
(UTF-16, UTF-8, UTF-32). What the editor shows must be what ``gwlint check`` reports."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

import pytest_asyncio
from conftest import SEEDS
from lsprotocol import types
from server_client import (
    CLIENTS,
    applied,
    as_published,
    check_json,
    gwlint,
    published_form,
    start_editor,
    stop_editor,
    units,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Characters beyond the BMP (𠀀 U+20000, 𪚥 U+2A6A5) before findings on the same line shift UTF-16 and
# UTF-8 columns and not UTF-32 ones.
DRAFT = "关于𠀀𪚥工作的通知\n𠀀我们要坚决坚决贯彻落实，全县共有xx个村。\n坚决做到“两个确立”，切实增强“四个意识”。\n"
MARKDOWN = "# 𪚥通知\n\n𠀀全县共有xx个村，`xx` 在代码里不算。\n\n我们要坚决坚决贯彻落实。\n"


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=sorted(CLIENTS))
async def editor(request, tmp_path_factory):
    editor = await start_editor(tmp_path_factory.getbasetemp() / "gwlint-cache", request.param)
    yield editor
    assert await stop_editor(editor) == 0  # shutdown then exit: the process ends with 0


@pytest.fixture
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("drafts")


def full_range(text: str) -> types.Range:
    lines = text.split("\n")
    return types.Range(types.Position(0, 0), types.Position(len(lines) - 1, len(lines[-1]) * 4))


@pytest.mark.parametrize(("name", "text"), [("draft.txt", DRAFT), ("draft.md", MARKDOWN)], ids=["txt", "md"])
async def test_diagnostics_are_what_gwlint_check_reports_in_the_negotiated_encoding(editor, folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    published = await editor.open(path, language="markdown" if name.endswith(".md") else "plaintext")
    expected = [as_published(d, text.split("\n"), editor.encoding) for d in check_json(path)]
    assert len(expected) >= 2
    assert [published_form(d) for d in published] == expected
    assert all(d.source == "gwlint" and d.code_description is None for d in published)


async def test_an_edit_after_a_character_beyond_the_bmp_is_judged_at_the_right_columns(editor, folder):
    path = folder / "edit.txt"
    text = "𠀀坚决贯彻落实。\n"
    path.write_text(text, encoding="utf-8")
    assert await editor.open(path) == []
    after = editor.mark()
    at = types.Position(0, units("𠀀", editor.encoding))  # insert 坚决 right after 𠀀: 坚决坚决
    version = editor.change(path.as_uri(), (types.Range(at, at), "坚决"))
    published = await editor.diagnostics(path.as_uri(), after, version)
    path.write_text("𠀀坚决坚决贯彻落实。\n", encoding="utf-8")
    expected = [as_published(d, ["𠀀坚决坚决贯彻落实。", ""], editor.encoding) for d in check_json(path)]
    assert [published_form(d) for d in published] == expected and expected[0][0] == "repetition.repeated-word"


async def test_quick_fixes_safe_ones_preferred_unsafe_ones_named_so(editor, folder):
    path = folder / "fixes.txt"
    path.write_text(DRAFT, encoding="utf-8")
    published = await editor.open(path)
    actions = await editor.code_actions(path.as_uri(), full_range(DRAFT), only=[types.CodeActionKind.QuickFix])
    fixes = {action.diagnostics[0].code: action for action in actions if not action.title.startswith("Suppress")}
    safe, unsafe = fixes["repetition.repeated-word"], fixes["formulation.two-establishments-verb"]
    assert safe.is_preferred and not safe.title.startswith("Unsafe") and "坚决坚决" in safe.title
    assert not unsafe.is_preferred and unsafe.title.startswith("Unsafe fix")
    assert all(action.kind == types.CodeActionKind.QuickFix for action in actions)
    fixed = applied(DRAFT, safe.edit, path.as_uri(), editor.encoding)
    assert fixed == DRAFT.replace("坚决坚决", "坚决")
    assert {d.code for d in published} >= set(fixes)


async def test_fix_all_gives_the_text_gwlint_fix_writes(editor, folder):
    text = "\n".join(seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt")))
    path = folder / "seeds.txt"
    path.write_text(text, encoding="utf-8")
    await editor.open(path)
    actions = await editor.code_actions(path.as_uri(), full_range(text), only=["source.fixAll"])
    assert [action.kind for action in actions] == ["source.fixAll.gwlint"]
    copy = folder / "by-cli.txt"
    shutil.copy(path, copy)
    gwlint("check", "--fix", "--format", "json", str(copy))
    by_cli = copy.read_text(encoding="utf-8")
    assert by_cli != text
    assert applied(text, actions[0].edit, path.as_uri(), editor.encoding) == by_cli
    # offered beside the quick fixes too; a client that resolves code actions gets the edit on resolve
    offered = await editor.code_actions(path.as_uri(), types.Range(types.Position(0, 0), types.Position(0, 0)))
    fix_all = next(action for action in offered if action.kind == "source.fixAll.gwlint")
    if fix_all.edit is None:
        fix_all = await editor.client.code_action_resolve_async(fix_all)
    assert applied(text, fix_all.edit, path.as_uri(), editor.encoding) == by_cli


@pytest.mark.parametrize(
    ("name", "language"), [("suppress.txt", "plaintext"), ("suppress.md", "markdown")], ids=["txt", "md"]
)
async def test_suppress_this_rule_here_silences_exactly_that_finding(editor, folder, name, language):
    path = folder / name
    text = "第一段。\n\n　　全县共有xx个村，xx个社区。\n\n另有xx个乡镇。\n"
    path.write_text(text, encoding="utf-8")
    before = await editor.open(path, language=language)
    line = [d for d in before if d.range.start.line == 2]
    actions = await editor.code_actions(path.as_uri(), line[0].range)
    suppress = [action for action in actions if action.title.startswith("Suppress")]
    assert suppress and suppress[0].title == f"Suppress {line[0].code} on this line"
    new_text = applied(text, suppress[0].edit, path.as_uri(), editor.encoding)
    assert new_text.split("\n")[2] == f"　　<!-- gwlint-disable-next-line {line[0].code} -->"
    after = editor.mark()
    version = editor.change(path.as_uri(), (None, new_text))
    remaining = await editor.diagnostics(path.as_uri(), after, version)
    assert {d.code for d in remaining} == {line[0].code}  # the other line's finding, nothing unused
    assert [d.range.start.line for d in remaining] == [5]
    path.write_text(new_text, encoding="utf-8")
    assert [d["line"] for d in check_json(path)] == [6]


async def test_hover_on_a_diagnostic_explains_its_rule(editor, folder):
    path = folder / "hover.txt"
    path.write_text(DRAFT, encoding="utf-8")
    published = await editor.open(path)
    repeated = next(d for d in published if d.code == "repetition.repeated-word")
    hover = await editor.hover(path.as_uri(), repeated.range.start)
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    _, explained = gwlint("explain", "repetition.repeated-word")
    for part in ("为什么 Why", "依据 Source", "错误示例 Bad", "正确示例 Good"):
        assert part in text and part in explained
    rationale = explained.split("为什么 Why: ", 1)[1].split("\n", 1)[0].strip()
    assert rationale[:20] in text
    assert hover.range == repeated.range
    assert await editor.hover(path.as_uri(), types.Position(0, 0)) is None  # no diagnostic there


async def test_a_docx_is_judged_read_only_from_disk_on_open_and_save(editor, folder):
    import docx

    path = folder / "notice.docx"
    word = docx.Document()
    for paragraph in ("关于𠀀工作的通知", "全县共有xx个村。", "𪚥我们要坚决坚决贯彻落实。"):
        word.add_paragraph(paragraph)
    word.save(path)
    published = await editor.open(path, text="")
    lines = ["关于𠀀工作的通知", "全县共有xx个村。", "𪚥我们要坚决坚决贯彻落实。"]
    assert [published_form(d) for d in published] == [as_published(d, lines, editor.encoding) for d in check_json(path)]
    assert {d.range.start.line for d in published} == {1, 2}  # paragraph N is line N
    assert await editor.code_actions(path.as_uri(), full_range("\n".join(lines))) == []
    word.paragraphs[2].runs[0].text = "𪚥我们要坚决贯彻落实。"
    word.save(path)
    after = editor.mark()
    editor.save(path.as_uri())
    assert {d.range.start.line for d in await editor.diagnostics(path.as_uri(), after)} == {1}
