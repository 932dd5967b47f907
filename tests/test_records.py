"""lint.records: the dataclass behaviour gwlint relies on, without importing dataclasses."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from typing import ClassVar

import pytest

from lint.records import FrozenInstanceError, field, record, replace


@record(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0
    tags: dict[str, str] = field(default_factory=dict)
    kind: ClassVar[str] = "point"


@record(frozen=True)
class Pair:
    left: str
    right: str = ""


@record
class Box:
    items: list[int] = field(default_factory=list)
    label: str = "box"
    size: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.size = len(self.items)


def test_init_defaults_and_factories_are_fresh():
    a, b = Point(1), Point(2, 3)
    assert (a.x, a.y, a.tags, b.y) == (1, 0, {}, 3)
    assert a.tags is not Point(1).tags
    assert Point.kind == "point" and "kind" not in Point.__slots__
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_frozen_records_refuse_assignment_and_hash_by_value():
    point = Point(1, 2)
    with pytest.raises(FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.z = 1  # type: ignore[attr-defined]
    assert point == Point(1, 2) and point != Point(2, 1) and point != (1, 2, {})
    pair = Pair("a", "b")
    with pytest.raises(FrozenInstanceError):
        pair.left = "c"  # type: ignore[misc]
    assert hash(pair) == hash(Pair("a", "b")) and {pair, Pair("a", "b")} == {pair}


def test_repr_and_equality_leave_out_what_the_field_says():
    box = Box([1, 2])
    assert box.size == 2 and repr(box) == "Box(items=[1, 2], label='box')"
    other = Box([1, 2])
    other.size = 9
    assert box == other
    assert Box.__hash__ is None  # mutable records are not hashable, as with dataclasses


def test_pickle_round_trip_keeps_frozen_slotted_records():
    point = Point(1, 2, {"a": "b"})
    assert pickle.loads(pickle.dumps(point, protocol=5)) == point
    box = pickle.loads(pickle.dumps(Box([3])))
    assert (box.items, box.size) == ([3], 1)


def test_replace_copies_with_changes_and_recomputes_init_false_fields():
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    assert replace(Box([1]), items=[1, 2, 3]).size == 3


# Modules a warm one-draft check does without (each costs 1-10 ms of every pre-commit run): the
# reason each stays out is in the module that avoids it.
NOT_ON_THE_CHECK_PATH = (
    "dataclasses", "typing", "threading", "signal", "string", "pickle", "hashlib", "tempfile", "difflib", "tomllib",
    "yaml", "jieba",
)  # fmt: skip


def test_a_warm_check_imports_none_of_the_costly_modules_it_does_not_need(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要坚决坚决贯彻落实。\n", encoding="utf-8")
    code = (
        "import sys; from lint.cli import main; main(sys.argv[1:]); "
        f"print(sorted(set({NOT_ON_THE_CHECK_PATH!r}) & set(sys.modules)))"
    )
    env = {**os.environ, "GWLINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", code, "check", str(draft)]
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert "坚决坚决" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
