"""Bad input never crashes gwlint: each case is an input error naming the file and the reason (exit 2),
and the other files of the same run are still linted and reported."""

from __future__ import annotations

import io
import json
import os
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pack_helpers import CATASTROPHIC_PACK

from lint.cli import main
from lint.engine import Linter
from lint.source import Document

BAD = "**县是革命老区。\n"  # the built-in placeholder pack reports the stars
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
NOT_UTF8_NOR_GBK = b"\xe9\x80\x9a\xe7\x9f\xa5\xff\xfe\x80 \x81\x20"


def gwlint_json(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, dict, str]:
    code = main([*map(str, argv), "--format", "json", "--color", "never"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, json.loads(captured.out), captured.err


@pytest.fixture
def bad_draft(tmp_path: Path) -> Path:
    """A readable draft with one known finding: every run below must still report it."""
    path = tmp_path / "ok" / "bad.txt"
    path.parent.mkdir()
    path.write_text(BAD, encoding="utf-8")
    return path


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    word = docx.Document()
    word.add_paragraph("关于做好有关工作的通知")
    word.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def assert_error_and_others_reported(payload: dict, path: Path, reason: str, bad_draft: Path) -> None:
    errors = {error["path"]: error["message"] for error in payload["errors"]}
    assert reason in errors[str(path)]
    assert any(d["path"] == str(bad_draft) for d in payload["diagnostics"]), "the other file must still be linted"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", PNG, "binary file"),
        ("renamed-word.txt", docx_bytes(), "binary file"),
        ("latin.txt", NOT_UTF8_NOR_GBK, "cannot decode: not UTF-8"),
        ("utf16-broken.txt", b"\xff\xfe\x00\xd8", "invalid utf-16-le"),
        ("not-a-zip.docx", "这不是Word文件".encode(), "not a Word .docx file"),
        ("zip-not-word.docx", zip_bytes({"readme.txt": b"hello"}), "not a Word .docx file"),
        ("truncated.docx", docx_bytes()[:700], "not a readable .docx file"),
    ],
)
def test_unreadable_content_is_an_input_error(
    name: str, content: bytes, reason: str, tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, payload, err = gwlint_json(capsys, path, bad_draft)
    assert code == 2
    assert_error_and_others_reported(payload, path, reason, bad_draft)
    assert f"{path}: " in err


def test_each_bad_input_is_reported_once_and_a_directory_run_goes_on(
    tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ok" / "image.txt").write_bytes(PNG)
    (tmp_path / "ok" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    code, payload, _ = gwlint_json(capsys, tmp_path / "ok")
    assert code == 2
    assert sorted(Path(error["path"]).name for error in payload["errors"]) == ["broken.docx", "image.txt"]
    assert {d["path"] for d in payload["diagnostics"]} == {str(bad_draft)}


def test_empty_files_lint_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("empty.txt", "empty.md"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    code, payload, _ = gwlint_json(capsys, tmp_path)
    assert (code, payload["errors"], payload["diagnostics"]) == (0, [], [])


def test_mixed_line_endings_keep_lines_and_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("第一行\r\n第二行\r第三行\n甲乙**县\r\n**局\r".encode())
    code, payload, _ = gwlint_json(capsys, path, "--select", "placeholder")
    assert code == 1
    stars = [(d["line"], d["column"], d["end_column"], d["matched"]) for d in payload["diagnostics"]]
    assert stars == [(4, 3, 5, "**"), (5, 1, 3, "**")]


def test_mixed_line_endings_map_offsets_to_lines() -> None:
    document = Document("m.txt", "a\r\nb\rc\nd")
    assert [document.position(offset) for offset in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert [document.line_text(line) for line in (1, 2, 3, 4)] == ["a", "b", "c", "d"]


def test_a_path_that_does_not_exist(tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope" / "draft.txt"
    code, payload, _ = gwlint_json(capsys, missing, bad_draft)
    assert code == 2
    assert_error_and_others_reported(payload, missing, "no such file", bad_draft)


def test_a_directory_with_a_symlink_loop_is_walked_once(
    tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = bad_draft.parent
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself: skipped in a directory walk
    code, payload, _ = gwlint_json(capsys, folder)
    assert code == 1
    assert [d["path"] for d in payload["diagnostics"]] == [str(bad_draft)]
    assert payload["errors"] == []


def test_a_self_referencing_link_named_on_the_command_line_is_an_error(
    tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "self.txt"
    link.symlink_to(link)
    code, payload, _ = gwlint_json(capsys, link, bad_draft)
    assert code == 2
    assert_error_and_others_reported(payload, link, "loop", bad_draft)


def test_a_fifo_in_a_directory_is_not_read(tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(bad_draft.parent / "pipe.txt")  # reading it would block forever
    code, payload, _ = gwlint_json(capsys, bad_draft.parent)
    assert code == 1
    assert [d["path"] for d in payload["diagnostics"]] == [str(bad_draft)]


def test_a_directory_named_like_a_draft(tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text(BAD, encoding="utf-8")
    code, payload, _ = gwlint_json(capsys, tmp_path / "ok", folder / "inner.txt")
    assert code == 1 and payload["errors"] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 does not stop root from reading")
def test_an_unreadable_file_and_directory_for_real(
    tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(BAD, encoding="utf-8")
    locked = bad_draft.parent / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(BAD, encoding="utf-8")
    secret.chmod(0)
    locked.chmod(0)
    try:
        code, payload, _ = gwlint_json(capsys, secret, bad_draft.parent)
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert_error_and_others_reported(payload, secret, "permission denied", bad_draft)
    assert "permission denied" in {e["path"]: e["message"] for e in payload["errors"]}[str(locked)]


def test_an_unreadable_file_simulated(
    tmp_path: Path, bad_draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also run as root: the read itself is made to fail as it does for an ordinary user."""
    secret = tmp_path / "secret.txt"
    secret.write_text(BAD, encoding="utf-8")
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:  # how every input is opened
        if Path(os.fsdecode(path)).name == secret.name:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    code, payload, _ = gwlint_json(capsys, secret, bad_draft)
    assert code == 2
    assert_error_and_others_reported(payload, secret, "permission denied", bad_draft)


def test_an_unlistable_directory_simulated(
    tmp_path: Path, bad_draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = bad_draft.parent / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(BAD, encoding="utf-8")
    scandir, access = os.scandir, os.access

    def refuse(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == locked else access(path, mode))
    code, payload, _ = gwlint_json(capsys, bad_draft.parent)
    assert code == 2
    assert_error_and_others_reported(payload, locked, "directory cannot be read (permission denied)", bad_draft)


def test_a_check_that_crashes_is_an_error_for_that_file_only(
    tmp_path: Path, bad_draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lint.checks import pairing

    def explode(self: object, document: Document) -> object:
        if "炸" in document.text:
            raise RuntimeError("boom")
        return iter(())

    monkeypatch.setattr(pairing.CHECK, "find", explode)
    trap = tmp_path / "trap.txt"
    trap.write_text("炸" + BAD, encoding="utf-8")
    code, payload, _ = gwlint_json(capsys, trap, bad_draft)
    assert code == 2
    errors = {e["path"]: e["message"] for e in payload["errors"]}
    assert "failed on this file (RuntimeError: boom)" in errors[str(trap)]
    assert "punctuation.unpaired" in errors[str(trap)]
    assert {d["path"] for d in payload["diagnostics"]} == {str(trap), str(bad_draft)}


def test_a_long_single_line_is_linted(linter: Linter) -> None:
    line = ("各单位要按照**要求，认真做好“三农”工作（见附件）。" * 8_000)[:200_000]
    outcome = linter.run(Document("big.txt", line))
    assert all("stopped: took longer than" in problem for problem in outcome.problems)  # a slow rule, not a crash
    assert any(d.rule == "placeholder.template-stars" for d in outcome.diagnostics)
    assert all(d.span.line == 1 and d.span.end <= len(line) for d in outcome.diagnostics)


def test_many_small_files_in_a_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The full 100,000 files run in bench/fuzz.py --tree and in the slow test below."""
    count = write_tree(tmp_path, 300)
    code, payload, _ = gwlint_json(capsys, tmp_path)
    assert code == 1
    assert len(payload["diagnostics"]) == count // 3 and payload["errors"] == []


def write_tree(root: Path, count: int) -> int:
    for index in range(count):
        folder = root / f"d{index // 1000:03d}" / f"e{index // 100 % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        text = BAD if index % 3 == 0 else "全县共有32个村。\n"
        (folder / f"{index}.txt").write_text(text, encoding="utf-8")
    return count


@pytest.mark.slow
def test_a_hundred_thousand_files_slow(tmp_path: Path, capsys: pytest.CaptureFixture[str], slow: None) -> None:
    count = write_tree(tmp_path, 100_000)
    code, payload, _ = gwlint_json(capsys, tmp_path)
    assert code == 1
    assert len(payload["diagnostics"]) == -(-count // 3) and payload["errors"] == []


@pytest.mark.slow
def test_a_twenty_megabyte_line_slow(tmp_path: Path, capsys: pytest.CaptureFixture[str], slow: None) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(("各单位要按照**要求，认真做好“三农”工作（见附件）。" * 800_000)[:20_000_000], encoding="utf-8")
    code, payload, _ = gwlint_json(capsys, path)
    assert code in (1, 2)
    for error in payload["errors"]:  # on a slow machine some rules may use up their budget: never a crash
        assert error["path"] == str(path) and "stopped: took longer than" in error["message"]


@pytest.fixture
def slow(request: pytest.FixtureRequest) -> None:
    expression = request.config.getoption("markexpr") or ""
    if "slow" not in expression or "not slow" in expression:
        pytest.skip("slow: run with -m slow")


def broken_packs() -> list[tuple[str, str, str | None, str]]:
    from test_packs import GOOD_RULE

    regex_rule = GOOD_RULE.replace("kind: substitution", "kind: pattern").replace(
        "wrong: [老名称]\n      right: 新名称", "regex: '老(名称'"
    )
    slow_example = CATASTROPHIC_PACK.replace('bad: ["aaa"]', 'bad: ["aaa", "' + "a" * 40 + '!"]')
    return [
        ("pack: team\nrules: [\n", "YAML syntax error at line", None, "yaml"),
        (GOOD_RULE.replace("kind: substitution", "kind: telepathy"), "unknown check kind", "team.old-name", "kind"),
        (GOOD_RULE.replace("    title: 旧称\n", ""), "missing required field", "team.old-name", "missing"),
        (regex_rule, "invalid regular expression", "team.old-name", "regex"),
        (GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1], "duplicate rule id", "team.old-name", "duplicate"),
        (
            GOOD_RULE.replace('good: ["这是新名称。"]', 'good: ["老名称"]'),
            "good example raises",
            "team.old-name",
            "good",
        ),
        (GOOD_RULE.replace('fixed: "这是新名称。"', 'fixed: "别的"'), "fix gives", "team.old-name", "fixed"),
        (slow_example, "stopped: took longer than 2 s on its example", "team.trailing-a", "catastrophic-example"),
    ]


@pytest.mark.parametrize(("raw", "reason", "rule", "label"), broken_packs(), ids=[case[3] for case in broken_packs()])
def test_a_broken_user_pack_exits_2_naming_the_pack_rule_and_reason(
    raw: str, reason: str, rule: str | None, label: str, tmp_path: Path, bad_draft: Path, capsys
) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(raw, encoding="utf-8")
    assert main([str(bad_draft), "--pack", str(pack)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gwlint: error: {pack}") and reason in err
    assert rule is None or f"rule {rule}" in err
    assert "Traceback" not in err


def test_a_catastrophic_user_regex_is_stopped_and_the_run_goes_on(
    tmp_path: Path, bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(CATASTROPHIC_PACK, encoding="utf-8")
    trap = tmp_path / "trap.txt"
    trap.write_text("**县\n" + "a" * 40 + "!\n", encoding="utf-8")
    code, payload, err = gwlint_json(
        capsys, trap, bad_draft, "--pack", str(tmp_path / "team.yaml"), "--rule-timeout", "0.3"
    )
    assert code == 2
    errors = {e["path"]: e["message"] for e in payload["errors"]}
    assert errors == {
        str(trap): "rule team.trailing-a stopped: took longer than 0.3 s on this file (its findings are left out)"
    }
    assert f"{trap}: rule team.trailing-a stopped" in err
    rules_by_path = {(d["path"], d["rule"]) for d in payload["diagnostics"]}
    assert (str(trap), "placeholder.template-stars") in rules_by_path, "the other rules still report on that file"
    assert (str(bad_draft), "placeholder.template-stars") in rules_by_path


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_rule_timeout_must_be_seconds(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["x.txt", "--rule-timeout", value]) == 2
    assert "not a number of seconds" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1e-9", "0.05", "0.099"])
def test_rule_timeout_below_the_minimum_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["x.txt", "--rule-timeout", value]) == 2
    assert f"below the minimum of 0.1 seconds (0: no limit): '{value}'" in capsys.readouterr().err


def test_rule_timeout_zero_is_no_limit_and_the_minimum_is_allowed(
    bad_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(bad_draft), "--rule-timeout", "0"]) == 1
    assert main([str(bad_draft), "--rule-timeout", "0.1"]) == 1


def test_budget_interrupts_a_backtracking_regex_and_restores_the_previous_handler() -> None:
    import re
    import signal

    from lint.budget import BudgetExceeded, time_budget

    def mine(signum: int, frame: object) -> None: ...

    previous = signal.signal(signal.SIGPROF, mine)
    try:
        with pytest.raises(BudgetExceeded, match=r"took longer than 0\.2 s"), time_budget(0.2):
            re.search(r"(a+)+$", "a" * 40 + "!")
        assert signal.getsignal(signal.SIGPROF) is mine
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGPROF, previous)


def test_budget_counts_cpu_time_not_time_spent_waiting() -> None:
    # Waiting stands for the CPUs being busy with other processes (four gwlint runs on two cores):
    # the rule is not running, so its budget is not spent.
    from lint.budget import time_budget

    started = time.monotonic()
    with time_budget(0.1):
        time.sleep(0.4)
    assert time.monotonic() - started >= 0.4


def test_budget_stops_a_piece_only_after_it_used_its_cpu_seconds() -> None:
    import re

    from lint.budget import BudgetExceeded, time_budget

    started = time.process_time()
    with pytest.raises(BudgetExceeded), time_budget(0.3):
        re.search(r"(a+)+$", "a" * 40 + "!")
    used = time.process_time() - started
    assert 0.3 <= used < 0.3 + 3 * 0.05 + 0.1  # at most two ticks late, and a little for the machine


def test_a_tick_still_pending_when_a_budget_ends_does_not_kill_the_process() -> None:
    import subprocess

    # Blocking SIGPROF holds a tick back as a debugger or valgrind may: it arrives after the budget
    # has restored the default action, which would end the process.
    code = (
        "import os, signal\n"
        "from lint.budget import Budget\n"
        "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})\n"
        "with Budget(5.0):\n"
        "    os.kill(os.getpid(), signal.SIGPROF)\n"
        "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPROF})\n"
        "print('still here')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "still here\n")


def test_budget_keeps_an_outer_timer_running() -> None:
    import signal

    from lint.budget import time_budget

    previous = signal.signal(signal.SIGPROF, signal.SIG_IGN)
    signal.setitimer(signal.ITIMER_PROF, 1000)
    signal.setitimer(signal.ITIMER_REAL, 1000)
    try:
        with time_budget(5):
            pass
        left, _ = signal.getitimer(signal.ITIMER_PROF)
        assert 900 < left < 1001  # the kernel keeps CPU timers in its own units
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 900 < left <= 1000  # a wall-clock alarm is not the budget's: left running
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, previous)


def test_budget_off_the_main_thread_is_a_no_op_even_when_threading_was_never_imported(monkeypatch) -> None:
    import threading

    from lint.budget import time_budget

    outcome: list[object] = []

    def work() -> None:
        monkeypatch.delitem(sys.modules, "threading")  # as in a run that never imported it
        try:
            with time_budget(0.01):
                time.sleep(0.05)  # would overrun; signal.signal refuses this thread, so nothing interrupts it
            outcome.append("finished")
        except Exception as error:  # the test reports whatever escaped
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    monkeypatch.undo()
    assert outcome == ["finished"]


def test_budget_is_a_no_op_off_the_main_thread_and_for_zero() -> None:
    import threading

    from lint.budget import budgets_supported, time_budget

    seen: list[bool] = []

    def work() -> None:
        seen.append(budgets_supported())
        with time_budget(0.01):
            threading.Event().wait(0.05)  # would overrun; off the main thread nothing interrupts it
        seen.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [False, True]
    with time_budget(0):
        pass


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_among_the_inputs_is_refused_not_read(tmp_path, capsys, kind):
    """A FIFO blocked the run; /dev/zero was read until memory ran out."""
    import os

    from lint.cli import main

    if kind == "fifo":
        special = tmp_path / "pipe.txt"
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")
    clean = tmp_path / "clean.txt"
    clean.write_text("会议于3月1日召开。\n", encoding="utf-8")
    code = main(["--isolated", str(special), str(clean)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{special}: not a regular file" in err
