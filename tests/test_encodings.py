"""Text that is not UTF-8 is GB18030 only when it reads as Chinese (issue 14, item 5; lint/encodings.py).

Big5, Shift-JIS and EUC-KR bytes mostly decode as GB18030 too; read that way, --fix wrote GB18030
bytes into them. The fixtures: tests/fixtures/encodings/traditional.txt (three of our unseen drafts
in traditional characters), japanese.txt and korean.txt (a notice written for these tests).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLEAN, ROOT, SEEDS
from pack_helpers import DEMO_PACK, only_pack

from lint.cli import main
from lint.encodings import PLAUSIBLE, _common_gb, common_share
from lint.source import SourceError, decode

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOREIGN = FIXTURES / "encodings"
REAL = sorted(
    [*CLEAN.glob("*.txt"), *SEEDS.glob("*.txt"), *FIXTURES.glob("unseen*/*.txt"), FIXTURES / "correct_prose.txt"]
)
MISREAD = [
    ("traditional.txt", "big5", "looks like Big5 (traditional Chinese)"),
    ("japanese.txt", "shift_jis", "looks like Shift-JIS (Japanese)"),
    ("korean.txt", "euc_kr", "looks like EUC-KR (Korean)"),
    ("japanese.txt", "euc_jp", "does not read as Chinese in GB18030"),  # no table for it: the general reason
]


def reason(data: bytes) -> str | None:
    try:
        decode(data, "draft.txt")
    except SourceError as error:
        return error.reason
    return None


def test_every_real_draft_and_every_line_of_one_is_read_as_gb18030() -> None:
    assert len(REAL) > 20
    for path in REAL:
        text = path.read_text(encoding="utf-8")
        assert decode(text.encode("gb18030"), path.name) == (text, "gb18030", False), path
        assert common_share(text, _common_gb())[0] > 0.9, path  # far above PLAUSIBLE
        for line in text.splitlines():  # a one-line draft as well
            assert reason(line.encode("gb18030")) is None, line


@pytest.mark.parametrize(("name", "codec", "expected"), MISREAD, ids=[f"{n}-{c}" for n, c, _ in MISREAD])
def test_other_encodings_are_refused_with_the_reason(name: str, codec: str, expected: str) -> None:
    text = (FOREIGN / name).read_text(encoding="utf-8")
    data = text.encode(codec)
    share = common_share(data.decode("gb18030"), _common_gb())[0]
    assert share < PLAUSIBLE - 0.1  # measured, not assumed: the misreading is clearly nonsense
    assert reason(data).startswith(expected)
    for line in text.splitlines():  # a single sentence of eight characters or more too
        if sum(not char.isascii() for char in line) >= 8:
            assert reason(line.encode(codec)) is not None, line


def test_the_message_says_how_to_convert() -> None:
    data = (FOREIGN / "traditional.txt").read_text(encoding="utf-8").encode("big5")
    assert reason(data) == (
        "looks like Big5 (traditional Chinese), not GB18030 or UTF-8; convert it to UTF-8 (e.g. iconv -f BIG5 -t UTF-8)"
    )


def test_fix_on_a_big5_draft_is_an_input_error_and_writes_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    pack = only_pack(tmp_path, monkeypatch, DEMO_PACK)
    draft = tmp_path / "draft.txt"
    original = "計劃委員會發文,請各單位於本週內報送材料,逾期不候。\n".encode("big5")
    draft.write_bytes(original)
    assert main(["check", "--isolated", "--pack", str(pack), "--fix", str(draft)]) == 2
    assert f"gwlint: error: {draft}: looks like Big5" in capsys.readouterr().err
    assert draft.read_bytes() == original


def test_a_short_gbk_text_is_still_read_as_gbk() -> None:
    assert decode("通知".encode("gbk"), "x.txt") == ("通知", "gb18030", False)
    assert decode("关于召开会议的通知".encode("gbk"), "x.txt")[1] == "gb18030"


def test_the_table_is_the_generated_one() -> None:
    table = (ROOT / "lint" / "data" / "common_hanzi.txt").read_text(encoding="utf-8").splitlines()
    chars = "".join(line for line in table if not line.startswith("#"))
    assert len(chars) == len(set(chars)) == 1500
    assert {"的", "是", "发", "展", "会", "议"} <= set(chars)
