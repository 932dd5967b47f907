"""The ``repetition`` kind and the built-in ``repetition`` pack: repeated words, allowlist, line breaks, laziness."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, parse_pack, select_rules
from lint.source import Document

RULE = "repetition.repeated-word"


@pytest.fixture(scope="module")
def repetition():
    return Linter(select_rules(load_packs(), ["repetition"]))


def _pack(params: str) -> str:
    return (
        textwrap.dedent(
            """\
        pack: custom
        description: test
        rules:
          - id: rep
            title: t
            severity: error
            kind: repetition
            message: "{repeated}"
            rationale: r
            source: s
            params:
        """
        )
        + textwrap.indent(textwrap.dedent(params), " " * 6)
        + '    examples: {bad: ["坚决坚决"], good: ["坚决"]}\n'
    )


def _custom(params: str) -> Linter:
    return Linter(list(parse_pack(_pack(params), "custom.yaml").rules))


@pytest.mark.parametrize(
    ("text", "matched", "fixed"),
    [
        ("坚决坚决做到“两个维护”。", "坚决坚决", "坚决做到“两个维护”。"),
        ("我们要学习学习贯彻全会精神。", "学习学习", "我们要学习贯彻全会精神。"),
        ("这个这个问题必须解决。", "这个这个", "这个问题必须解决。"),
        ("推动推动高质量发展。", "推动推动", "推动高质量发展。"),
        ("这是我们的的责任。", "的的", "这是我们的责任。"),
        ("同志们，今天今天的会议很重要。", "今天今天", "同志们，今天的会议很重要。"),
        ("要把把党的政治建设摆在首位。", "把把", "要把党的政治建设摆在首位。"),
        ("各单位完成了了年度目标任务。", "了了", "各单位完成了年度目标任务。"),
        ("党和和国家的事业取得新进展。", "和和", "党和国家的事业取得新进展。"),
        ("随着随着市场形势发展，价格回落。", "随着随着", "随着市场形势发展，价格回落。"),
        ("特别特别是要抓好安全生产。", "特别特别", "特别是要抓好安全生产。"),
        ("要鼓励鼓励金融机构加大信贷投放。", "鼓励鼓励", "要鼓励金融机构加大信贷投放。"),
        ("一些一些地区仍有短板。", "一些一些", "一些地区仍有短板。"),
        ("坚持一切一切为了人民。", "一切一切", "坚持一切为了人民。"),
        ("历史的一个个一个个瞬间定格。", "一个个一个个", "历史的一个个瞬间定格。"),
        # typed again before the set verb phrase it begins (jieba: 认真贯彻|贯彻落实, 深入|深入开展)
        ("要认真贯彻贯彻落实会议精神。", "贯彻贯彻", "要认真贯彻落实会议精神。"),
        ("要深入深入开展调查研究。", "深入深入", "要深入开展调查研究。"),
    ],
)
def test_repeated_word_is_reported_and_fixed(repetition, text, matched, fixed):
    found = repetition.lint_text(text)
    assert [d.matched for d in found] == [matched]
    assert found[0].fix is not None and found[0].fix.safe
    assert apply_fixes(text, found)[0] == fixed


def test_a_state_adjective_reduplicates_as_abab(repetition):
    # 通红通红, 雪白雪白 (人民日报 2020): jieba tags 通红 and 雪白 z, whose reduplication is ABAB by grammar
    assert repetition.lint_text("通红通红的火光，雪白雪白的豆浆。") == []
    # an adjective of another tag doubled is still a slip
    assert [d.matched for d in repetition.lint_text("我们要稳定稳定。")] == ["稳定稳定"]


def test_span_and_columns_are_exact(repetition):
    (found,) = repetition.lint_text("第一行。\n这是我们的的责任。")
    assert (found.span.line, found.span.column, found.span.end_line, found.span.end_column) == (2, 5, 2, 7)
    assert found.message == "“的的”重复：“的”连写了两次，应删去一个"


WRAPPED = "全区上下要以更加坚定的决心、更加有力的举措坚决"  # a full line of a hard-wrapped paragraph


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_repeat_across_a_hard_wrap(repetition, newline):
    text = f"{WRAPPED}{newline}坚决扛起政治责任。"
    (found,) = repetition.lint_text(text)
    assert found.matched == f"坚决{newline}坚决"
    assert (found.span.line, found.span.column, found.span.end_line, found.span.end_column) == (1, 22, 2, 3)
    assert apply_fixes(text, [found])[0] == f"{WRAPPED}{newline}扛起政治责任。"


def test_spaces_around_the_wrap_are_part_of_the_gap(repetition):
    text = f"{WRAPPED} \n 坚决扛起责任。"
    (found,) = repetition.lint_text(text)
    assert apply_fixes(text, [found])[0] == f"{WRAPPED} \n 扛起责任。"


def test_repeat_across_the_middle_line_of_a_wrapped_paragraph(repetition):
    text = (
        "要坚持以人民为中心的发展思想，把群众的急难愁盼作为工作的\n"
        "重点，统筹推进城乡基础设施建设和公共服务均衡配置，着力\n"
        "着力解决群众最关心最直接最现实的利益问题。"
    )
    assert [d.matched for d in repetition.lint_text(text)] == ["着力\n着力"]


@pytest.mark.parametrize(
    "text",
    [
        "一、党的领导\n党的领导是最大优势。",
        "（二）推动发展\n推动发展要靠改革。",
        "（三）坚持发现问题与整改落实并重，巩固深化巡视巡察工作\n巡视巡察工作扎实推进。",
        "九、优化区域经济布局，促进区域协调发展\n区域协调发展是中国式现代化的内在要求。",
        "## 抓好整改落实\n落实是关键。",
        "- 抓好整改落实\n落实是关键。",
        "抓好整改落实\n落实是关键，各单位要把整改作为重要政治任务。",  # a short line: a title or heading
        f"{WRAPPED}\n\n坚决扛起政治责任。",  # a blank line ends the paragraph
        f"{WRAPPED}\n　　坚决扛起政治责任。",  # an indented line opens a new paragraph
        # an unnumbered heading as long as a wrapped line, followed by a wider paragraph
        "坚持把人民群众的小事当作自己的大事抓好落实\n落实是检验干部作风的试金石，各级领导干部要带头深入基层、深入群众，把问题解决在一线。",
        # a table pasted cell by cell (45NN): a short line without closing punctuation is a cell of
        # its own, not the tail of a wrapped paragraph
        "6月：完成二级学院学术委员会章程和二级学院校企合作委员会章程论证\n论证完成",
        "12月，建设10项素质教育精品项目\n精品项目一览表",
    ],
)
def test_heading_list_item_or_paragraph_end_is_not_joined_with_the_next_line(repetition, text):
    assert not repetition.lint_text(text)


def test_docx_lines_are_paragraphs_and_never_joined(repetition):
    text = f"{WRAPPED}\n坚决扛起政治责任。"
    assert repetition.lint(Document(path="x.txt", text=text))
    assert not repetition.lint(Document(path="x.docx", text=text, format="docx"))


def test_triple_repeat_is_reported_once(repetition):
    found = repetition.lint_text("坚决坚决坚决做到。")
    assert [(d.span.start, d.span.end) for d in found] == [(0, 4)]


CORRECT = [
    "发展全过程人民民主，保障人民当家作主。",
    "一个个项目落地，一步步推进，一次次攻坚，越来越好，一件件、一桩桩落实。",
    "层层压实责任，常常自省，人人有责，天天向上，处处留心，步步为营，个个争先，年年有余。",
    "家家户户实实在在受益，干部清清白白做人、干干净净做事，认认真真学习，扎扎实实工作。",
    "这个问题我们再研究研究，谢谢大家，请大家看看材料，的的确确取得实效，一一落实。",
    "在生态保护方面面临挑战，树立现代管理理念，企业业务增长，农业业态丰富，城市市场活跃。",
    "这项任务务必按期完成，人民民生持续改善，各级党组织工作作出新贡献，说明明确要求。",
    "目的的实现要靠大家，有的的确还不够。",
    "二〇二〇年，二〇〇〇年，一天一天好起来，一年一年坚持。",
    "表彰王芳芳、张婷婷、刘欢欢同志。",
    "他说说笑笑地走了，人们高高兴兴、开开心心地过年，以“钉钉子”精神抓落实。",
    "健全全面从严治党体系，做坚定信仰者和忠实实践者，把青年工作作为战略性工作。",
    "这件事不能不了了之，也没有一了百了的办法。",
    "干部要多向群众学习学习。遇到问题先梳理梳理、总结总结，大家再商量商量对策。",
    "学习习近平新时代中国特色社会主义思想。",
]

# Excerpts of the authoritative corpus (../shared/corpus/authoritative), each correct at its date.
AUTHORITATIVE = [
    "大型客机总装下线，屠呦呦获得诺贝尔生理学或医学奖。",  # 2016-03-05 政府工作报告: a name
    "深挖隐形变异的种种表现，一个节点一个节点盯住，对顶风违纪从严查处。",  # 2019-01-11
    "初心易得，始终难守。很容易走着走着就忘记了为什么要出发。",  # 2020-01-08
    "全党全国上上下下必须把工作抓得很紧很紧。",  # 2020-03-06
    "坚决整治形式主义、官僚主义，一个领域一个领域盯住抓落实。",  # 2020-05-11
    "弘扬工匠精神，让三百六十行行行人才辈出。",  # 2022-03-05 政府工作报告
    "一件一件抓落实，一项一项抓推进，一户一户走访，一步一步来。",
]

# What the issue asks to leave alone: speeches' emphasis, V着V着, names with a doubled given name.
EMPHASIS_AND_NAMES = [
    "这项工作非常非常重要，大家一定一定要重视。",
    "说着说着，大家都笑了。",
    "表彰张丹丹、刘欢欢、陈晶晶、屠呦呦同志。",
]


@pytest.mark.parametrize("text", CORRECT + AUTHORITATIVE + EMPHASIS_AND_NAMES)
def test_correct_prose_is_silent(repetition, text):
    assert not repetition.lint_text(text)


def test_a_doubled_given_name_is_silent_because_of_the_surname():
    with_surnames = _custom("surnames: 屠张\nnot_given_names: 的\nmax_unit: 1\n")
    without = _custom("max_unit: 1\n")
    assert [d.matched for d in without.lint_text("屠呦呦获得诺贝尔奖。")] == ["呦呦"]
    assert not with_surnames.lint_text("屠呦呦获得诺贝尔奖。")
    assert [d.matched for d in with_surnames.lint_text("张的的问题。")] == ["的的"]  # never a given name


def test_a_garbled_leader_name_is_still_reported(linter):
    found = linter.lint_text("深入学习贯彻习习近平总书记重要讲话精神。")
    assert [d.matched for d in found if d.pack in ("names", "repetition")] == ["习习近平"]


def test_reduplication_patterns_cover_both_copies():
    linter = _custom("reduplications: ['(一[个件])\\1', '(很[\\u4e00-\\u9fff])\\1']\n")
    assert not linter.lint_text("一件一件抓，抓得很紧很紧。")
    assert [d.matched for d in linter.lint_text("一条一条抓，坚决坚决。")] == ["一条一条", "坚决坚决"]


def test_a_pattern_must_reach_past_the_second_copy():
    # the pattern matches 一个 at the candidate, but not the repeat: it does not excuse it
    assert [d.matched for d in _custom("reduplications: ['一个']\n").lint_text("一个一个问题。")] == ["一个一个"]


def test_reduplicable_verb_only_at_a_clause_end():
    linter = _custom("reduplicable_verbs: [研究]\nreduplication_before: '[，。]'\n")
    assert not linter.lint_text("这件事我们再研究研究。")
    assert [d.matched for d in linter.lint_text("要研究研究这件事。")] == ["研究研究"]


def test_tentative_verbs_are_allowed_anywhere():
    assert not _custom("tentative_verbs: [商量]\n").lint_text("大家商量商量，拿出办法。")
    assert _custom("max_unit: 2\n").lint_text("大家商量商量，拿出办法。")


def test_a_verb_before_a_compound_opening_with_it_is_not_a_repeat(repetition):
    # jieba reads 管理人员 as one word: 管理|管理人员 is a verb and its object
    assert not repetition.lint_text("要管理管理人员。")


def test_allowlist_covers_every_doubled_part_of_a_word():
    linter = _custom("allow: [家家户户]\n")
    assert not linter.lint_text("家家户户都受益。")
    assert [d.matched for d in linter.lint_text("家家都受益，坚决坚决。")] == ["坚决坚决"]


def test_single_character_repeat_must_be_two_jieba_words():
    linter = _custom("max_unit: 1\n")
    assert not linter.lint_text("发展全过程人民民主。")  # 人民/民主, not 民/民
    assert [d.matched for d in linter.lint_text("我的的问题。")] == ["的的"]


def test_a_suffix_typed_twice_at_a_word_end():
    # jieba reads 装配式|式|公路: the first copy ends a word, so only ``suffixes`` make it a slip
    linter = _custom("suffixes: 式们\nmax_unit: 1\n")
    assert [d.matched for d in linter.lint_text("主营装配式式公路钢桥。")] == ["式式"]
    assert not _custom("max_unit: 1\n").lint_text("主营装配式式公路钢桥。")
    assert not linter.lint_text("强化食品药品安全全链条监管。")  # 安全|全链条: 全 begins a word


def test_degree_adverb_emphasis_is_silent(repetition):
    assert not repetition.lint_text("吸取了太多太多的惨痛教训，把工作抓得很紧很紧。")


def test_aabb_can_be_switched_off():
    assert not _custom("allow_aabb: true\n").lint_text("做人要堂堂正正。")
    assert _custom("allow_aabb: false\nmax_unit: 1\n").lint_text("做人要堂堂正正的的。")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("max_unit: 0\n", "params.max_unit"),
        ("heading: '('\n", "params.heading"),
        ("allow: 常常\n", "params.allow"),
        ("colour: red\n", "params.colour"),
        ("reduplicable_verbs: [学习]\nallow: [学习学习]\n", "params.reduplicable_verbs"),
        ("reduplicable_verbs: [研究]\ntentative_verbs: [研究]\n", "params.reduplicable_verbs"),
        ("reduplications: ['(']\n", "params.reduplications"),
        ("reduplications: 一个\n", "params.reduplications"),
        ("min_wrapped_line: -1\n", "params.min_wrapped_line"),
        ("paragraph_indent: '['\n", "params.paragraph_indent"),
        ("surnames: [屠]\n", "params.surnames"),
    ],
)
def test_bad_params_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_repeat_in_masked_document_uses_document_text(repetition):
    document = Document(path="x.md", text="坚决坚决做到", original="坚决坚决做到")
    assert [d.matched for d in repetition.lint(document)] == ["坚决坚决"]


def _imports_jieba(text: str) -> bool:
    script = textwrap.dedent(
        f"""
        import sys
        from lint.engine import Linter
        from lint.packs import load_packs, select_rules
        Linter(select_rules(load_packs(), ["repetition"])).lint_text({text!r})
        print("jieba" in sys.modules or "lint.wordcut" in sys.modules)  # jieba's segmentation, either way
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return result.stdout.strip() == "True"


def test_jieba_is_not_imported_without_a_candidate():
    assert not _imports_jieba("全区各级党组织要深入学习领会，常常自省，层层压实责任，家家户户受益。")


def test_jieba_is_imported_for_a_real_candidate():
    assert _imports_jieba("坚决坚决做到。")


@pytest.mark.parametrize("text", ["要加强管理管理人员的培训。", "组织研究研究生教育改革。"])
def test_a_verb_before_a_noun_it_begins_is_its_object(repetition, text):
    # 管理|管理人员, 研究|研究生: the verb and its object, not a word typed twice
    assert repetition.lint_text(text) == []
