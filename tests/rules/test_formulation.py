"""The formulation pack: wrong or outdated 提法, silent on the 20th Congress report's own wording."""

from __future__ import annotations

import datetime

import pytest
from conftest import CLEAN, SEEDS
from pack_helpers import fixed, hits

from lint.engine import Linter
from lint.packs import load_packs, select_rules


def test_the_pack_has_at_least_fifty_sourced_rules():
    (pack,) = [p for p in load_packs() if p.name == "formulation"]
    assert len(pack.rules) >= 50
    assert all(rule.source.strip() for rule in pack.rules)


class TestTruncatedFullName:
    def test_reported_where_the_draft_names_xi_elsewhere(self, linter):
        text = "深入学习习近平总书记重要讲话精神。\n用新时代中国特色社会主义思想武装头脑。"
        assert hits(linter, text, "formulation") == [("truncated-xi-thought", "新时代中国特色社会主义思想")]

    def test_silent_in_xis_own_report(self, linter):
        report = (CLEAN / "report20_part4_end.txt").read_text(encoding="utf-8")
        assert "坚持用新时代中国特色社会主义思想统一思想" in report
        assert hits(linter, report, "formulation") == []

    def test_masked_name_is_left_to_the_placeholder_pack(self, linter):
        text = "***总书记强调。学习贯彻***新时代中国特色社会主义思想。"
        assert hits(linter, text, "formulation") == []

    def test_a_quotation_of_xis_words_is_silent(self, linter):
        text = "习近平总书记指出：“坚持用新时代中国特色社会主义思想统一思想、统一意志、统一行动。”"
        assert hits(linter, text, "formulation") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("打铁还需自身硬。", "打铁必须自身硬。"),
        ("实现“两个维护”。", "做到“两个维护”。"),
        ('统筹推进"五位一体"战略布局。', '统筹推进"五位一体"总体布局。'),
        ("以习近平主席为核心的党中央", "以习近平同志为核心的党中央"),
        ("铸造中华民族共同体意识", "铸牢中华民族共同体意识"),
        ("推进马克思主义中国化。", "推进马克思主义中国化时代化。"),
        ("在思想上行动上政治上保持一致", "在思想上政治上行动上保持一致"),
        (
            "按照产业兴旺、生态宜居、治理有效、乡风文明、生活富裕的要求",
            "按照产业兴旺、生态宜居、乡风文明、治理有效、生活富裕的要求",
        ),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "formulation") == expected


@pytest.mark.parametrize(
    "text",
    [
        "马克思主义中国化时代化是一个追求真理、揭示真理、笃行真理的过程。",
        "推进马克思主义中国化、时代化、大众化。",
        "严格落实“两个维护”制度机制。",
        "共建“一带一路”战略性项目有序推进。",
        "厚植爱国主义情怀，营造富强民主文明和谐美丽的发展环境。",
    ],
)
def test_near_misses_are_silent(linter, text):
    assert hits(linter, text, "formulation") == []


def test_seed_002_truncated_name_is_found_despite_an_unclosed_quote(linter):
    seed = sorted(SEEDS.glob("*.txt"))[2]
    found = hits(linter, seed.read_text(encoding="utf-8"), "formulation")
    assert ("truncated-xi-thought", "新时代中国特色社会主义思想") in found


def test_no_rule_of_another_pack_reports_the_same_text(linter):
    """Orders and verbs also handled by the collocation pack are not repeated here."""
    text = "增强“四个自信”、坚定“四个意识”，做好“两个维护”，提高政治领悟力、政治判断力、政治执行力。"
    spans = [(d.span.start, d.span.end) for d in linter.lint_text(text) if d.pack in ("formulation", "collocation")]
    assert len(spans) == len(set(spans))


def safely_fixed(linter, text: str, day: datetime.date | None = None) -> str:
    from lint.fixer import apply_fixes

    diagnostics = [d for d in linter.lint_text(text, as_of=day) if d.pack == "formulation"]
    return apply_fixes(text, diagnostics, unsafe=False)[0]


class TestFixesLeaveTheTextAroundAlone:
    """Each span a fix once rewrote where it was part of something else: the text must come out unchanged."""

    @pytest.mark.parametrize(
        "text",
        [
            "对不抓党建失职失责的严肃问责。",
            "抓好党建是本职，对不抓党建失职失责的要严肃追责。",
            "书记要切实抓好党建本职工作，履行第一责任人职责。",
            "对抓不好党建不称职的党组织书记及时调整。",
            "把我市建设成为“一带一路”战略支点城市。",
            "推动“一带一路”战略对接，深化务实合作。",
        ],
    )
    def test_no_fix_touches_it(self, linter, text):
        assert fixed(linter, text, "formulation") == text

    def test_the_resolutions_ten_clarifications_are_left_alone(self, linter):
        sentence = (
            "在全面建成小康社会的基础上，分两步走在本世纪中叶建成富强民主文明和谐美丽的社会主义现代化强国，"
            "以中国式现代化推进中华民族伟大复兴。"
        )
        for day in (datetime.date(2021, 11, 11), datetime.date(2024, 6, 1)):
            assert [d for d in linter.lint_text(sentence, as_of=day) if d.pack == "formulation"] == []
            assert fixed(linter, sentence, "formulation") == sentence

    def test_the_missing_quanmian_is_off_by_default_and_only_a_hint_when_selected(self, linter):
        # central texts after the 20th congress still write the short form (新闻联播 2023-02-20)
        rule = "formulation.chinese-modernization-rejuvenation"
        text = "以中国式现代化推进中华民族伟大复兴。"
        assert [d for d in linter.lint_text(text) if d.rule == rule] == []
        selected = Linter(select_rules(load_packs(), [rule]))
        assert [d.severity.name for d in selected.lint_text(text)] == ["INFO"]
        assert safely_fixed(selected, text) == text

    def test_the_triple_is_still_fixed_inside_the_triple(self, linter):
        text = "牢固树立“抓好党建本职、不抓党建失职、抓不好党建不称职”的理念。"
        expected = "牢固树立“抓好党建是本职、不抓党建是失职、抓不好党建是不称职”的理念。"
        assert safely_fixed(linter, text) == expected


class TestWhoSpeaks:
    """Rules that want the leader's full name stay silent on his own texts, not on drafts that quote him."""

    REPORT_HEAD = (
        "决胜全面建成小康社会\n——在中国共产党第十九次全国代表大会上的报告\n（2017年10月18日）\n习近平\n同志们：\n"
    )

    def test_the_leaders_own_report_with_a_byline_is_silent(self, linter):
        body = "现在，我代表第十八届中央委员会向大会作报告。\n新时代中国特色社会主义思想，是全党全国人民的行动指南。"
        text = self.REPORT_HEAD + body
        assert hits(linter, text, "formulation") == []

    def test_a_draft_quoting_a_leaders_report_in_its_body_still_reports(self, linter):
        text = (
            "在全县组织工作会议上的讲话\n同志们：\n"
            + "今年的工作很重要。\n" * 8
            + "习近平\n要用新时代中国特色社会主义思想武装头脑。"
        )
        assert hits(linter, text, "formulation") == [("truncated-xi-thought", "新时代中国特色社会主义思想")]

    def test_reported_speech_is_silent_but_the_drafters_own_sentence_is_not(self, linter):
        reported = "习近平总书记强调，要坚持不懈用新时代中国特色社会主义思想凝心铸魂。"
        own = "习近平总书记提出的要求很明确，我们要用新时代中国特色社会主义思想武装头脑。"
        assert hits(linter, reported, "formulation") == []
        assert hits(linter, own, "formulation") == [("truncated-xi-thought", "新时代中国特色社会主义思想")]


class TestNewClasses:
    @pytest.mark.parametrize(
        ("text", "rule"),
        [
            ("增强“四种意识”、坚定“四个自信”。", "slogan-four-consciousness-name"),
            ("坚决做到“两个拥护”。", "slogan-two-upholds-name"),
            ("以中国特色现代化全面推进中华民族伟大复兴。", "chinese-style-modernization-name"),
            ("向第二个一百年奋斗目标进军。", "centenary-goal-name"),
            ("坚定不移全面从紧治党。", "strict-governance-name"),
            ("因地制宜发展新型生产力。", "new-quality-productivity"),
            ("紧密团结在以习近平同志为核心党中央周围。", "core-missing-de"),
            ("坚持以习近平新时代中国特色社会主思想为指导。", "garbled-xi-thought-name"),
            ("学习习近平新时代特色社会主义思想。", "garbled-xi-thought-name"),
            ("毛泽东思想、邓小平论、“三个代表”重要思想", "garbled-deng-theory-name"),
            ("学习贯彻二十大三中全会精神。", "congress-plenum-garbled"),
            ("学习贯彻党的二十届大精神。", "congress-ordinal-garbled"),
            ("学习贯彻十九届八中全会精神。", "nonexistent-plenum-past-committees"),
        ],
    )
    def test_reported(self, linter, text, rule):
        assert rule in [slug for slug, _ in hits(linter, text, "formulation")]

    @pytest.mark.parametrize(
        "text",
        [
            "今天我主要讲四个意思。",
            "增强四种意识：服务意识、质量意识、效率意识、安全意识。",
            "加快建设中国特色现代化产业体系。",
            "形成与之相适应的新型生产关系。",
            "深入学习习近平经济思想和习近平文化思想。",
            "重温《邓小平论党的建设》。",
            "深入学习贯彻党的二十大和二十届三中全会精神。",
            "党的十九届七中全会为党的二十大召开作了准备。",
            "团十九届八中全会在京召开。",
        ],
    )
    def test_near_misses_are_silent(self, linter, text):
        assert hits(linter, text, "formulation") == []

    def test_a_plenum_exists_from_the_day_it_opens(self, linter):
        text = "深入学习贯彻二十届四中全会精神。"
        assert linter.lint_text(text, as_of=datetime.date(2025, 6, 1))
        assert not [d for d in linter.lint_text(text, as_of=datetime.date(2025, 10, 20)) if d.pack == "formulation"]

    def test_a_congress_written_for_a_committee_is_fixed_and_an_unclear_one_is_not(self, linter):
        assert safely_fixed(linter, "学习贯彻二十大三中全会精神。") == "学习贯彻二十届三中全会精神。"
        assert fixed(linter, "学习贯彻党的二十届大精神。", "formulation") == "学习贯彻党的二十届大精神。"
