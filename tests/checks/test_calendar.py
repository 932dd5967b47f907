"""calendar: a date against its weekday, and a date narrated as past against the draft's own date."""

from __future__ import annotations

import pytest
from pack_helpers import make_rule

from lint.checks.calendar import CalendarCheck
from lint.packs import PackError
from lint.source import Document

WEEKDAY = r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日（星期(?P<weekday>.)）"
PAST = r"(?P<hit>(?P<month>\d{1,2})月(?P<day>\d{1,2})日)，(?=[^。]*了)"
PUBLISHED = r"发布时间：(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"


def spans(text: str, **params: object) -> list[str]:
    check = CalendarCheck(make_rule("calendar", params))
    return [text[f.start : f.end] for f in check.find(Document("t", text))]


def weekday(text: str) -> list[str]:
    return spans(text, compare="weekday", regex=WEEKDAY)


def test_a_written_year_decides_the_weekday():
    assert weekday("于2016年1月10日（星期五）报送。") == ["2016年1月10日（星期五）"]
    assert weekday("于2016年1月10日（星期日）报送。") == []


def test_星期天_is_星期日():
    assert weekday("于2016年1月10日（星期天）报送。") == []


def test_a_date_without_a_year_takes_the_year_of_the_full_date_before_it_or_the_next():
    assert weekday("2021年12月31日（星期五）至1月2日（星期日）放假。") == []
    assert weekday("2021年12月31日（星期五）至1月2日（星期一）放假。") == ["1月2日（星期一）"]


def test_a_date_without_a_year_takes_the_draft_year_or_a_year_beside_it():
    # 11月18日 was a Wednesday in 2020, a Friday in 2022, a Thursday in 2021
    assert weekday("请于11月18日（星期三）到会。\n2021年11月1日") == []
    assert weekday("请于11月18日（星期五）到会。\n2021年11月1日") == []
    assert weekday("请于11月18日（星期一）到会。\n2021年11月1日") == ["11月18日（星期一）"]


def test_a_year_named_without_a_month_decides_the_dates_after_it():
    """延长2020年春节假期至2月2日（星期日）: 2020, not the signature's 2023 (ECSpell's 国务院 sentences)."""
    notice = "延长2020年春节假期至2月2日（星期日），2月3日（星期一）起正常上班。\n2023年6月1日"
    assert weekday(notice) == []
    assert weekday("延长2020年春节假期至2月2日（星期一）。\n2023年6月1日") == ["2月2日（星期一）"]


def test_no_year_anywhere_means_nothing_to_check():
    assert weekday("请于11月18日（星期一）到会。") == []


def test_an_impossible_date_or_a_stray_weekday_character_is_left_alone():
    assert weekday("于2016年2月30日（星期五）报送。") == []
    assert weekday("于2016年1月10日（星期八）报送。") == []


def test_the_message_fields_name_both_weekdays():
    check = CalendarCheck(make_rule("calendar", {"compare": "weekday", "regex": WEEKDAY}))
    (finding,) = check.find(Document("t", "于2016年1月10日（星期五）报送。"))
    assert finding.fields["actual"] == "星期日"
    assert finding.fields["weekday"] == "星期五"
    assert finding.replacement is None


def past(text: str, **params: object) -> list[str]:
    return spans(text, compare="draft-date", regex=PAST, **params)


def test_a_past_event_after_the_signature_date_is_reported():
    assert past("4月25日，举办了培训会。\n2021年4月9日") == ["4月25日"]
    assert past("4月2日，举办了培训会。\n2021年4月9日") == []


def test_a_date_just_after_or_long_after_the_draft_date_is_not():
    assert past("4月10日，举办了培训会。\n2021年4月9日") == []  # within min_days
    assert past("12月28日，举办了培训会。\n2021年1月5日") == []  # last December
    assert past("12月28日，举办了培训会。\n2021年1月5日", max_days=400) == ["12月28日"]


def test_a_document_number_year_is_not_a_precise_draft_date():
    assert past("某发〔2021〕3号\n4月25日，举办了培训会。") == []


def test_a_published_line_gives_the_draft_date():
    text = "标题\n发布时间：2021-04-09\n4月25日，举办了培训会。"
    assert past(text, published=PUBLISHED) == ["4月25日"]
    assert past(text) == []


def test_only_published_ignores_the_signature():
    assert past("4月25日，举办了培训会。\n2021年4月9日", published=PUBLISHED, only_published=True) == []
    assert past("发布时间：2021-04-09\n4月25日，举办了培训会。", published=PUBLISHED, only_published=True) == [
        "4月25日"
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"compare": "month", "regex": WEEKDAY}, "compare"),
        ({"compare": "weekday", "regex": r"(?P<month>\d)月(?P<day>\d)日"}, "regex"),
        ({"compare": "draft-date", "regex": PAST, "published": r"\d{4}"}, "published"),
        ({"compare": "draft-date", "regex": PAST, "only_published": True}, "only_published"),
    ],
)
def test_bad_params_name_the_field(params, field):
    with pytest.raises(PackError, match=field):
        CalendarCheck(make_rule("calendar", params))
