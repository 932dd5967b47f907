"""``gwlint server`` and the workspace: configuration and team packs that change while it runs, a pack
that breaks, initialization options, debouncing, exit. Each test starts its own server process."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types
from server_client import check_json, start_editor, stop_editor

pytestmark = pytest.mark.asyncio

TEAM_PACK = """\
pack: team
description: 测试用团队规则包
rules:
  - id: old-office
    title: 旧机构名
    severity: warning
    kind: pattern
    message: "{prefix}“{{match}}”应改为“{{replacement}}”"
    rationale: 机构改革后旧名称不再使用。
    source: 测试用规则
    fix: safe
    since: {{date: 2018-03-21, source: 深化党和国家机构改革方案（2018年3月21日）}}
    params: {{words: [计划委员会], replacement: 发展和改革委员会}}
    examples: {{bad: [{{text: "计划委员会发文。", fixed: "发展和改革委员会发文。"}}], good: ["发展和改革委员会发文。"]}}
"""
BROKEN_PACK = "pack: team\nrules:\n  - id: old-office\n    title: [旧机构名\n"


@pytest.fixture
def cache(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "gwlint-cache"


def codes(diagnostics: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diagnostics}


async def test_a_changed_configuration_applies_without_restart(tmp_path, cache):
    config = tmp_path / ".gwlint.yaml"
    config.write_text("ignore: [placeholder]\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("全县共有xx个村，我们要坚决坚决贯彻落实。\n", encoding="utf-8")
    editor = await start_editor(cache, "vscode")  # watches files through dynamic registration
    try:
        assert codes(await editor.open(draft)) == {"repetition.repeated-word"}
        assert [r.method for r in editor.client.registrations] == ["workspace/didChangeWatchedFiles"]
        config.write_text("ignore: [repetition]\n", encoding="utf-8")
        after = editor.mark()
        editor.watched((config, types.FileChangeType.Changed))
        assert codes(await editor.diagnostics(draft.as_uri(), after)) == {"placeholder.template-xx"}
    finally:
        await stop_editor(editor)


async def test_saving_the_configuration_in_the_editor_applies_it(tmp_path, cache):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.gwlint]\nignore = ["placeholder"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("全县共有xx个村，我们要坚决坚决贯彻落实。\n", encoding="utf-8")
    editor = await start_editor(cache, "neovim")  # Neovim does not register file watchers: didSave
    try:
        assert codes(await editor.open(draft, language="markdown")) == {"repetition.repeated-word"}
        editor.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(config.as_uri(), "toml", 1, config.read_text()))
        )
        config.write_text("[tool.gwlint]\nignore = []\n", encoding="utf-8")
        after = editor.mark()
        editor.save(config.as_uri())
        found = await editor.diagnostics(draft.as_uri(), after)
        assert codes(found) == {"repetition.repeated-word", "placeholder.template-xx"}
        assert not [p for p in editor.published if p.uri == config.as_uri()]  # a configuration is not a draft
    finally:
        await stop_editor(editor)


async def test_a_broken_pack_is_shown_on_the_pack_and_the_last_good_configuration_keeps_serving(tmp_path, cache):
    (tmp_path / ".gwlint.yaml").write_text("packs: [team.yaml]\n", encoding="utf-8")
    pack = tmp_path / "team.yaml"
    pack.write_text(TEAM_PACK.format(prefix=""), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("计划委员会发文。\n", encoding="utf-8")
    editor = await start_editor(cache, "emacs")
    try:
        assert codes(await editor.open(draft)) == {"team.old-office"}
        pack.write_text(BROKEN_PACK, encoding="utf-8")
        after = editor.mark()
        editor.watched((pack, types.FileChangeType.Changed))
        on_pack = await editor.diagnostics(pack.as_uri(), after)
        assert len(on_pack) == 1 and on_pack[0].severity == types.DiagnosticSeverity.Error
        assert on_pack[0].range.start.line == 3 and "YAML" in on_pack[0].message  # the line PyYAML names
        assert codes(await editor.diagnostics(draft.as_uri(), after)) == {"team.old-office"}  # last good plan
        shown = await editor.messages(types.MessageType.Error, 1)
        assert len(shown) == 1 and str(pack) in shown[0]
        pack.write_text(TEAM_PACK.format(prefix="改过的规则："), encoding="utf-8")
        after = editor.mark()
        editor.watched((pack, types.FileChangeType.Changed))
        assert await editor.diagnostics(pack.as_uri(), after) == []
        (again,) = await editor.diagnostics(draft.as_uri(), after)
        assert again.message.startswith("改过的规则：") and again.code == "team.old-office"
        assert len([m for m in editor.client.messages if m.type == types.MessageType.Error]) == 1
    finally:
        await stop_editor(editor)


async def test_as_of_document_and_a_dated_rule_on_hover(tmp_path, cache):
    (tmp_path / ".gwlint.yaml").write_text("packs: [team.yaml]\n", encoding="utf-8")
    (tmp_path / "team.yaml").write_text(TEAM_PACK.format(prefix=""), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    before = "关于机构的通知\n（2017年3月1日）\n计划委员会发文。\n"
    draft.write_text(before, encoding="utf-8")
    editor = await start_editor(cache, "vscode", {"asOf": "document"})
    try:
        assert "team.old-office" not in codes(await editor.open(draft))  # judged at 2017-03-01
        assert "team.old-office" not in {d["rule"] for d in check_json(draft, "--as-of", "document")}
        after = editor.mark()
        version = editor.change(draft.as_uri(), (None, before.replace("2017年", "2019年")))
        found = await editor.diagnostics(draft.as_uri(), after, version)
        dated = next(d for d in found if d.code == "team.old-office")
        hover = await editor.hover(draft.as_uri(), dated.range.start)
        assert hover is not None and "2018-03-21 起适用：深化党和国家机构改革方案" in hover.contents.value
    finally:
        await stop_editor(editor)


async def test_unusable_initialization_options_are_said_and_ignored(tmp_path, cache):
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要坚决坚决贯彻落实。\n", encoding="utf-8")
    editor = await start_editor(cache, "vscode", {"asOf": "yesterday", "debounceMs": -5, "colour": "red"})
    try:
        assert codes(await editor.open(draft)) == {"repetition.repeated-word"}
        warnings = await editor.messages(types.MessageType.Warning, 3)
        assert len(warnings) == 3 and any("asOf" in w for w in warnings) and any("colour" in w for w in warnings)
    finally:
        await stop_editor(editor)


async def test_quick_changes_are_judged_once_after_the_debounce_delay(tmp_path, cache):
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要贯彻落实。\n", encoding="utf-8")
    editor = await start_editor(cache, "vscode", {"debounceMs": 400})
    try:
        assert await editor.open(draft) == []
        after = editor.mark()
        start = types.Position(0, 3)
        first = editor.change(draft.as_uri(), (types.Range(start, start), "坚决"))
        last = editor.change(draft.as_uri(), (types.Range(start, start), "坚决"))
        found = await editor.diagnostics(draft.as_uri(), after)
        assert codes(found) == {"repetition.repeated-word"}
        published = [p.version for p in editor.published[after:] if p.uri == draft.as_uri()]
        assert first not in published and published == [last]
    finally:
        await stop_editor(editor)


async def test_exit_without_shutdown_ends_the_server_with_1(tmp_path, cache):
    editor = await start_editor(cache, "vscode")
    editor.client.exit(None)
    server = editor.client._server
    assert server is not None
    assert await asyncio.wait_for(server.wait(), 60) == 1
    await editor.client.stop()
