"""The ``names`` kind and the built-in ``names`` pack: generated garbled names, listing order, title forms."""

from __future__ import annotations

import datetime
import textwrap

import pytest
from conftest import SEEDS

from lint.checks.names import _variants
from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, parse_pack, select_rules

GARBLED = "names.garbled-leader-name"
ORDER = "names.standing-committee-order"


@pytest.fixture(scope="module")
def names():
    return Linter(select_rules(load_packs(), ["names"]))


def _custom(params: str) -> Linter:
    raw = textwrap.dedent(
        """\
        pack: custom
        description: test
        rules:
          - id: n
            title: t
            severity: error
            kind: names
            message: "{match}"
            rationale: r
            source: s
            params:
        """
    )
    raw += textwrap.indent(textwrap.dedent(params), " " * 6)
    raw += '    examples: {bad: ["x"], good: ["y"]}\n'
    return Linter(list(parse_pack(raw, "custom.yaml").rules))


def test_variants_are_generated_per_class():
    texts = {
        v.text: v.variant_class
        for v in _variants(
            "习近平", ["doubled-first", "doubled-inner", "doubled-last", "swapped", "similar"], {"近": "进今"}
        )
    }
    assert texts == {
        "习习近平": "doubled-first",
        "习近近平": "doubled-inner",
        "习近平平": "doubled-last",
        "近习平": "swapped",
        "习平近": "swapped",
        "习进平": "similar",
        "习今平": "similar",
    }


@pytest.mark.parametrize(
    ("text", "matched", "fixed"),
    [
        ("深入学习贯彻习习近平总书记重要讲话精神。", "习习近平", "深入学习贯彻习近平总书记重要讲话精神。"),
        ("习近近平总书记强调。", "习近近平", "习近平总书记强调。"),
        ("习近平平总书记强调。", "习近平平", "习近平总书记强调。"),
        ("习近平平。", "习近平平", "习近平。"),
        ("近习平总书记指出。", "近习平", "习近平总书记指出。"),
        ("习平近总书记指出。", "习平近", "习近平总书记指出。"),
        ("习进平总书记在党的十九大报告中指出。", "习进平", "习近平总书记在党的十九大报告中指出。"),
        ("李李强总理作报告。", "李李强", "李强总理作报告。"),
        ("赵乐济、王宁沪同志出席。", "赵乐济", "赵乐际、王沪宁同志出席。"),
    ],
)
def test_garbled_name_is_reported_and_fixed(names, text, matched, fixed):
    found = [d for d in names.lint_text(text) if d.rule == GARBLED]
    assert found[0].matched == matched
    assert all(d.fix is not None and d.fix.safe for d in found)
    assert apply_fixes(text, found)[0] == fixed


def test_span_and_message(names):
    (found,) = names.lint_text("同志们：\n要学习贯彻习进平总书记重要讲话精神。")
    assert (found.span.line, found.span.column, found.span.end_column) == (2, 6, 9)
    assert found.message == "“习进平”疑为领导人姓名“习近平”的错写（重字、颠倒或错字），应为“习近平”"


CORRECT = [
    "深入学习习近平新时代中国特色社会主义思想，学习习近平总书记重要讲话精神，练习习字。",
    "习近平平易近人，群众都说习近平平时十分亲民，习近平平方米。",
    "李强强调，要加强李家村建设；李希希望全党同志；蔡奇奇迹般地完成任务。",
    "村民李奇、李琪、丁学祥、赵乐、王宁参加座谈，强李两家和睦。",
    "王沪宁宁夏考察时指出，要推动高质量发展。",
    "以习近平同志为核心的党中央，习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_prose_is_silent(names, text):
    assert not names.lint_text(text)


def test_doubled_edge_falls_back_to_the_jieba_dictionary():
    linter = _custom("names: [习近平]\nclasses: [doubled-first, doubled-last]\n")
    assert not linter.lint_text("学习习近平思想，习近平平易近人。")  # 学习, 平易近人 from jieba, not YAML
    assert [d.matched for d in linter.lint_text("贯彻习习近平讲话。")] == ["习习近平"]


def test_two_character_names_get_only_their_short_classes():
    linter = _custom("names: [李强]\nshort_classes: [doubled-first]\nsimilar: {强: 墙}\n")
    assert not linter.lint_text("李强强同志、强李、李墙")
    assert [d.matched for d in linter.lint_text("李李强同志")] == ["李李强"]


def test_a_variant_that_is_itself_a_protected_name_is_not_generated():
    linter = _custom("names: [王宁, 王凝]\nshort_classes: [similar]\nsimilar: {宁: 凝}\n")
    assert not linter.lint_text("王凝")


@pytest.mark.parametrize(
    ("text", "matched", "expected"),
    [
        ("习近平、赵乐际、李强出席会议。", "习近平、赵乐际、李强", "习近平、李强、赵乐际"),
        ("李强同志、习近平同志等出席。", "李强同志、习近平", "习近平、李强"),
        ("出席的有蔡奇，王沪宁。", "蔡奇，王沪宁", "王沪宁、蔡奇"),
    ],
)
def test_listing_out_of_order_is_a_warning(names, text, matched, expected):
    (found,) = names.lint_text(text)
    assert (found.rule, found.matched, found.fix) == (ORDER, matched, None)
    assert found.severity.name.lower() == "warning"
    assert found.message == f"领导人排名顺序有误：“{matched}”，应为“{expected}”"


@pytest.mark.parametrize(
    "text",
    [
        "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。",
        "习近平同志、李强同志、赵乐际同志等出席。",
        "李强主持会议。习近平出席并讲话。",
        "李希在会上讲话，王沪宁出席。",
    ],
)
def test_listing_in_order_or_not_a_listing_is_silent(names, text):
    assert not names.lint_text(text)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("中共河北省省委书记出席。", "中共河北省委书记出席。"),
        ("石家庄市市委书记、正定县县委书记出席。", "石家庄市委书记、正定县委书记出席。"),
        ("中共北京市朝阳区区委召开全会。", "中共北京市朝阳区委召开全会。"),
    ],
)
def test_title_forms_are_fixed(names, text, fixed):
    found = names.lint_text(text)
    assert found and all(d.fix is not None and d.fix.safe for d in found)
    assert apply_fixes(text, found)[0] == fixed


def test_title_forms_are_silent_where_the_unit_belongs_to_the_previous_word(names):
    assert not names.lint_text("各省省委书记、地级市市委书记、副省级城市市委书记、我县县委书记、社区区委联络员。")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("names: [习近平]\norder: [习近平, 李强]\nseparator: '、'\n", "params.names"),
        ("order: [习近平]\n", "params.separator"),
        ("order: [习近平, 习近平]\nseparator: '、'\n", "params.order"),
        ("order: [习近平, 李强]\nseparator: '、?'\n", "params.separator"),
        ("names: [习近平]\nclasses: [tripled]\n", "params.classes"),
        ("names: [习近平]\nsimilar: {近平: 进}\n", "params.similar"),
        ("names: [习]\n", "params.names"),
    ],
)
def test_bad_params_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_seed_004_reports_the_doubled_surname(names):
    seed = sorted(SEEDS.glob("004_*.txt"))[0]
    found = [d for d in names.lint_text(seed.read_text(encoding="utf-8")) if d.rule == GARBLED]
    assert [(d.matched, d.span.line, d.span.column) for d in found] == [("习习近平", 3, 29)]


# -- issue 13: fixes that corrupt text ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "请赵乐继续发言，赵乐继承了父亲的手艺。",
        "村民赵乐济南打工多年，赵乐绩效考核优秀。",
        "李强克服困难，李克强强调，栗战书书记出席。",
        "王沪凝聚共识，丁薛详细介绍，习近评价很高。",
        "张张德江苏籍，刘刘云山东人。",
    ],
)
def test_a_look_alike_never_takes_a_character_that_begins_a_word(names, text):
    """继 is a look-alike of 际, but in 请赵乐继续发言 it begins 继续: fixing it gave 请赵乐际续发言."""
    assert [d.matched for d in names.lint_text(text) if d.rule == GARBLED] == []


def _common_words_by_first_character(minimum_frequency: int = 500) -> dict[str, list[str]]:
    from lint import wordcut

    folder = wordcut.jieba_folder()
    if folder is None:
        pytest.skip("jieba's dictionary not found")
    words: dict[str, list[str]] = {}
    for line in (folder / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, frequency, *_ = line.split(" ")
        if len(word) == 2 and int(frequency) >= minimum_frequency:
            words.setdefault(word[0], []).append(word)
    return words


def test_no_generated_variant_is_reported_where_its_last_character_begins_a_common_word():
    """Every fix tried on the text after its span: a variant followed by the rest of any common word
    that its last character begins (赵乐继 + 续, 李李克强 + 调) is not the name."""
    from lint.checks.names import NamesCheck

    rule = next(r for r in select_rules(load_packs(), ["names"]) if r.id == GARBLED)
    linter, check = Linter([rule]), NamesCheck(rule)
    words = _common_words_by_first_character()
    texts = [f"同志们，{v}{w[1:]}。" for v in check.variants for w in words.get(v[-1], [])]
    assert len(texts) > 500
    assert [t for t in texts if linter.lint_text(t)] == []


# -- issue 13: rules that know when --------------------------------------------------------------

DAY_19TH = datetime.date(2020, 1, 15)
DAY_20TH = datetime.date(2023, 3, 5)


def test_every_names_rule_says_when_it_applies():
    for rule in select_rules(load_packs(), ["names"]):
        assert rule.timeless or rule.since is not None, rule.id
        for change in (rule.since, rule.until):
            assert change is None or "年" in change.source, rule.id


def test_the_order_is_the_committee_in_office_on_the_day():
    """The 2020 中纪委公报 lists 李克强、栗战书、汪洋、王沪宁、赵乐际、韩正: right for 2020."""
    listing = "李克强、栗战书、汪洋、王沪宁、赵乐际、韩正出席会议。"
    linter = Linter(select_rules(load_packs(), ["names"]))
    assert linter.lint_text(listing, as_of=DAY_19TH) == []
    assert linter.lint_text(listing, as_of=DAY_20TH) == []  # another line-up's listing: not judged
    [found] = linter.lint_text("王沪宁、赵乐际出席会议。", as_of=DAY_20TH)
    assert (found.rule, found.matched) == (ORDER, "王沪宁、赵乐际")
    [found] = linter.lint_text("赵乐际、王沪宁出席会议。", as_of=DAY_19TH)
    assert found.rule == ORDER + "-19th"
    assert "王沪宁、赵乐际" in found.message


def test_a_listing_declared_in_stroke_order_is_not_judged(names):
    text = "中央政治局委员（按姓氏笔画为序排列）\n丁薛祥、习近平、王沪宁、李希、李强、赵乐际、蔡奇\n"
    assert names.lint_text(text, as_of=DAY_20TH) == []


# -- issue 13: a member misspelled inside a listing ----------------------------------------------

MISSPELLED = "names.misspelled-member"


@pytest.mark.parametrize(
    ("text", "matched", "fixed"),
    [
        ("习近平、李墙、赵乐际、王沪宁出席会议。", "李墙", "习近平、李强、赵乐际、王沪宁出席会议。"),
        ("王沪宁、蔡琦、丁薛祥出席。", "蔡琦", "王沪宁、蔡奇、丁薛祥出席。"),
        ("丁薛祥同志、李西同志出席。", "李西", "丁薛祥同志、李希同志出席。"),
        ("李强、赵乐记、王沪宁出席。", "赵乐记", "李强、赵乐际、王沪宁出席。"),
    ],
)
def test_a_member_one_look_alike_away_inside_a_listing_is_reported(names, text, matched, fixed):
    found = [d for d in names.lint_text(text, as_of=DAY_20TH) if d.rule == MISSPELLED]
    assert [d.matched for d in found] == [matched]
    assert found[0].fix is not None and not found[0].fix.safe
    assert apply_fixes(text, found, unsafe=True)[0] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "村民李琦、蔡琦参加座谈。",  # no member listed: other people
        "李强、李墙两位村民发言。",  # the member is listed already: 李墙 is someone else
        "李强、赵乐计划到基层调研。",  # 赵乐|计划
        "李强主持会议，李墙列席。",  # not a listing
    ],
)
def test_a_look_alike_outside_a_listing_of_members_is_silent(names, text):
    assert [d for d in names.lint_text(text, as_of=DAY_20TH) if d.rule == MISSPELLED] == []


def test_a_garbled_three_character_name_in_a_listing_is_reported_once(names):
    text = "李强、赵乐济、王沪宁出席会议。"
    assert [(d.rule, d.matched) for d in names.lint_text(text, as_of=DAY_20TH)] == [(GARBLED, "赵乐济")]


# -- issue 13: informal references and who speaks ------------------------------------------------

ABBREVIATED = "names.abbreviated-general-secretary"
BARE = "names.bare-general-secretary"


@pytest.mark.parametrize(
    ("text", "rule", "matched"),
    [
        ("认真学习贯彻落实习总书记视察山西重要讲话精神。", ABBREVIATED, "习总书记"),
        ("追随着习总书记的足迹，赴总书记考察过的村参观。", ABBREVIATED, "习总书记"),
        ("习大大来到我们村。", "names.informal-leader-nickname", "习大大"),
        # 大+系 is a dictionary word, but the text reads 习大大|系列: a fixed form trusts the segmentation
        ("深入学习习大大系列讲话精神。", "names.informal-leader-nickname", "习大大"),
        ("要深入学习贯彻总书记重要讲话精神。", BARE, "总书记"),
    ],
)
def test_an_informal_or_bare_reference_is_reported(names, text, rule, matched):
    assert [(d.rule, d.matched) for d in names.lint_text(text, as_of=DAY_20TH)] == [(rule, matched)]


@pytest.mark.parametrize(
    "text",
    [
        "习近平总书记强调，要坚持大抓基层。总书记指出，基层强则国家强。",
        "中共中央总书记、国家主席、中央军委主席习近平出席会议。总书记强调……",
        "中央委员会总书记习近平作了重要讲话。",
        "以胡锦涛同志为总书记的党中央。",
        "越南阮富仲总书记会见了代表团。",
        "***总书记强调，要坚持大抓基层。",
        "习进平总书记指出，要坚持大抓基层。",
        "一位村民说：“习总书记的话，总书记的嘱托，我们记在心里。”",
        "习总带队到我公司考察。",
        "坚决听从党中央、中央军委和习主席指挥。",
    ],
)
def test_references_central_texts_and_quotations_use_are_silent(names, text):
    found = [d for d in names.lint_text(text, as_of=DAY_20TH) if d.rule in (ABBREVIATED, BARE)]
    assert found == []


def test_the_leaders_own_text_is_not_judged_by_the_reference_rules():
    """Who speaks: a document whose byline is the person himself is his own words."""
    linter = _custom("forms: {习总书记: 习近平总书记}\nperson: 习近平\n")
    assert linter.lint_text("讲话\n习近平\n习总书记") == []
    assert [d.matched for d in linter.lint_text("讲话\n张三\n习总书记")] == ["习总书记"]
    title = _custom("title: 总书记\nperson: 习近平\n")
    assert title.lint_text("（2020年1月8日）\n总书记\n") and not title.lint_text("习近平\n总书记")


def test_a_quotation_naming_the_drafts_own_event_is_the_drafts_words():
    """Who speaks: a quotation is someone else's words, unless what follows it makes it the name of the
    draft's own event (``quoted_title_before``)."""
    params = "forms: {习总书记: 习近平总书记}\nperson: 习近平\n"
    event = "举办了“学习贯彻习总书记重要讲话精神”专题研讨会。"
    speech = "村民说：“习总书记的话说到了我们心坎上。”"
    plain = _custom(params)
    assert plain.lint_text(event) == [] and plain.lint_text(speech) == []
    titled = _custom(params + "quoted_title_before: '专题研讨会|主题活动'\n")
    assert [d.matched for d in titled.lint_text(event)] == ["习总书记"]
    assert titled.lint_text(speech) == []
    bad = params + "quoted_title_before: '('\n"
    with pytest.raises(PackError) as error:
        _custom(bad)
    assert error.value.field == "params.quoted_title_before"


def test_the_nickname_is_judged_only_after_central_media_stopped_using_it(names):
    assert names.lint_text("习大大来到我们村。", as_of=datetime.date(2016, 4, 22))
    assert not names.lint_text("习大大来到我们村。", as_of=datetime.date(2016, 4, 21))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("listing: [李强, 蔡奇]\nsimilar: {强: 墙}\n", "params.separator"),
        ("forms: {习总书记: 习近平总书记}\n", "params.person"),
        ("forms: {}\nperson: 习近平\n", "params.forms"),
        ("title: 总书记\nperson: 习\n", "params.person"),
        ("order: [李强, 蔡奇]\nothers: [李强]\nseparator: '、'\n", "params.others"),
        ("title: 总书记\nforms: {习总: 习近平}\nperson: 习近平\n", "params.names"),
    ],
)
def test_bad_params_of_the_new_modes_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_a_headline_may_say_general_secretary_when_the_body_names_him(names):
    # 人民日报 2025: 回望“十四五”，想起总书记这句话, then the body names him
    body = "“十四五”时期，以习近平同志为核心的党中央团结带领全党全国各族人民勠力同心。"
    bare = [d for d in names.lint_text("回望“十四五”，想起总书记这句话\n" + body, as_of=DAY_20TH) if d.rule == BARE]
    assert bare == []
    # the headline's exemption needs the body to name him, and a first line that ends a sentence is no headline
    # a subheading inside the story whose next paragraph names him (人民日报 2019-02-19)
    story = "家政公司服务大厅里人来人往。\n总书记对家政行业很了解\n去年3月8日，习近平总书记到山东代表团参加审议。"
    assert [d for d in names.lint_text(story, as_of=DAY_20TH) if d.rule == BARE] == []
    assert [
        d.span.line for d in names.lint_text(story.replace("习近平总书记", "他"), as_of=DAY_20TH) if d.rule == BARE
    ] == [2]
    # a kicker and a subtitle belong to the headline (人民日报 2019-02-07)
    kicker = "宁夏泾源县杨岭村——\n荒山变绿产业兴 青砖蓝瓦新居起（总书记的深情牵挂——来自贫困乡村的精准脱贫故事）\n\n"
    assert [d for d in names.lint_text(kicker + body, as_of=DAY_20TH) if d.rule == BARE] == []
    for text in ("学习总书记重要讲话精神心得\n总书记强调，要坚持大抓基层。", "要学习总书记重要讲话精神。\n" + body):
        assert [(d.rule, d.matched, d.span.line) for d in names.lint_text(text, as_of=DAY_20TH)] == [
            (BARE, "总书记", 1)
        ]
