"""``-j``: the same report in the same order as one job, errors kept per file, budgets in workers."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pack_helpers import CATASTROPHIC_PACK

from lint import parallel
from lint.cli import main
from lint.progress import ProgressBar
from tests.conftest import CLEAN, ROOT, SEEDS


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Use workers for any run of two or more files, and count the pools started."""
    calls: list[int] = []
    real = parallel.pooled_results

    def counting(tasks, session, workers, render=None):
        calls.append(workers)
        return real(tasks, session, workers, render)

    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "pooled_results", counting)
    return calls


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """The seeds, the clean corpus and generated variants of them: many files, some with findings."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    sources = sorted([*SEEDS.glob("*.txt"), *CLEAN.glob("*.txt")])
    for number, source in enumerate(sources):
        text = source.read_text(encoding="utf-8", errors="replace")
        (folder / f"{number:03d}-{source.name}").write_text(text, encoding="utf-8")
        lines = text.splitlines()
        for part in range(3):  # generated: slices of the text, a repeated word slipped into some
            chunk = "\n".join(lines[part::3]) or text
            if part == 1:
                chunk = chunk.replace("的", "的的", 1)
            (folder / f"{number:03d}-gen{part}.md").write_text(chunk + "\n", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("output", ["json", "full", "sarif", "concise", "github"])
def test_two_jobs_report_exactly_what_one_job_reports(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str], output: str
) -> None:
    one = run(capsys, str(drafts), "--format", output, "-j", "1", "--color", "never")
    assert pool_calls == []
    two = run(capsys, str(drafts), "--format", output, "-j", "2", "--color", "never")
    assert pool_calls == [2]
    assert one == two
    if output == "json":
        paths = [d["path"] for d in json.loads(one[1])["diagnostics"]]
        assert paths == sorted(paths) and len(set(paths)) > 10


def test_a_failing_file_does_not_stop_the_others(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    (drafts / "000-binary.txt").write_bytes(b"\x00\x01binary")
    (drafts / "001-undecodable.txt").write_bytes(b"\xff\xfe\xfa" * 10 + "的的".encode("utf-16-le"))
    code, out, err = run(capsys, str(drafts), str(drafts / "missing.txt"), "--format", "json", "-j", "2")
    assert pool_calls == [2]
    assert code == 2
    payload = json.loads(out)
    failed = {Path(e["path"]).name for e in payload["errors"]}
    assert {"000-binary.txt", "missing.txt"} <= failed
    assert len({d["path"] for d in payload["diagnostics"]}) > 10
    assert [line for line in err.splitlines() if "binary" in line]


def test_the_rule_time_budget_stops_a_rule_inside_a_worker(
    tmp_path: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(CATASTROPHIC_PACK, encoding="utf-8")
    trap = tmp_path / "trap.txt"
    trap.write_text("**县\n" + "a" * 40 + "!\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("请于XX月XX日前报送。\n", encoding="utf-8")
    code, out, _ = run(
        capsys, str(trap), str(other), "--pack", str(pack), "--rule-timeout", "0.3", "-j", "2", "--format", "json"
    )
    assert pool_calls == [2]
    assert code == 2
    payload = json.loads(out)
    assert [(e["path"], "team.trailing-a stopped" in e["message"]) for e in payload["errors"]] == [(str(trap), True)]
    assert {d["path"] for d in payload["diagnostics"]} == {str(trap), str(other)}


def dying_worker(item: tuple[str, Path, int]) -> object:
    """Stands in for the worker's lint function: the worker dies on files marked 002, as the kernel kills it."""
    if item[1].name.startswith("002"):
        how = os.environ["GWLINT_TEST_DEATH"]
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(9)
    return parallel._lint_in_worker.__wrapped__(item)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        (
            "kill",
            "the worker linting it was killed (signal 9, SIGKILL: perhaps out of memory); the other files were linted",
        ),
        ("exit", "the worker linting it ended unexpectedly (exit code 9); the other files were linted"),
    ],
)
def test_a_file_whose_worker_died_is_an_error_and_the_other_files_are_reported(
    drafts: Path,
    pool_calls: list[int],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    reason: str,
) -> None:
    _, alone, _ = run(capsys, str(drafts), "--format", "json", "-j", "1")
    dying_worker.__wrapped__ = parallel._lint_in_worker  # type: ignore[attr-defined]
    monkeypatch.setattr(parallel, "_lint_in_worker", dying_worker)
    monkeypatch.setenv("GWLINT_TEST_DEATH", how)
    code, out, err = run(capsys, str(drafts), "--format", "json", "-j", "2")
    assert pool_calls == [2]
    assert code == 2
    marked = sorted(str(path) for path in drafts.iterdir() if path.name.startswith("002"))
    payload = json.loads(out)
    assert [(e["path"], e["message"]) for e in payload["errors"]] == [(path, reason) for path in marked]
    expected = [d for d in json.loads(alone)["diagnostics"] if d["path"] not in marked]
    assert payload["diagnostics"] == expected and expected
    assert err.count("gwlint: error:") == len(marked)


def test_workers_that_die_on_every_file_end_the_run_with_an_error_for_each(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(drafts.iterdir())[:12]
    for path in files:
        path.rename(path.with_name("002-" + path.name))
    dying_worker.__wrapped__ = parallel._lint_in_worker  # type: ignore[attr-defined]
    monkeypatch.setattr(parallel, "_lint_in_worker", dying_worker)
    monkeypatch.setenv("GWLINT_TEST_DEATH", "kill")
    code, out, _ = run(
        capsys, *(str(path.with_name("002-" + path.name)) for path in files), "--format", "json", "-j", "2"
    )
    assert code == 2
    assert len(json.loads(out)["errors"]) == len(files)


def _die_on_start() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_workers_that_die_between_files_give_the_files_up_after_a_few_tries() -> None:
    import multiprocessing

    from lint.workers import DEATHS_BETWEEN_ITEMS, Death, pooled

    answers = list(pooled(list(range(5)), 2, str, _die_on_start, (), 1, multiprocessing.get_context("fork")))
    assert answers == [Death(-signal.SIGKILL)] * 5
    assert DEATHS_BETWEEN_ITEMS < 5


def test_workers_answer_in_input_order() -> None:
    import multiprocessing

    from lint.workers import pooled

    items = list(range(100))
    assert list(pooled(items, 3, str, print, (), 7, multiprocessing.get_context("fork"))) == [str(i) for i in items]


@pytest.mark.parametrize("output", ["json", "concise", "github"])
def test_workers_render_their_files_part_of_a_streaming_report(
    drafts: Path,
    pool_calls: list[int],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    output: str,
) -> None:
    from importlib import import_module

    from lint.reporters import FORMATS, renderer

    module = import_module(FORMATS[output])
    real = renderer(output)
    assert real is not None
    log = tmp_path / "rendered-by"

    def logging(result):  # type: ignore[no-untyped-def]
        with open(log, "a") as stream:  # workers are other processes: they report through a file
            stream.write(f"{os.getpid()}\n")
        return real(result)

    expected = run(capsys, str(drafts), "--format", output, "-j", "1")
    monkeypatch.setattr(module, "render", logging)
    assert run(capsys, str(drafts), "--format", output, "-j", "2") == expected
    renderers = log.read_text().split()
    assert pool_calls == [2]
    assert len(renderers) == len(list(drafts.iterdir()))
    assert str(os.getpid()) not in renderers  # this process only wrote what the workers rendered


def test_exit_codes_with_rendering_workers_follow_the_fail_level_as_with_one_job(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    codes = {}
    for level in ("error", "warning", "info"):
        options = ("--format", "json", "--select", "numbering", "--fail-level", level)
        one = run(capsys, str(drafts), *options, "-j", "1")
        two = run(capsys, str(drafts), *options, "-j", "2")
        assert two == one
        codes[level] = one[0]
    assert pool_calls == [2, 2, 2]
    assert codes == {"error": 0, "warning": 1, "info": 1}  # the numbering rules warn


def test_a_baseline_run_renders_in_this_process_after_filtering(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(drafts), "--write-baseline", str(baseline), "-j", "1"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, str(drafts), "--format", "json", "--baseline", str(baseline), "-j", "2")
    assert pool_calls == [2]
    assert (code, json.loads(out)["diagnostics"]) == (0, [])


def test_one_file_or_a_small_run_starts_no_workers(
    drafts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("no worker processes for a small run")

    monkeypatch.setattr(parallel, "pooled_results", no_pool)
    first = sorted(drafts.iterdir())[0]
    run(capsys, str(first), "-j", "4")
    run(capsys, *(str(path) for path in sorted(drafts.iterdir())[:3]), "-j", "4")  # a few KB


def test_fix_mode_stays_in_this_process(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, str(drafts), "--diff", "-j", "2")
    assert pool_calls == []


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "x.txt", "-j", value]) == 2
    assert "number of processes" in capsys.readouterr().err


def test_jobs_beyond_four_per_cpu_are_lowered_with_a_note(
    drafts: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    code, _, err = run(capsys, str(drafts), "--format", "json", "-j", "1000")
    assert code in (0, 1)
    assert pool_calls == [8]
    assert "gwlint: note: -j 1000 lowered to 8 (at most 4 per CPU, 64 in all)" in err
    run(capsys, str(drafts), "--format", "json", "-j", "3")
    assert pool_calls == [8, 3]
    assert "lowered" not in capsys.readouterr().err


def test_jobs_never_exceed_sixty_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_jobs", lambda: 256)
    assert parallel.capped_jobs(10_000) == 64
    assert parallel.capped_jobs(5) == 5


def test_jobs_default_to_the_cpus_this_process_may_use() -> None:
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))


def test_results_keep_only_excerpts_of_their_documents(drafts: Path) -> None:
    from lint.baseline import fingerprint
    from lint.config import ConfigResolver
    from lint.pipeline import lint_planned, plan_inputs
    from lint.plans import Overrides, Workspace
    from lint.request import CheckRequest
    from lint.results import REACH, SourceExcerpt
    from lint.source import read_document

    workspace = Workspace(ConfigResolver(None, True), Overrides())
    paths = sorted(drafts.iterdir())
    judged = list(lint_planned(plan_inputs(workspace, CheckRequest(paths=(str(drafts),), jobs=1))))
    with_findings = [result for result, _ in judged if result.diagnostics]
    assert len(with_findings) > 10
    for result in with_findings:
        document = read_document(Path(result.path), result.path)
        assert isinstance(result.document, SourceExcerpt)
        kept = sum(len(piece) for piece in result.document.source_text._pieces)
        assert kept <= len(result.diagnostics) * (2 * REACH) + sum(len(d.matched) for d in result.diagnostics)
        for diagnostic in result.diagnostics:
            assert fingerprint(diagnostic, result.document) == fingerprint(diagnostic, document)
            line = diagnostic.span.line
            assert result.document.line_text(line) == document.line_text(line)
    assert len(judged) == len(paths)


def test_the_progress_bar_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with ProgressBar(40, stream) as bar:
            for _ in range(40):
                bar.advance()
    assert "40/40" in terminal.getvalue()
    assert pipe.getvalue() == ""
    few = Terminal()
    with ProgressBar(3, few) as bar:
        bar.advance()
    assert few.getvalue() == ""


def test_no_progress_output_when_stderr_is_not_a_terminal(drafts: Path, tmp_path: Path) -> None:
    env = {**os.environ, "GWLINT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(drafts), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert len(list(drafts.iterdir())) >= 20
    assert done.returncode == 1
    assert done.stderr == ""


class _Recorder(io.StringIO):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def write(self, text: str) -> int:
        self.events.append("write")
        return super().write(text)


@pytest.mark.parametrize(("form", "streamed"), [("json", True), ("concise", True), ("sarif", False)])
def test_a_streaming_report_is_written_while_files_are_still_being_linted(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, form: str, streamed: bool
) -> None:
    from lint.session import Session

    events: list[str] = []
    real = Session.file

    def linting(self, plan, path, name):
        events.append("lint")
        return real(self, plan, path, name)

    monkeypatch.setattr(Session, "file", linting)
    out = _Recorder(events)
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["check", "-j", "1", "--format", form, str(drafts)]) == 1
    last_lint = len(events) - 1 - events[::-1].index("lint")
    assert ("write" in events[:last_lint]) is streamed
    if form == "json":
        report = json.loads(out.getvalue())
        assert report["diagnostics"] and report["errors"] == []


def test_a_setup_error_found_before_the_first_result_writes_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("坚决坚决\n", encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("select: [no-such-pack]\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(draft)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no-such-pack" in captured.err


@pytest.mark.parametrize("death", [-9, -15, 9])
def test_a_worker_death_reads_in_chinese_with_lang_zh(death: int) -> None:
    from lint.i18n import translate_reason
    from lint.workers import Death

    translated = translate_reason(Death(death).reason(), "zh")
    assert translated.startswith("检查该文件的工作进程") and "worker" not in translated
