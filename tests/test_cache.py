"""The compiled-pack cache: used when the pack is unchanged, rebuilt when it changes or is damaged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_packs import GOOD_RULE

from lint import cache
from lint.packs import PackError, load_pack

PACK = GOOD_RULE  # a one-rule team pack


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
    entry.write_bytes(cache.dumps(["something else"]))
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


def test_a_built_linter_is_read_back_with_its_compiled_patterns(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint.packs import load_packs, select_rules
    from lint.plans import built_linter

    rules = select_rules(load_packs())
    fresh = built_linter(rules)
    assert len(list((cache_home / "linters").glob("*.pickle"))) == 1

    def no_building(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached linter should have been used")

    monkeypatch.setattr("lint.engine.build_checks", no_building)
    cached = built_linter(rules)
    assert cached is not fresh
    text = "关于做好工作的通知\n我们要坚决坚决贯彻落实XX同志的讲话精神，，按照国发〔2019〕12号文件执行。\n"
    assert cached.lint_text(text) == fresh.lint_text(text) != []
    patterns = [value for check in cached.checks for value in vars(check).values() if hasattr(value, "pattern")]
    assert patterns
    assert all(value == re.compile(value.pattern, value.flags) for value in patterns)


def test_other_rules_get_their_own_linter_and_the_date_does_not(cache_home: Path) -> None:
    import dataclasses

    from lint.packs import load_pack
    from lint.plans import built_linter

    path = cache_home.parent / "team.yaml"
    path.write_text(PACK, encoding="utf-8")
    rules = list(load_pack(path).rules)
    first = built_linter(rules)
    assert built_linter(rules) is not first  # read back from the cache, not built again under another key
    changed = [dataclasses.replace(rules[0], params={"wrong": ["旧名称"], "right": "新名称"})]
    renamed = built_linter(changed)
    assert len(list((cache_home / "linters").glob("*.pickle"))) == 2
    assert [d.matched for d in first.lint_text("老名称和旧名称")] == ["老名称"]
    assert [d.matched for d in renamed.lint_text("老名称和旧名称")] == ["旧名称"]


def test_patterns_round_trip_through_the_cache(cache_home: Path) -> None:
    patterns = [
        re.compile(r"(?P<verb>坚定|做到)(?P<term>[“]?四个意识[”]?)"),
        re.compile(r"(?i)abc\d+", re.MULTILINE),
        re.compile(r"[\u4e00-\u9fff]{2,}(?=。)"),
        re.compile(rb"bytes\s"),
    ]
    cache.store_object("things", "patterns", patterns)
    restored = cache.load_object("things", "patterns")
    assert restored == patterns
    assert [p.groupindex for p in restored] == [p.groupindex for p in patterns]
    assert restored[0].match("做到“四个意识”").group("term") == "“四个意识”"


def _plan(config_path: Path | None = None, select: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    import datetime

    from lint.config import ConfigResolver
    from lint.plans import Overrides, Workspace

    overrides = Overrides(select=select, as_of=datetime.date(2024, 6, 1))
    return Workspace(ConfigResolver(config_path, config_path is None), overrides).plan_for(None)


def test_a_plan_built_before_reads_no_pack(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _plan(select=("placeholder",))
    assert len(list((cache_home / "plans").glob("*.pickle"))) == 1

    def no_packs(*args: object, **kwargs: object) -> None:
        raise AssertionError("a remembered plan should not load packs")

    monkeypatch.setattr("lint.plans.verified_packs", no_packs)
    again = _plan(select=("placeholder",))
    assert [rule.id for rule in again.linter.rules] == [rule.id for rule in first.linter.rules]
    assert again.linter.suppression == first.linter.suppression
    text = "请于XX月XX日前报送。"
    assert again.linter.lint_text(text) == first.linter.lint_text(text) != []
    with pytest.raises(AssertionError, match="should not load packs"):
        _plan(select=("placeholder", "punctuation"))  # other inputs: built, not remembered


def test_a_plan_is_remembered_only_when_it_passed_its_checks(cache_home: Path) -> None:
    from lint.config import ConfigError

    config = cache_home.parent / ".gwlint.yaml"
    config.write_text("select: [no-such-pack]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="no-such-pack"):
            _plan(config)
    assert not (cache_home / "plans").exists()


def test_an_edited_pack_is_planned_again_even_at_the_same_size(cache_home: Path, pack_file: Path) -> None:
    import datetime
    import os

    from lint.config import ConfigResolver
    from lint.plans import Overrides, Workspace

    def plan():  # type: ignore[no-untyped-def]
        overrides = Overrides(packs=(pack_file,), as_of=datetime.date(2024, 6, 1))
        return Workspace(ConfigResolver(None, True), overrides).plan_for(None)

    assert plan().linter.lint_text("这是老名称。")[0].rule == "team.old-name"
    same_size = PACK.replace("老名称", "旧名称").replace("这是老", "这是旧")  # the plan's key reads size and time
    assert len(same_size.encode()) == len(PACK.encode())
    pack_file.write_text(same_size, encoding="utf-8")
    later = pack_file.stat().st_mtime_ns + 1_000_000
    os.utime(pack_file, ns=(later, later))  # a file system with coarse times could have kept the old one
    edited = plan().linter
    assert edited.lint_text("这是老名称。") == []
    assert edited.lint_text("这是旧名称。")[0].rule == "team.old-name"


def test_a_team_pack_is_read_once_and_its_verification_keyed_by_what_was_read(
    cache_home: Path, pack_file: Path, monkeypatch: pytest.MonkeyPatch
):
    """The verified stamp was keyed by reading the pack files a second time, so a file swapped in
    between the two reads was stamped verified without its examples being run."""
    from lint import plans

    read_again = Path.read_bytes

    def refuse(path: Path) -> bytes:
        assert path != pack_file, "the pack was read a second time"
        return read_again(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    packs = plans.verified_packs([pack_file])
    assert any(pack.path == str(pack_file) for pack in packs)
    assert any(cache_home.glob("verified/*")), "the verification was stamped"
