"""How long ``gwlint server`` takes from a one-character edit to the diagnostics it publishes.

    python3 bench/server_latency.py            # 30,000 and 300,000 characters, 21 edits each
    python3 bench/server_latency.py --edits 41 --sizes 30000 100000 300000

Drafts are built from ``seeds/`` (the five drafts concatenated and repeated to the size). The real
server process (``python -m lint server``, ``debounceMs`` 0) is driven over stdio by a minimal
JSON-RPC client written here; each edit alternately inserts and deletes one character at a point
that moves through the draft, and the time runs from writing ``didChange`` to having read and parsed
the ``publishDiagnostics`` of that version. A few edits warm up first (not timed). Targets: median
<= 50 ms at 30,000 characters, <= 300 ms at 300,000. Needs ``pip install -e '.[server]'``. Prints a
Markdown table (with the machine's load average: timings on a busy or shared machine vary a lot).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {30_000: 50.0, 300_000: 300.0}
WARM_UP_EDITS = 3


class Client:
    """JSON-RPC over the server's stdin/stdout, one message at a time."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=ROOT)
        self.ids = itertools.count(1)

    def send(self, method: str, params: object, request: bool = False) -> int | None:
        message: dict[str, object] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = next(self.ids) if request else None
        if ident is not None:
            message["id"] = ident
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return ident

    def receive(self) -> dict:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def wait_for(self, accept: Callable[[dict], bool]) -> dict:
        """Read messages (answering the server's own requests) until one is accepted."""
        while True:
            message = self.receive()
            if message.get("method") in ("workspace/configuration", "client/registerCapability"):
                self.reply(message["id"], None)
            if accept(message):
                return message

    def reply(self, ident: object, result: object) -> None:
        body = json.dumps({"jsonrpc": "2.0", "id": ident, "result": result}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: object) -> dict:
        ident = self.send(method, params, request=True)
        return self.wait_for(lambda message: message.get("id") == ident and "method" not in message)

    def close(self) -> None:
        self.request("shutdown", None)
        self.send("exit", None)
        self.process.wait(timeout=30)


def draft_of(size: int) -> str:
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    return (seeds * (size // len(seeds) + 1))[:size]


def measure(client: Client, uri: str, text: str, edits: int) -> tuple[list[float], int]:
    """Seconds from each edit to its diagnostics (warm-up edits left out); the number published."""
    version = 1
    client.send(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}
    )
    published = published_for(client, uri, version)
    lines = text.split("\n")
    times = []
    for number in range(WARM_UP_EDITS + edits):
        line = (number // 2 * 7919) % len(lines)  # a point moving through the draft; insert, then delete it
        at = {"line": line, "character": min(3, len(lines[line]))}
        inserting = number % 2 == 0
        end = {"line": line, "character": at["character"] + (0 if inserting else 1)}
        version += 1
        change = {"range": {"start": at, "end": end}, "text": "的" if inserting else ""}
        started = time.perf_counter()
        client.send(
            "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}
        )
        published = published_for(client, uri, version)
        if number >= WARM_UP_EDITS:
            times.append(time.perf_counter() - started)
    return times, len(published)


def published_for(client: Client, uri: str, version: int) -> list:
    message = client.wait_for(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )
    )
    return message["params"]["diagnostics"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(TARGETS_MS), help="draft sizes in characters")
    parser.add_argument("--edits", type=int, default=21, help="timed edits per size (default: 21)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "GWLINT_CACHE_DIR": os.environ.get("GWLINT_CACHE_DIR", str(Path(folder) / "cache"))}
        client = Client([sys.executable, "-m", "lint", "server"], env)
        client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {},
                                      "initializationOptions": {"debounceMs": 0}})  # fmt: skip
        client.send("initialized", {})
        rows = []
        for size in args.sizes:
            path = Path(folder) / f"draft-{size}.txt"
            times, found = measure(client, path.as_uri(), draft_of(size), args.edits)
            rows.append((size, found, times))
        client.close()
    print_table(rows, args.edits)
    return 0 if all(statistics.median(t) * 1000 <= TARGETS_MS.get(s, float("inf")) for s, _, t in rows) else 1


def print_table(rows: list[tuple[int, int, list[float]]], edits: int) -> None:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"gwlint server: one-character edit to published diagnostics, debounceMs 0, {edits} edits per draft "
          f"after {WARM_UP_EDITS} warm-up edits; {os.cpu_count()} CPUs, load average {load}.\n")  # fmt: skip
    print("| draft (characters) | diagnostics | median (ms) | p90 (ms) | min (ms) | max (ms) | target | result |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for size, found, times in rows:
        ms = sorted(t * 1000 for t in times)
        median, p90 = statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.9))]
        target = TARGETS_MS.get(size)
        verdict = "—" if target is None else ("PASS" if median <= target else "**FAIL**")
        limit = "—" if target is None else f"≤ {target:.0f} ms"
        print(f"| {size:,} | {found:,} | {median:.1f} | {p90:.1f} | {ms[0]:.1f} | {ms[-1]:.1f} | {limit} | {verdict} |")


if __name__ == "__main__":
    sys.exit(main())
