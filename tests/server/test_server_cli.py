"""``gwlint server`` on the command line: its options, and what it says without the optional extra.
These run without pygls."""

from __future__ import annotations

from lint.cli import main


def test_without_the_server_extra_it_says_how_to_install_it_and_exits_2(monkeypatch, capsys):
    import lint.server

    monkeypatch.setattr(lint.server, "available", lambda: False)
    assert main(["server"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "gwlint: error: gwlint server needs the optional extra: pip install 'gwlint[server]'\n"
    assert captured.out == ""


def test_the_extra_is_missing_when_pygls_2_cannot_be_imported(monkeypatch):
    import sys

    import lint.server

    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)  # as without pygls, or with pygls 1.x
    assert not lint.server.available()


def test_server_help_documents_its_options(capsys):
    assert main(["server", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--stdio", "--debounce-ms", "--as-of", "--config", "--isolated", "--select", "--pack", "debounceMs"):
        assert option in out


def test_a_bad_debounce_is_a_usage_error(capsys):
    assert main(["server", "--debounce-ms", "soon"]) == 2
    assert "not a whole number of milliseconds" in capsys.readouterr().err


def test_listing_commands_names_the_server():
    from lint.cli import build_parser

    assert "server" in build_parser().format_help()
