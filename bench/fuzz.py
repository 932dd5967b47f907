"""Fuzz gwlint with generated drafts: no crash, spans on their lines, fixes converge, bytes decode or fail cleanly.

    /tmp/venv/bin/python bench/fuzz.py --count 100000 --jobs 2
    /tmp/venv/bin/python bench/fuzz.py --replay bench/out/fuzz/crash-1234.json
    /tmp/venv/bin/python bench/fuzz.py --tree 100000        # the CLI over that many small files
    /tmp/venv/bin/python bench/fuzz.py --docx --count 20000  # generated .docx packages (bench/fuzz_docx.py)

Document N is generated from ``random.Random(N)`` alone, so a failure is reproduced from its number.
Each document is linted by the full default linter (all built-in packs) as text or Markdown; then
its fixes (safe and unsafe) are applied until none is left; and its UTF-8, GBK or corrupted bytes
go through the source stage. A failure writes ``bench/out/fuzz/crash-N.json`` (the text with
escapes, the format, what failed and the traceback) and the run goes on; the exit code is 1 when
anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import multiprocessing
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "fuzz"
CORPUS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "clean").glob("*.txt")])

WORDS = [
    "各单位",
    "要",
    "认真",
    "贯彻落实",
    "党中央",
    "国务院",
    "决策部署",
    "进一步",
    "加强",
    "工作",
    "的",
    "了",
    "坚持",
    "以人民为中心",
    "高质量发展",
    "全面",
    "推进",
    "乡村振兴",
    "县委",
    "县政府",
    "同志",
    "研究",
    "决定",
    "通知",
    "如下",
    "关于",
    "做好",
    "有关",
    "事项",
    "根据",
    "按照",
    "要求",
    "组织",
    "开展",
    "活动",
    "习近平",
    "新时代",
    "中国特色社会主义",
    "思想",
    "两个确立",
    "四个意识",
    "两个维护",
    "计划委员会",
    "某某",
    "XX",
    "××",
    "张三",
    "李四",
    "王某",
    "局长",
    "书记",
    "附件",
    "年",
    "月",
    "日",
    "万元",
    "亿元",
    "左右",
    "约",
    "多",
    "第",
    "条",
    "次",
    "倍",
    "以上",
    "以下",
    "及",
    "和",
    "与",
    "等",
    "发文",
    "机关",
    "印发",
    "单位",
    "人民政府",
    "办公室",
    "党委",
    "纪委",
]
PUNCTUATION = [*list("，。、；：？！“”‘’（）《》〈〉【】,.;:?!\"'()[]<>-—…·／/ "), "……", "——", "。。", "，，", "**"]
HEADINGS = ["一、", "（一）", "(一)", "1.", "1．", "（1）", "①", "第一，", "二、", "（二）", "3、", "", "", ""]
BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\n\n", " ", "\t", "\u3000", "\u2028"]
ODD = [
    "😀",
    "👨‍👩‍👧",
    "🇨🇳",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\x00",
    "\x1b",
    "\x7f",
    "\u00ad",
    "𠀀",
    "〇",
    "\u0301",
    "\ud800",
]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def number(rng: random.Random) -> str:
    choice = rng.randrange(5)
    if choice == 0:
        return str(rng.randrange(10 ** rng.randrange(1, 10)))
    if choice == 1:
        return str(rng.randrange(100000)).translate(FULL_WIDTH)
    if choice == 2:
        return rng.choice(["一", "二", "十", "百", "千", "万", "〇", "零", "两", "二〇二四", "3.5%", "50%", "1-2"])
    if choice == 3:
        return f"{rng.randrange(1985, 2036)}年"
    return f"{rng.randrange(1, 13)}月{rng.randrange(1, 32)}日"


def piece(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    return rng.choice(
        [word, word, word, word * 2, rng.choice(PUNCTUATION), number(rng), f"“{word}”", f'"{word}"', f"《{word}》"]
    )


def draft(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randrange(9)):
        body = "".join(piece(rng) for _ in range(rng.randrange(26)))
        paragraphs.append(rng.choice(HEADINGS) + body + rng.choice(["。", "；", "：", "", "？"]) + rng.choice(BREAKS))
    return "".join(paragraphs)


def corpus_slice(rng: random.Random, texts: list[str]) -> str:
    text = rng.choice(texts)
    start = rng.randrange(max(1, len(text)))
    chunk = text[start : start + rng.randrange(800)]
    for _ in range(rng.randrange(6)):
        at = rng.randrange(len(chunk) + 1)
        edit = rng.randrange(3)
        if edit == 0:
            chunk = chunk[:at] + rng.choice([*PUNCTUATION, *WORDS, "\r", "\n", *ODD]) + chunk[at:]
        elif edit == 1:
            chunk = chunk[:at] + chunk[at + 1 :]
        else:
            chunk = chunk[:at] + chunk[at : at + 3] * 2 + chunk[at + 3 :]
    return chunk


def arbitrary(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(60)):
        kind = rng.randrange(6)
        if kind == 0:
            parts.append(chr(rng.randrange(0x110000)))  # any code point, lone surrogates included
        elif kind == 1:
            parts.append(chr(rng.randrange(0x20)))
        elif kind == 2:
            parts.append(rng.choice(ODD))
        elif kind == 3:
            parts.append(chr(rng.randrange(0x4E00, 0x9FA6)))
        else:
            parts.append(piece(rng))
    return "".join(parts)


def generate(number_: int, texts: list[str]) -> tuple[str, str]:
    """(text, format) of document ``number_``."""
    rng = random.Random(number_)
    maker = rng.choice([draft, draft, lambda r: corpus_slice(r, texts), arbitrary])
    text = maker(rng)
    return text, ("markdown" if rng.random() < 0.2 else "text")


def as_bytes(number_: int, text: str) -> bytes:
    rng = random.Random(~number_)
    data = text.encode(rng.choice(["utf-8", "gb18030", "utf-16"]), "replace")
    for _ in range(rng.randrange(4)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data


# --- worker -------------------------------------------------------------------------------------

_LINTER = None
_TEXTS: list[str] = []


def _init() -> None:
    global _LINTER, _TEXTS  # one linter per worker process, built once
    from lint.engine import Linter

    _LINTER = Linter.from_packs()
    _TEXTS = [path.read_text(encoding="utf-8") for path in CORPUS]


def check_document(number_: int) -> tuple[int, str, str] | None:
    """None when document ``number_`` passes; else (number, what failed, traceback)."""
    from lint.fixer import applicable, fix_document
    from lint.source import SourceError, document_from_bytes, text_document

    text, fmt = generate(number_, _TEXTS)
    stage = "lint"
    try:
        document = text_document("fuzz.md" if fmt == "markdown" else "fuzz.txt", text, fmt)
        outcome = _LINTER.run(document)
        if outcome.problems:
            return number_, "rule problem: " + "; ".join(outcome.problems), ""
        stage = "spans"
        for diagnostic in outcome.diagnostics:
            span = diagnostic.span
            assert 0 <= span.start <= span.end <= len(text), diagnostic
            assert document.position(span.start) == (span.line, span.column), diagnostic
            assert document.position(span.end) == (span.end_line, span.end_column), diagnostic
        chosen = applicable(outcome.diagnostics, unsafe=True)
        assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(chosen)), "overlapping fixes"
        stage = "fix"
        fixed, _ = fix_document(_LINTER.lint, document, unsafe=True)
        left = [(d.rule, d.matched) for d in _LINTER.lint(fixed) if d.fix is not None]
        assert not left, f"fixes do not converge: {left}"
        stage = "bytes"
        for name in ("fuzz.txt", "fuzz.docx"):
            with contextlib.suppress(SourceError):
                document_from_bytes(as_bytes(number_, text), name)
    except Exception as error:
        return number_, f"{stage}: {type(error).__name__}: {error}", traceback.format_exc()
    return None


def check_docx_document(number_: int) -> tuple[int, str, str] | None:
    """None when docx case ``number_`` passes (text read exactly, lint, fix, annotate, CLI); else the failure."""
    from fuzz_docx import check_docx

    failure = check_docx(number_, _LINTER)
    return None if failure is None else (number_, *failure)


def write_reproducer(number_: int, what: str, trace: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    if what.startswith("docx"):
        from fuzz_docx import generate_docx

        (OUT / f"crash-docx-{number_}.docx").write_bytes(generate_docx(number_)[0])
        path = OUT / f"crash-docx-{number_}.txt"
        path.write_text(f"{what}\n\n{trace}", encoding="utf-8")
        return path
    text, fmt = generate(number_, [path.read_text(encoding="utf-8") for path in CORPUS])
    path = OUT / f"crash-{number_}.json"
    record = {"number": number_, "format": fmt, "failure": what, "text": text, "traceback": trace}
    path.write_text(json.dumps(record, ensure_ascii=True, indent=1), encoding="ascii")  # escapes lone surrogates
    return path


def fuzz(start: int, count: int, jobs: int, docx: bool = False) -> int:
    begun = time.perf_counter()
    failures: Counter[str] = Counter()
    check = check_docx_document if docx else check_document
    with multiprocessing.Pool(jobs, initializer=_init) as pool:
        for done, failure in enumerate(pool.imap_unordered(check, range(start, start + count), 50 if docx else 200), 1):
            if failure is not None:
                number_, what, trace = failure
                failures[what.split(":")[0]] += 1  # "docx fix", "lint", ...
                print(f"FAIL #{number_}: {what} -> {write_reproducer(number_, what, trace)}", flush=True)
            if done % 10000 == 0:
                print(
                    f"{done} documents, {sum(failures.values())} failure(s), {time.perf_counter() - begun:.0f} s",
                    flush=True,
                )
    seconds = time.perf_counter() - begun
    print(
        f"fuzzed {count} {'.docx packages' if docx else 'documents'} (#{start}..#{start + count - 1}) "
        f"on {jobs} process(es) in {seconds:.0f} s "
        f"({count / seconds:.0f}/s): {sum(failures.values())} failure(s) {dict(failures)}"
    )
    return 1 if failures else 0


def replay(path: Path) -> int:
    record = json.loads(path.read_text(encoding="ascii"))
    _init()
    from lint.source import text_document

    document = text_document("replay.txt", record["text"], record["format"])
    print(record["failure"])
    outcome = _LINTER.run(document)
    for diagnostic in outcome.diagnostics:
        print(diagnostic.rule, diagnostic.span, repr(diagnostic.matched), diagnostic.fix)
    print("problems:", outcome.problems)
    return 0


def tree(count: int) -> int:
    """Run the CLI over ``count`` small drafts in a directory tree; print time and peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for index in range(count):
            sub = root / f"d{index // 1000:03d}" / f"e{index // 100 % 10}"
            sub.mkdir(parents=True, exist_ok=True)
            text = "**县是革命老区。\n" if index % 3 == 0 else "全县共有32个村。\n"
            (sub / f"{index}.txt").write_text(text, encoding="utf-8")
        begun = time.perf_counter()
        command = [sys.executable, "-m", "lint", str(root), "--format", "concise", "--isolated"]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - begun
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    findings = sum(1 for line in done.stdout.splitlines() if "placeholder." in line)
    print(f"{count} files: exit {done.returncode}, {findings} finding(s), {seconds:.0f} s, peak {peak:.0f} MB")
    expected = -(-count // 3)
    ok = done.returncode == 1 and findings == expected and "Traceback" not in done.stderr
    print("ok" if ok else f"UNEXPECTED (expected {expected} findings): {done.stderr[-2000:]}")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000, help="documents to generate (default 10000)")
    parser.add_argument("--start", type=int, default=0, help="number of the first document")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--replay", type=Path, help="show what a crash-N.json reproducer does now")
    parser.add_argument("--docx", action="store_true", help="generate .docx packages with nested containers")
    parser.add_argument("--tree", type=int, metavar="FILES", help="instead: the CLI over that many small files")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    if args.tree:
        return tree(args.tree)
    return fuzz(args.start, args.count, args.jobs, args.docx)


if __name__ == "__main__":
    sys.exit(main())
