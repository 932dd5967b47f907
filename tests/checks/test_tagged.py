"""``tagged``: sequences of words described by jieba's part-of-speech tags, and the 的/地/得 rules built on it."""

from __future__ import annotations

import pytest
from pack_helpers import make_rule

from lint.checks import segment
from lint.checks.tagged import TaggedCheck
from lint.engine import Linter
from lint.packs import PackError, load_packs, select_rules
from lint.source import Document

ADVERBIAL_DE = [
    {"tags": ["d", "ad", "a"]},
    {"words": ["的"], "report": True},
    {"tags": ["v"]},
    {"words": ["了"]},
]


def found(text: str, sequence: list[dict[str, object]], **params: object) -> list[tuple[str, str | None, dict]]:
    check = TaggedCheck(make_rule("tagged", {"sequence": sequence, **params}))
    return [(text[f.start : f.end], f.replacement, dict(f.fields)) for f in check.find(Document("t", text))]


class TestSequences:
    def test_the_reported_word_is_found_between_words_of_the_given_tags(self):
        assert found("全体干部认真的学习了会议精神。", ADVERBIAL_DE, replacement="地") == [
            ("的", "地", {"before": "认真", "after": "学习了"})
        ]

    def test_a_word_of_another_tag_breaks_the_sequence(self):
        assert found("我们的学习了解情况。", ADVERBIAL_DE) == []  # 我们 is a pronoun (r); 了解 is one word
        assert found("这是最好的选择。", ADVERBIAL_DE) == []  # no 了 after the verb

    def test_a_particle_inside_a_longer_word_is_not_the_particle(self):
        sequence = [{"words": ["的"], "report": True}, {"tags": ["n"]}]
        assert found("的确问题很多，目的明确。", sequence) == []
        assert [hit for hit, _, _ in found("我的目的", sequence)] == ["的"]

    def test_not_words_and_not_tags_exclude(self):
        sequence = [{"tags": ["d", "ad"], "not_words": ["更多"]}, {"words": ["的"], "report": True}, {"words": ["为"]}]
        assert len(found("更好的为群众服务", sequence)) == 1
        assert found("更多的为群众服务", sequence) == []
        tags_out = [{"tags": ["d", "ad"], "not_tags": ["d"]}, {"words": ["的"], "report": True}, {"words": ["为"]}]
        assert found("更好的为群众服务", tags_out) == []

    def test_also_words_are_accepted_whatever_their_tag(self):
        """深入 is tagged v in jieba's dictionary: ``also_words`` lets an adverbial rule take it."""
        with_also = [{**ADVERBIAL_DE[0], "also_words": ["深入"]}, *ADVERBIAL_DE[1:]]
        assert found("全体党员深入的开展了调查研究。", ADVERBIAL_DE) == []
        assert [hit for hit, _, _ in found("全体党员深入的开展了调查研究。", with_also)] == ["的"]
        excluded = [{**with_also[0], "not_words": ["深入"]}, *ADVERBIAL_DE[1:]]
        assert found("全体党员深入的开展了调查研究。", excluded) == []

    def test_edge_is_met_by_a_mark_or_the_line_end_only_when_asked(self):
        at_end = [{"tags": ["a"]}, {"words": ["地"], "report": True}, {"tags": ["n"]}, {"words": ["。"], "edge": True}]
        assert len(found("迈着坚定地步伐。", at_end)) == 1
        assert len(found("迈着坚定地步伐\n下一行", at_end)) == 1
        assert found("迈着坚定地步伐前进。", at_end) == []
        no_edge = [*at_end[:3], {"words": ["。"]}]
        assert found("迈着坚定地步伐", no_edge) == []

    def test_an_edge_condition_before_the_word_is_met_at_the_line_start(self):
        sequence = [
            {"not_words": ["所"], "edge": True},
            {"tags": ["v"]},
            {"words": ["的"], "report": True},
            {"words": ["很"]},
        ]
        assert len(found("做的很好", sequence)) == 1
        assert len(found("工作做的很好", sequence)) == 1
        assert found("我们所做的很有限", sequence) == []

    def test_the_sequence_stays_inside_its_clause(self):
        sequence = [{"tags": ["d", "ad"]}, {"words": ["的"], "report": True}, {"tags": ["v"]}, {"words": ["了"]}]
        assert found("认真的，学习了", sequence) == []
        assert found("认真的学习\n了", sequence) == []

    def test_marks_are_left_out_of_the_message_fields(self):
        sequence = [
            {"tags": ["a"]},
            {"words": ["地"], "report": True},
            {"tags": ["n"]},
            {"words": ["。"], "edge": True},
        ]
        assert found("坚定地步伐。", sequence)[0][2] == {"before": "坚定", "after": "步伐"}

    def test_max_length_limits_the_word(self):
        sequence = [{"tags": ["i"], "max_length": 3}, {"words": ["的"], "report": True}]
        assert found("持之以恒的读书", sequence) == []
        assert len(found("持之以恒的读书", [{**sequence[0], "max_length": 4}, sequence[1]])) == 1

    def test_a_fused_word_of_the_given_tags_is_read_as_stem_and_reported_word(self):
        sequence = [{"tags": ["z"]}, {"words": ["地"], "report": True}, {"tags": ["n", "nr"]}, {"words": ["中"]}]
        assert found("在滔滔地洪水中步行", sequence) == []  # jieba keeps 滔滔地 (i) whole
        assert found("在滔滔地洪水中步行", sequence, fused_tags=["i"], replacement="的") == [
            ("地", "的", {"before": "滔滔", "after": "洪水中"})
        ]

    def test_a_fused_word_of_another_tag_or_a_one_character_stem_stays_whole(self):
        any_word = [{"not_tags": ["x"]}, {"words": ["地"], "report": True}, {"tags": ["n"]}]
        assert found("改善当地环境，", any_word, fused_tags=["i", "z"]) == []  # 当地 is n
        assert found("发展湿地观光，", any_word, fused_tags=["z"]) == []  # 湿地 is z, but 湿 is one character

    def test_an_optional_word_may_be_present_or_absent(self):
        """A degree adverb between a modal and the adverbial (能够更加真实的展现) is optional."""
        sequence = [
            {"words": ["能够"]},
            {"words": ["更加", "非常"], "optional": True},
            {"tags": ["a", "ad", "d"]},
            {"words": ["的"], "report": True},
            {"tags": ["v"]},
        ]
        assert found("系统能够更加真实的展现户型结构。", sequence) == [
            ("的", None, {"before": "能够更加真实", "after": "展现"})
        ]
        assert found("系统能够真实的展现户型结构。", sequence) == [
            ("的", None, {"before": "能够真实", "after": "展现"})
        ]
        assert found("系统能够说明真实的展现。", sequence) == []  # another word in its place
        right = [{"words": ["的"], "report": True}, {"words": ["更"], "optional": True}, {"tags": ["v"]}]
        assert len(found("认真的学习", right)) == 1

    def test_context_conditions_apply(self):
        assert found("“认真的学习了文件”", ADVERBIAL_DE, unless_quoted=True) == []

    def test_the_check_is_paragraph_local(self):
        check = TaggedCheck(make_rule("tagged", {"sequence": ADVERBIAL_DE}))
        assert check.paragraph_local()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sequence": [{"words": ["的"], "report": True}]}, "params.sequence"),
        ({"sequence": "的"}, "params.sequence"),
        ({"sequence": [{"tags": ["a"]}, {"words": ["的"]}]}, "params.sequence"),
        ({"sequence": [{"words": ["的"], "report": True}, {"words": ["了"], "report": True}]}, "params.sequence"),
        ({"sequence": [{"tags": ["a"], "report": True}, {"words": ["的"]}]}, "params.sequence[0]"),
        ({"sequence": [{"words": ["的"], "report": True, "edge": True}, {"tags": ["v"]}]}, "params.sequence[0]"),
        ({"sequence": [{"words": ["的"], "report": True}, {"tag": ["v"]}]}, "params.sequence[1].tag"),
        ({"sequence": [{"words": ["的"], "report": True}, {"tags": "v"}]}, "params.sequence[1].tags"),
        ({"sequence": [{"words": ["的"], "report": True}, {"max_length": 0}]}, "params.sequence[1].max_length"),
        ({"sequence": [{"words": ["的"], "report": True}, {"edge": "yes"}]}, "params.sequence[1].edge"),
        ({"sequence": [{"words": ["的"], "report": True}, "v"]}, "params.sequence[1]"),
        ({"sequence": [{"words": ["的"], "report": True}, {}], "replace": "地"}, "params.replace"),
        ({"sequence": [{"words": ["地"], "report": True}, {}], "fused_tags": "z"}, "params.fused_tags"),
        ({"sequence": [{"words": ["的"], "report": True, "optional": True}, {"tags": ["v"]}]}, "params.sequence[0]"),
        (
            {"sequence": [{"words": ["的"], "report": True}, {"tags": ["v"], "optional": True, "edge": True}]},
            "params.sequence[1]",
        ),
        ({"sequence": [{"words": ["的"], "report": True}, {"optional": "yes"}]}, "params.sequence[1].optional"),
    ],
)
def test_bad_params_name_the_field(params, field):
    with pytest.raises(PackError) as error:
        TaggedCheck(make_rule("tagged", params))
    assert error.value.field == field


def test_tagged_tokens_are_the_segmentation_with_dictionary_tags():
    text = "我深刻的体会到了，王小明同志在杭研大厦。"
    pairs = segment.tagged(text)
    assert [word for word, _ in pairs] == segment.tokens(text)
    assert dict(pairs)["深刻"] == "d" and dict(pairs)["的"] == "uj" and dict(pairs)["，"] == segment.UNTAGGED


@pytest.fixture(scope="module")
def wording():
    # di-before-noun-at-clause-end is off by default: selected by id, it runs
    return Linter(select_rules(load_packs(), ["wording", "wording.di-before-noun-at-clause-end"]))


def de_rules(linter: Linter, text: str) -> list[tuple[str, str]]:
    """(rule, matched) of the 的/地/得 rules, counting the rules merged into a diagnostic (``also``)."""
    found = linter.lint_text(text)
    return [(rule, d.matched) for d in found for rule in sorted((d.rule, *d.also)) if rule.startswith("wording.d")]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("大家圆满的完成了各项任务。", "wording.de-before-verb-with-aspect"),
        ("通过学习，让我更加的坚定了对党的信心。", "wording.de-before-verb-with-aspect"),
        ("以便我们更好的为群众服务。", "wording.de-before-preposition"),
        ("只有这样才能更好的解决问题。", "wording.de-after-modal-adverbial"),
        ("就必须持之以恒的读书。", "wording.de-after-modal-idiom"),
        ("我深刻的体会到了肩上的责任。", "wording.de-before-resultative"),
        ("营造良好地氛围。", "wording.di-before-noun-at-clause-end"),
        ("在滔滔地洪水中步行。", "wording.di-before-noun-at-clause-end"),
        ("老人动情的说：“感谢党。”", "wording.de-before-shuo-after-feeling-word"),
        ("“感谢党！”老人动情的说。", "wording.de-before-speech-verb-after-quote"),
        ("我们清醒的认识到了问题。", "wording.de-before-resultative-after-adjective"),
        ("大家详细的学习一下文件。", "wording.de-before-verb-with-measure"),
        ("我深刻的反思自己的不足。", "wording.de-before-verb-with-pronoun-object"),
        ("我们将一如既往的为大家提供服务。", "wording.de-before-preposition"),
        ("台下的同学们都认真的听着。", "wording.de-before-verb-with-zhe-at-clause-end"),
        ("他高兴的跳了起来。", "wording.de-before-verb-with-aspect"),
        ("同学们玩的很开心。", "wording.de-before-degree-complement"),
        ("把家乡建设的更加美好。", "wording.de-before-degree-complement"),
    ],
)
def test_each_de_di_de_rule_finds_its_class(wording, text, rule):
    assert rule in {found_rule for found_rule, _ in de_rules(wording, text)}


@pytest.mark.parametrize(
    "text",
    [
        "坚持党的领导，加强我们的学习，有效的监督，发挥积极的作用。",
        "对全会精神有了深入的了解。",
        "这已经是最好的选择了。",
        "实施更加积极的就业政策，采取切实的防治污染措施。",
        "团结一切可以团结的力量，培养能够独当一面的干部。",
        "损失不足的由侵权人赔偿，得票最多的为当选人。",
        "必须最广泛地动员和组织人民，积极稳妥地分类推进。",
        "从落后的状况到经济总量跃居世界第二，吸引更多的人到基层去。",
        "他说的很对，我们所做的还很有限。",
        "该说的说，不该说的不说。时间有限，只挑重要的说。",
        "把坏的修理一下，最好的留给自己。",
        "发展森林草原湿地观光，改善当地环境。",
    ],
)
def test_correct_uses_of_de_and_di_are_silent(wording, text):
    assert de_rules(wording, text) == []
