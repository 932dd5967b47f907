"""consistency: two accepted forms of one thing in one document; the minority form is reported."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from lint.engine import Linter
from lint.packs import PackError, load_packs, parse_pack, select_rules


@pytest.fixture(scope="module")
def consistency():
    return Linter(select_rules(load_packs(), ["consistency"]))


def found(linter, text):
    return [(d.rule.split(".")[1], d.matched, d.fix.replacement if d.fix else None) for d in linter.lint_text(text)]


def test_every_place_of_the_minority_form_is_reported_with_the_majority_as_fix(consistency):
    text = "两新组织要建强。“两新”组织党建，“两新”组织覆盖，‘两新’组织指导员。\n两新组织书记。"
    assert found(consistency, text) == [
        ("two-new-organizations", "两新组织", "“两新”组织"),
        ("two-new-organizations", "两新组织", "“两新”组织"),
    ]


def test_the_message_names_the_majority_and_its_count(consistency):
    text = "黄河口蒙古族镇位于东部。\n黄河口蒙古镇大力发展茶产业，黄河口蒙古族镇的茶园逐年扩大。"
    [diagnostic] = [d for d in consistency.lint_text(text) if d.rule.endswith("name-missing-character")]
    assert "“黄河口蒙古族镇”（2处）" in diagnostic.message
    assert "“黄河口蒙古镇”" in diagnostic.message


def test_other_variant_suggests_the_standard_form_whatever_the_counts(consistency):
    # held-out 12105: three 其它 and two 其他; the standard 其他 is the suggestion, not the majority
    found = consistency.lint_text("附诊断证明或其它证明，其它节日，其它事项，其他单位，其他人员。")
    assert [(d.matched, d.fix.replacement) for d in found] == [("其它", "其他")] * 3


def test_a_tie_goes_to_the_form_listed_first(consistency):
    assert found(consistency, "其它单位，其他部门。") == [("other-variant", "其它", "其他")]


def test_one_form_alone_is_consistent(consistency):
    assert found(consistency, "其它单位，其它部门，两新组织，二零二四年。") == []


def test_characters_are_compared_only_within_their_region(consistency):
    text = "二〇二二年、二〇二三年，二零二四年；零增长，零容忍。"
    assert found(consistency, text) == [("year-zero", "零", "〇")]


def test_a_group_is_compared_on_its_own(consistency):
    # three leaders' reports in one file (devset 805): each list keeps its own point, a list that mixes is reported
    text = "1.提高认识\n2.加强领导\n3.抓好落实\n1．落实责任\n2．加强督查\n3.抓好整改\n"
    assert found(consistency, text) == [("ordinal-point-width", ".", "．")]


def test_characters_are_translated_position_for_position(consistency):
    text = "2024年第1季度、第2季度，ＧＤＰ增长５％，CPI持平。"
    assert found(consistency, text) == [
        ("fullwidth-alphanumerics", "ＧＤＰ", "GDP"),
        ("fullwidth-alphanumerics", "５", "5"),
    ]


def test_halfwidth_punctuation_is_left_to_the_width_rules(consistency):
    assert found(consistency, "会议强调，要坚持问题导向,狠抓落实。要“严”字当头。") == []


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_silent(consistency, seed):
    assert consistency.lint_text(seed.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("{}", "params.forms"),
        ("{forms: [a]}", "params.forms"),
        ("{forms: [a, {regex: b}]}", "params.forms[1]"),
        ("{forms: [a, {text: b, regex: '('}]}", "params.forms[1]"),
        ("{forms: [a, b], within: c}", "params.within"),
        ("{characters: [ab, c]}", "params.characters"),
        ("{characters: [ab, bc]}", "params.characters"),
        ("{characters: [a, b], within: '('}", "params.within"),
        ("{characters: [a, b], prefer_first: 1}", "params.prefer_first"),
        ("{characters: [a, b], group: '('}", "params.group"),
        ("{forms: [a, b], group: c}", "params.group"),
        ("{variants: words}", "params.variants"),
        ("{variants: names}", "params.suffixes"),
        ("{variants: names, suffixes: [镇], edit: swap}", "params.edit"),
        ("{variants: names, suffixes: [镇], relational: 所在地}", "params.relational"),
        ("{variants: quoted-series, forms: [a, b]}", "params.forms"),
        ("{variants: quoted-series, within: a}", "params.within"),
        ("{variants: title-names}", "params.suffixes"),
        ("{variants: title-names, suffixes: [会], min_length: 3}", "params.min_length"),
        ("{variants: place-short-names, places: [安徽], suffixes: [院]}", "params.level"),
        ("{variants: place-short-names, level: 省, suffixes: [院]}", "params.places"),
        ("{variants: names, suffixes: [业], distinct: [高技术]}", "params.distinct"),
        ("{variants: quoted-names, ignore: 的}", "params.ignore"),
    ],
)
def test_bad_params_name_the_field(params, field):
    raw = (
        "pack: p\nrules:\n  - {id: r, title: t, severity: warning, kind: consistency, message: m, rationale: r,"
        f" source: s, params: {params}, examples: {{bad: [x], good: [y]}}}}\n"
    )
    with pytest.raises(PackError) as error:
        Linter(parse_pack(raw, "p.yaml").rules)
    assert error.value.field == field


def test_a_preferred_form_wins_even_in_the_minority(consistency):
    text = "二零二二年、二零二三年，二〇二四年。"
    assert found(consistency, text) == [("year-zero", "零", "〇"), ("year-zero", "零", "〇")]


def test_year_zero_is_reported_by_one_rule_of_all_packs(linter):
    text = "二零二二年、二零二三年，二〇二四年。二零一三年。"
    assert {d.rule for d in linter.lint_text(text)} == {"consistency.year-zero"}


# spelling variants found without a list of pairs (lint.checks.variants)


def test_a_name_missing_a_character_is_reported_with_the_longer_name(consistency):
    text = "黄河口蒙古镇位于县城东部。\n黄河口蒙古镇大力发展茶产业，黄河口蒙古族镇的茶园面积逐年扩大。"
    hits = [h for h in found(consistency, text) if h[0] == "name-missing-character"]
    assert hits == [("name-missing-character", "黄河口蒙古镇", "黄河口蒙古族镇")] * 2


def test_a_name_with_a_character_typed_again_is_not_the_full_name_of_the_other(consistency):
    # held-out 24403 (a forestry bureau's duties page): 绿 typed again inside 委员会; the longer spelling is the slip,
    # so the correct one is not reported as missing a character
    text = "营林股（加挂县绿化委员会办公室牌子）。\n承担县绿化委绿员会办公室日常工作。"
    assert [h for h in found(consistency, text) if h[0] == "name-missing-character"] == []


def test_a_shorter_word_the_document_uses_on_its_own_is_its_own_name(consistency):
    # held-out 25602: the school's own 领导组 (set up, then its office) beside the province's 领导小组办公室
    text = (
        "根据河南省岗位设置工作领导小组办公室的通知，学校成立岗位设置管理工作领导组，"
        "领导组办公室设在人事处。领导组下设四个聘用工作委员会。"
    )
    assert [h for h in found(consistency, text) if h[0] == "name-missing-character"] == []


def test_words_declared_distinct_are_two_names(consistency):
    """高技术产业 (国家统计局) and 高新技术产业 (科技部) are two statistics, as the packs declare."""
    text = "高新技术产业增加值增长。加大高技术产业投资，高新技术产业占比提高。"
    assert found(consistency, text) == []


def test_a_character_in_front_of_a_name_is_not_a_spelling_of_it(consistency):
    text = "积极发展各单项体育协会。全县现有单项体育协会12个，充分发挥单项体育协会的作用。"
    assert found(consistency, text) == []


def test_names_differing_in_a_short_word_are_different_names(consistency):
    text = "城阳水运有限公司党支部和城阳水泥有限公司党支部结对共建，城阳水泥有限公司党支部获表彰。"
    assert found(consistency, text) == []


def test_a_function_word_or_a_numeral_is_not_a_spelling_difference(consistency):
    text = "国家发展和改革委员会、省发展改革委员会联合印发通知，省发展改革委员会负责落实。"
    assert found(consistency, text) == []


def test_a_name_one_character_off_goes_to_the_majority_then_the_first_spelling(consistency):
    text = "交通运输和邮电通信业平稳发展。邮电通讯业收入增长8%。"
    assert found(consistency, text) == [("name-one-character-off", "邮电通讯业", "邮电通信业")]
    text = "邮电通讯业收入增长8%，邮电通讯业投资增长。交通运输和邮电通信业平稳发展。"
    assert found(consistency, text) == [("name-one-character-off", "邮电通信业", "邮电通讯业")]


def test_two_bodies_whose_names_differ_by_a_character_of_another_sound_are_two_bodies(consistency):
    # 人民日报 lists of winners: 研究所 / 研究院, 江苏 / 江西 name different bodies, not one mistyped
    text = "中国电子科技集团公司第十四研究所有限公司、中国电子科技集团公司第十四研究院有限公司获奖。"
    assert found(consistency, text) == []
    text = "江苏省律师协会、江西省律师协会和浙江省律师协会联合举办论坛。"
    assert found(consistency, text) == []


def test_a_quoted_slogan_written_with_other_separators_goes_to_the_majority(consistency):
    text = "开展“比学习，比作风”活动。围绕“比学习、比作风”主题，结合“比学习、比作风”要求。"
    assert found(consistency, text) == [("quoted-series-variant", "比学习，比作风", "比学习、比作风")]


def test_in_a_tie_the_slogan_with_dunhao_between_its_parts_is_the_documents(consistency):
    """One quoted spelling each way: the comma form is reported wherever it stands (GB/T 15834 4.5.3.1)."""
    text = "学习“不忘初心，牢记使命”的要求。结合“不忘初心、牢记使命”主题教育。"
    assert found(consistency, text) == [("quoted-series-variant", "不忘初心，牢记使命", "不忘初心、牢记使命")]
    text = "结合“不忘初心、牢记使命”主题教育。学习“不忘初心，牢记使命”的要求。"
    assert found(consistency, text) == [("quoted-series-variant", "不忘初心，牢记使命", "不忘初心、牢记使命")]


def test_the_dunhao_spelling_decides_only_a_tie(consistency):
    """Written more often, the comma spelling is the document's: the 顿号 one is then reported."""
    text = "开展“比学习，比作风”活动。围绕“比学习，比作风”主题，结合“比学习、比作风”要求。"
    assert found(consistency, text) == [("quoted-series-variant", "比学习、比作风", "比学习，比作风")]


def test_an_unquoted_slogan_counts_only_when_a_character_differs(consistency):
    text = "举行“强基础、优服务、促发展”座谈会。要求大家强基础，优服务，促发展。"
    assert found(consistency, text) == []
    text = "举行“强基础、优服务、促发展”座谈会。要求大家强基础，优服务，谋发展。"
    assert found(consistency, text) == [("quoted-series-variant", "强基础，优服务，谋发展", "强基础、优服务、促发展")]


def test_a_quoted_slogan_missing_a_character_is_reported(consistency):
    text = "开展“学习总书记讲话，做合格共青团员”教育实践。团员要“学习总书记讲话，做合格共青员”。"
    assert found(consistency, text) == [
        ("quoted-series-variant", "学习总书记讲话，做合格共青员", "学习总书记讲话，做合格共青团员")
    ]


def test_the_ends_of_an_unquoted_series_are_not_compared(consistency):
    text = "开展“不忘初心、牢记使命”主题教育。大会的主题是：不忘初心，牢记使命，高举伟大旗帜。"
    assert found(consistency, text) == []


def test_prose_adding_de_or_a_place_particle_to_a_quoted_term_is_no_variant(consistency):
    # 最高人民法院 (2020-12-29; 2024-10-30) and 反间谍法实施细则 (2017-11-22)
    assert found(consistency, "本规定所称“特有的名称、包装、装潢”。认定与知名商品特有名称、包装、装潢相同。") == []
    assert found(consistency, "“境外机构、组织”是指……。是指境内外机构、组织、个人的下列行为。") == []
    # a plain character changed is still reported
    text = "开展“学党史、知党恩、跟党走”活动。要学党史、颂党恩、跟党走。"
    assert [h[0] for h in found(consistency, text)] == ["quoted-series-variant"]


# an event named one way in the title and another in the body; a provincial body's two short names


def event(consistency, text):
    return [h for h in found(consistency, text) if h[0] == "title-event-name"]


def test_a_body_mention_one_character_off_the_title_goes_to_the_majority(consistency):
    text = "省质检院举办全员宣贯培训会\n省质检院举办了全员宣贯培训会。\n集中举办全员宣传培训会，十分必要。"
    assert event(consistency, text) == [("title-event-name", "宣传培训会", "宣贯培训会")]


def test_swapped_words_in_the_title_are_reported_there_on_a_tie(consistency):
    text = "记桂林中学学习交流经验会\n由学习部主办的学习经验交流会于报告厅举行。"
    assert event(consistency, text) == [("title-event-name", "学习交流经验会", "学习经验交流会")]


def test_a_space_for_he_in_the_title_is_reported(consistency):
    text = "关于参加“美德少年评选表彰 学习宣传活动”的通知\n决定主办“美德少年评选表彰和学习宣传活动”。"
    assert event(consistency, text) == [("title-event-name", "表彰 学习宣传活动", "表彰和学习宣传活动")]


@pytest.mark.parametrize(
    "text",
    [
        "第二次党员代表大会召开\n第一次党员代表大会以来，党员队伍不断壮大。",  # a numeral
        "全面建设社会主义现代化国家\n全面建成社会主义现代化强国。",  # 社会 is not a name's end here
        "省质检院举办全员宣贯培训会\n省质检院举办了全员宣贯培训会。",
        "全员宣贯培训会\n第一段。\n全员宣传培训工作。",  # the body's words do not end like the name
        "学习交流经验会是一种好形式，参加学习经验交流会的同学们很多，大家认真交流。",  # no title line
        # 人民日报 2023: another kind of body or meeting (学会 / 大会, 峰会 / 大会, 全委会 / 全体会),
        # another verb of holding
        "中国学位与研究生教育学会主办大会\n本次大会由中国学位与研究生教育学会主办。研究生教育大会开幕，研究生教育大会闭幕。",
        "中国量子计算峰会在京召开\n第二届量子计算大会暨中国量子计算峰会举行。量子计算大会吸引了学者，量子计算大会闭幕。",
        "杭州亚运会举办主媒体中心开放日活动\n主媒体中心举行主媒体中心开放日活动。",
    ],
)
def test_other_events_and_one_form_are_silent(consistency, text):
    assert event(consistency, text) == []


def test_a_place_written_without_its_level_before_a_nested_place_is_not_missing_a_character(consistency):
    # 新华社 2025-11-16: a caption says 上海市长宁区虹桥街道, the next paragraph 上海长宁区虹桥街道
    text = "在上海市长宁区虹桥街道古北市民中心召开征询会。\n走进上海长宁区虹桥街道古北市民中心，一个个文件夹整齐摆放。"
    assert [h for h in found(consistency, text) if h[0] == "name-missing-character"] == []


@pytest.mark.parametrize(
    "text",
    [
        # 人民日报 2023: a county's level left out before its industry, and before a subdistrict jieba glues it to
        "石阡县茶产业发展迅速。贵阳银行累计发放贷款支持石阡茶产业。",
        "民权县制冷产业集群初具规模。项目建成以后，将让民权制冷产业更上一层楼。",
        "济阳区曲堤街道是黄瓜之乡。“麦子地”是肖岛家乡济阳曲堤街道北城工业园。",
        "连江县有国家级远洋渔业基地。国家远洋渔业基地落地连江县，远洋渔业规模居全省首位。",
    ],
)
def test_a_county_written_without_its_level_before_its_industry_is_not_missing_a_character(consistency, text):
    assert [h for h in found(consistency, text) if h[0] == "name-missing-character"] == []


def test_a_province_short_name_without_its_level_is_reported_beside_the_level_one(consistency):
    text = "安徽质检院作为第三方质检机构具有优势。省质检院确保提供检测服务。"
    assert [h for h in found(consistency, text) if h[0] == "province-short-name"] == [
        ("province-short-name", "安徽质检院", "省质检院")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "安徽省质检院作为第三方质检机构具有优势。省质检院确保提供检测服务。",  # the full name, then 省
        "安徽质检院作为第三方质检机构具有优势，确保提供检测服务。",  # one form alone
        "安徽质检院具有优势。安徽省质检院确保提供检测服务。",  # 安徽省质检院 is not the short 省质检院
        # 各省医疗队 are every province's teams, not one body's short name (新闻联播 2020-02-28)
        "各省医疗队也各显身手。安徽医疗队开展多学科合作，江西医疗队带来了给氧装置。",
    ],
)
def test_a_full_name_or_a_single_short_name_is_silent(consistency, text):
    assert [h for h in found(consistency, text) if h[0] == "province-short-name"] == []


CUT_SAMPLES = [
    "三源浦朝鲜族镇党委、县委办公室和省林业局（2024年）联合召开会议。",
    "A股市场＋3.5%；长顺县广顺镇#话题#第1名 a-b_c",
    "习近平总书记在中央经济工作会议上的讲话",
]


@pytest.mark.parametrize("text", CUT_SAMPLES)
def test_the_runs_a_check_cuts_alone_give_the_tokens_of_the_whole_cut(text):
    """consistency's name rules cut only the runs that hold a suffix; the tokens must be the same."""
    from lint.checks import segment

    from_runs = [token for run in segment.runs(text) for token in segment.tokens(run.group())]
    assert from_runs == [token for token in segment.tokens(text) if segment.SEGMENTED_RUN.fullmatch(token)]


def test_segmented_runs_are_jiebas_own_blocks():
    import jieba

    for text in CUT_SAMPLES:
        from lint.checks import segment

        ours = [run.group() for run in segment.runs(text)]
        assert ours == [block for block in jieba.re_han_default.findall(text)]


def test_the_exact_search_for_bare_variants_is_compiled_only_for_a_letter_in_an_edited_place(consistency, monkeypatch):
    """Compiling the exact search for a series' bare variants costs ~40 ms (a Han class per edited
    position): a line of Han text is searched with the loose form alone."""
    from lint.checks import phrase_variants

    built: list[str] = []
    real = phrase_variants._bare_pattern.__wrapped__
    monkeypatch.setattr(phrase_variants, "_bare_pattern", lambda preferred: built.append(preferred) or real(preferred))
    monkeypatch.setattr(phrase_variants, "_BARE_IN_LINE", {})
    assert found(consistency, "开展“比学习、比作风”专项活动，围绕“比学习、比作风”主题。") == []
    text = "开展“比学习、比作风”活动。大家比学习，比做风。"
    assert found(consistency, text) == [("quoted-series-variant", "比学习，比做风", "比学习、比作风")]
    assert built == []
    text = "开展“比学习、比作风”活动。大家比学习，比a风，比学习，比做风。"
    assert found(consistency, text) == [("quoted-series-variant", "比学习，比做风", "比学习、比作风")]
    assert built == ["比学习、比作风"]


def test_the_loose_search_for_bare_variants_finds_what_the_exact_one_finds():
    """The loose form (\\w at edited places) with its fallback gives the exact form's matches, in
    generated lines mixing Han, letters, digits, separators and quotes."""
    import random

    from lint.checks import phrase_variants

    alphabet = "比学习作风做强a1B、，“” "
    rng = random.Random(7)

    def edited(series: str) -> str:
        characters = list(series)
        for _ in range(rng.randint(0, 3)):
            place = rng.randrange(len(characters) + 1)
            if rng.random() < 0.5 and place < len(characters):
                characters[place] = rng.choice(alphabet)
            else:
                characters.insert(place, rng.choice(alphabet))
        return "".join(characters)

    for preferred in ("比学习、比作风", "学党史、知党恩、跟党走"):
        exact = phrase_variants._bare_pattern(preferred)
        for _ in range(3000):
            line = "".join(edited(preferred) if rng.random() < 0.4 else rng.choice(alphabet) for _ in range(6))
            position = rng.randint(0, len(line) // 3)
            want = exact.search(line, position)
            got = phrase_variants._search_bare(preferred, line, position)
            assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0))), line


def test_a_short_name_the_document_declares_is_not_a_missing_character(consistency):
    declared = "本会的名称为镇海区信息技术协会，简称为镇海信息技术协会。\n镇海区信息技术协会由企业自愿组成。"
    assert [rule for rule, *_ in found(consistency, declared) if rule.startswith("name-")] == []
    undeclared = "本会的名称为镇海区信息技术协会。\n镇海信息技术协会由企业自愿组成，镇海区信息技术协会设理事会。"
    assert ("name-missing-character", "镇海信息技术协会", "镇海区信息技术协会") in found(consistency, undeclared)


def test_a_place_named_by_its_relation_is_no_name_to_compare(consistency):
    # 《人体器官捐献和移植条例》 (2023-12-04) writes both 所在地省 and 所在省: descriptions, not names
    text = (
        "通知申请人所在地省、自治区、直辖市人民政府卫生健康部门办理登记。\n"
        "还应当考虑申请人所在省、自治区、直辖市的医疗需求。"
    )
    assert [rule for rule, *_ in found(consistency, text) if rule.startswith("name-")] == []
    # a name before the relational word is still compared
    named = "黄河口蒙古镇所在地县城东部。\n黄河口蒙古族镇大力发展茶产业，黄河口蒙古族镇的茶园面积逐年扩大。"
    assert ("name-missing-character", "黄河口蒙古镇", "黄河口蒙古族镇") in found(consistency, named)


def test_a_predicate_jieba_joins_with_its_object_breaks_a_name(consistency):
    # 公司法 (2018-10-26): 行使职权 is one jieba word; the 所 after it is a particle, not 派出所's
    text = "监事会行使职权所必需的费用，由公司承担。\n不设监事会的公司的监事行使职权所必需的费用，由公司承担。"
    assert [rule for rule, *_ in found(consistency, text) if rule.startswith("name-")] == []


def test_a_province_or_city_named_without_its_level_is_its_short_name(consistency):
    # 人民日报 2019-2020: 云南省花卉产业 / 云南花卉产业, 苏州市姑苏区 / 苏州姑苏区
    for text in (
        "云南省花卉产业起步于80年代。\n随着云南花卉产业的快速发展，外国公司增多。",
        "苏州市姑苏区推出指数。\n苏州姑苏区的社区美好指数受到欢迎。",
    ):
        assert [rule for rule, *_ in found(consistency, text) if rule.startswith("name-")] == []
    # a district's level before an organisation is still a character left out
    text = "本会的名称为镇海区信息技术协会。\n镇海信息技术协会由企业自愿组成，镇海区信息技术协会设理事会。"
    assert ("name-missing-character", "镇海信息技术协会", "镇海区信息技术协会") in found(consistency, text)


def test_names_differing_by_a_grade_are_two_things(consistency):
    # 动物防疫法 (2021-01-22): 动物疫病风险区 and 高风险区, 低风险区
    text = "负责划定动物疫病风险区。\n禁止特定动物由动物疫病高风险区向低风险区调运。"
    assert [rule for rule, *_ in found(consistency, text) if rule.startswith("name-")] == []
    slip = "黄河口蒙古族镇位于东部。\n黄河口蒙古镇大力发展茶产业，黄河口蒙古族镇的茶园逐年扩大。"
    assert ("name-missing-character", "黄河口蒙古镇", "黄河口蒙古族镇") in found(consistency, slip)


def test_a_quoted_name_with_a_word_dropped_from_its_middle_is_reported_with_the_full_name(consistency):
    text = "首次跻身“中国服务业企业500强”。再次跻身“中国服务业500强”，蝉联“中国服务业500强”。"
    assert found(consistency, text) == [
        ("quoted-name-dropped-word", "中国服务业500强", "中国服务业企业500强"),
        ("quoted-name-dropped-word", "中国服务业500强", "中国服务业企业500强"),
    ]


def test_a_quoted_name_shorter_at_its_ends_or_by_a_listed_word_is_not_a_dropped_word(consistency):
    assert found(consistency, "荣获“全国文明单位”和“省级文明单位”称号，又获“全国文明单位”。") == []
    assert found(consistency, "评为“县级文明单位”。后又评为“文明单位”。") == []  # the first characters
    assert found(consistency, "有“其他严重情节”的，或者有“其他特别严重情节”的。") == []  # a degree word
    assert found(consistency, "本解释所称“计算机信息系统”和“计算机系统”。") == []  # two terms side by side
    assert found(consistency, "本解释所称“计算机信息系统”。“计算机系统”是指……") != []
    # two prizes in a series without marks, and a team beside its branches (新闻联播 2018-12-03, 2015-09-02)
    assert found(consistency, "评选出“金牌讲解员”“金牌志愿讲解员”各10名。“金牌讲解员”来自各省。") == []
    assert found(consistency, "加入“万少华团队”。各县市区都成立了“万少华团队分队”。") == []
    # a renaming sets the old name beside the new (新闻联播 2017-04-17)
    assert found(consistency, "将“外国人永久居留证”更名为“外国人永久居留身份证”。“外国人永久居留证”停发。") == []


def test_a_province_and_a_collective_body_name_every_such_body_there():
    from lint.checks.variants import place_variants

    text = "辽宁全省法院启用“辽宁法院互联网庭审云平台”。省法院负责建设。安徽质检院和省质检院联合检测。"
    found = [v.text for v in place_variants(text, ["辽宁", "安徽"], "省", ["院"], frozenset(["法院"]))]
    assert found == ["安徽质检院"]  # 辽宁法院 is the province's courts; 安徽质检院 is the 省质检院 again
    assert "辽宁法院" in [v.text for v in place_variants(text, ["辽宁", "安徽"], "省", ["院"])]
