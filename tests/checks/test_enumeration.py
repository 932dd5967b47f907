"""The enumeration kind: a count announced before a list against the list's numbered items."""

from __future__ import annotations

import pytest
from pack_helpers import make_rule

from lint.checks.enumeration import EnumerationCheck, announced_count
from lint.packs import PackError
from lint.source import Document

PARAMS = {
    "announce": "(?P<count>[两二三四五六七八九十]|[2-9])(?:个|项|点)[\u4e00-\u9fff]{0,6}?[：:]",
    "item": "{n}是",
}


def findings(text: str, **params: object) -> list[tuple[str, str, str]]:
    check = EnumerationCheck(make_rule("enumeration", {**PARAMS, **params}))
    return [(text[f.start : f.end], f.fields["items"], f.fields["last"]) for f in check.find(Document("d.txt", text))]


def test_more_items_than_announced_are_reported_at_the_count() -> None:
    assert findings("抓好三个方面：一是学习；二是落实；三是作风；四是纪律。") == [("三", "四", "四")]


def test_fewer_items_than_announced_are_reported_when_no_more_follow() -> None:
    assert findings("抓好三个方面：一是学习；二是落实。\n下一段。") == [("三", "两", "二")]


def test_items_that_go_on_in_the_next_paragraphs_are_not_a_finding() -> None:
    assert findings("抓好三个方面：一是学习；二是落实。\n三是作风。") == []


@pytest.mark.parametrize(
    "text",
    [
        "抓好三个方面：一是学习；二是落实；三是作风。",  # as announced
        "抓好两点：一是学习。",  # one item is no list
        "抓好三个方面，要求如下：首先，一是学习；二是落实。",  # the list starts too far after the count
        "抓好三个方面：统一是前提，二是关键。",  # 统一是 is no item: an item starts a clause
        "抓好2点：一是学习；二是落实。",
    ],
)
def test_no_finding(text: str) -> None:
    assert findings(text) == []


def test_the_items_are_counted_in_order() -> None:
    # 三是 before 二是 does not count: the list reads 一, 二 and stops
    assert findings("抓好四个方面：一是学习；三是作风；二是落实。\n") == [("四", "两", "二")]


def test_announced_count_reads_chinese_and_arabic_numerals() -> None:
    assert [announced_count(n) for n in ("两", "三", "十", "7", "百")] == [2, 3, 10, 7, None]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"announce": "[三四]个："}, "needs a group named count"),
        ({"item": "是"}, "must hold {n}"),
    ],
)
def test_bad_params_are_pack_errors(params: dict[str, object], reason: str) -> None:
    with pytest.raises(PackError, match=reason):
        EnumerationCheck(make_rule("enumeration", {**PARAMS, **params}))
