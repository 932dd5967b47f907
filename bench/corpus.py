"""The benchmark's inputs, built deterministically from seeds/: same seeds, same bytes, every time."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000  # sizes and throughputs are in decimal megabytes (10^6 bytes)
RANDOM_SEED = 20240601
SMALL_FILES = 2000
GROWTH_SIZES_MB = (1, 10, 100)


@dataclass(frozen=True)
class Corpus:
    draft: Path  # one real draft: the pre-commit case
    many: Path  # a folder of SMALL_FILES small drafts
    many_bytes: int
    sized: dict[int, Path]  # megabytes -> a file of about that size


def seed_paragraphs(seeds: Path) -> list[str]:
    paragraphs = []
    for path in sorted(seeds.glob("*.txt")):
        paragraphs += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not paragraphs:
        raise SystemExit(f"bench: no seed text in {seeds}")
    return paragraphs


def paragraph_stream(paragraphs: list[str], rng: random.Random) -> Iterator[str]:
    """The seed paragraphs over and over, each pass in a new (seeded) order."""
    while True:
        order = paragraphs[:]
        rng.shuffle(order)
        yield from order


def text_of_size(paragraphs: list[str], size: int, rng: random.Random) -> str:
    """Whole paragraphs, one per line, until the UTF-8 text reaches ``size`` bytes."""
    parts, total = [], 0
    for paragraph in paragraph_stream(paragraphs, rng):
        if total >= size:
            break
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 1
    return "\n".join(parts) + "\n"


def write_many(paragraphs: list[str], folder: Path, rng: random.Random) -> int:
    """SMALL_FILES drafts of 3 to 15 consecutive paragraphs each (about 1 to 10 KB)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    stream = paragraph_stream(paragraphs, rng)
    total = 0
    for index in range(SMALL_FILES):
        text = "\n".join(next(stream) for _ in range(rng.randint(3, 15))) + "\n"
        data = text.encode("utf-8")
        (folder / f"draft_{index:04d}.txt").write_bytes(data)
        total += len(data)
    return total


def build(seeds: Path, out: Path, sizes_mb: tuple[int, ...]) -> Corpus:
    inputs = out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    largest_seed = max(sorted(seeds.glob("*.txt")), key=lambda path: path.stat().st_size)
    draft = inputs / "draft.txt"
    shutil.copyfile(largest_seed, draft)
    draft.chmod(0o644)
    paragraphs = seed_paragraphs(seeds)
    many_bytes = write_many(paragraphs, inputs / "many", random.Random(RANDOM_SEED))
    sized = {}
    for megabytes in sizes_mb:
        path = inputs / f"size_{megabytes}mb.txt"
        text = text_of_size(paragraphs, megabytes * MB, random.Random(RANDOM_SEED + megabytes))
        path.write_bytes(text.encode("utf-8"))
        sized[megabytes] = path
    return Corpus(draft, inputs / "many", many_bytes, sized)
