"""One person's name written two ways beside a title (the consistency kind's person-names)."""

from __future__ import annotations

from lint.checks.person_variants import person_variants

TITLES = ("副秘书长", "秘书长", "副市长", "市长", "局长")
SURNAMES = "吕王张李"


def reported(text: str) -> list[tuple[str, str, int]]:
    return [(v.text, v.preferred, v.count) for v in person_variants(text, TITLES, SURNAMES)]


def test_a_homophone_in_the_same_name_is_reported_with_the_other_spelling() -> None:
    text = "副秘书长吕朝晖陪同调研。\n吕朝辉副秘书长提出要求。"
    assert reported(text) == [("吕朝辉", "吕朝晖", 1)]


def test_the_minority_spelling_is_the_one_reported() -> None:
    text = "吕朝辉副秘书长讲话。副秘书长吕朝晖指出，吕朝晖副秘书长强调。"
    assert reported(text) == [("吕朝辉", "吕朝晖", 2)]


def test_names_that_differ_by_a_character_of_another_sound_are_two_people() -> None:
    assert reported("副市长王祖焕、王祖德局长参加调研。") == []


def test_names_of_different_surnames_are_two_people() -> None:
    assert reported("副市长王朝晖、李朝辉局长参加调研。") == []


def test_a_name_before_a_title_needs_a_clause_start_in_front() -> None:
    # 省吕朝辉 is no name start: 吕 follows a word, so only the name after 市长 is read
    assert reported("市长吕朝晖出席。全省吕朝辉局长的讲话。") == []


def test_a_name_the_dictionary_knows_is_the_right_spelling_whatever_the_counts() -> None:
    text = "习进平总书记指出。\n总书记习近平强调。"
    assert [(v.text, v.preferred) for v in person_variants(text, ("总书记",), "习")] == [("习进平", "习近平")]
