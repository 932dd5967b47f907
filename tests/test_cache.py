"""The compiled-pack cache: used when the pack is unchanged, rebuilt when it changes or is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import cache
from lint.packs import PackError, load_pack

PACK = """
pack: team
description: 团队自定义
rules:
  - id: old-name
    title: 旧称
    severity: warning
    kind: substitution
    message: "“{match}”应写作“{right}”"
    rationale: 统一称谓。
    source: 本单位规范
    params:
      wrong: [老名称]
      right: 新名称
    examples:
      bad: ["这是老名称。"]
      good: ["这是新名称。"]
"""


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(home))
    return home


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def entries(home: Path) -> list[Path]:
    return sorted((home / "packs").glob("*.pickle"))


def test_a_loaded_pack_is_cached_and_read_back_without_parsing(
    cache_home: Path, pack_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_pack(pack_file)
    assert len(entries(cache_home)) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached pack should have been used")

    monkeypatch.setattr("lint.packs.parse_pack", no_parsing)
    assert load_pack(pack_file) == first


def test_a_changed_pack_is_parsed_again(cache_home: Path, pack_file: Path) -> None:
    load_pack(pack_file)
    pack_file.write_text(PACK.replace("新名称", "新称谓"), encoding="utf-8")
    rule = load_pack(pack_file).rules[0]
    assert rule.params["right"] == "新称谓"
    assert len(entries(cache_home)) == 2


def test_a_broken_pack_is_reported_even_after_a_good_version_was_cached(cache_home: Path, pack_file: Path) -> None:
    load_pack(pack_file)
    pack_file.write_text(PACK.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    with pytest.raises(PackError, match="severity"):
        load_pack(pack_file)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_corrupt_entry_is_rebuilt_silently(cache_home: Path, pack_file: Path, damage: bytes) -> None:
    expected = load_pack(pack_file)
    (entry,) = entries(cache_home)
    entry.write_bytes(damage)
    assert load_pack(pack_file) == expected
    assert entry.read_bytes() != damage  # written again


def test_an_entry_of_the_wrong_type_is_ignored(cache_home: Path, pack_file: Path) -> None:
    expected = load_pack(pack_file)
    (entry,) = entries(cache_home)
    entry.write_bytes(cache.pickle.dumps(["something else"]))
    assert load_pack(pack_file) == expected


def test_an_unusable_cache_directory_only_costs_time(
    tmp_path: Path, pack_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(blocker / "cache"))
    assert load_pack(pack_file).rules[0].id == "team.old-name"
    assert load_pack(pack_file).rules[0].id == "team.old-name"


def test_the_same_content_at_another_path_keeps_its_own_path(cache_home: Path, pack_file: Path, tmp_path: Path) -> None:
    load_pack(pack_file)
    other = tmp_path / "elsewhere" / "team.yaml"
    other.parent.mkdir()
    other.write_text(PACK, encoding="utf-8")
    assert load_pack(other).path == str(other)


def test_store_leaves_no_temporary_file(cache_home: Path) -> None:
    cache.store_object("things", "key", {"a": 1})
    assert cache.load_object("things", "key") == {"a": 1}
    assert [p.name for p in (cache_home / "things").iterdir()] == ["key.pickle"]
