"""Artefact rules on short inputs: what each flags or fixes, and what it must leave alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.rules import (
    BUILTIN_RULES,
    SAFE_RULES,
    CjkSpace,
    DoubledPunctuation,
    HalfwidthPunctuation,
    LatinWord,
    LayoutWord,
    Rule,
    RuleError,
    Suggestion,
    UnbalancedBrackets,
    UnclosedParagraph,
    UserRule,
    apply_suggestions,
    deoverlap,
    run_rules,
)


def fixed(rule: Rule, text: str, role: str = "paragraph") -> str:
    return apply_suggestions(text, rule.find(text, role=role))


def spans(rule: Rule, text: str, role: str = "paragraph") -> list[tuple[int, int, str | None]]:
    return [(s.start, s.end, s.replacement) for s in rule.find(text, role=role)]


# -- halfwidth_punctuation ---------------------------------------------------------

HALFWIDTH = HalfwidthPunctuation()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日,街道召开会议", "近日，街道召开会议"),
        ("对绝对忠诚;零距离", "对绝对忠诚；零距离"),
        ("提出四项要求:", "提出四项要求："),
        ("真的吗?好!", "真的吗？好！"),
        ("零距离”,“老书记”", "零距离”，“老书记”"),
        ("结合“三会一课”,召开", "结合“三会一课”，召开"),
        ("整治工作,10月24日", "整治工作，10月24日"),
        ("截至2020,全街道", "截至2020，全街道"),
        ("时间:3:30,地点", "时间：3:30，地点"),
        ("共1,600人,4.6万人次", "共1,600人，4.6万人次"),
        ("高质量推进“5+2+1”任务,1+3+N模式", "高质量推进“5+2+1”任务，1+3+N模式"),
        ("会员 , 代表", "会员 ， 代表"),
        ("真的?!", "真的？！"),
    ],
)
def test_halfwidth_converts_chinese_context(text: str, expected: str) -> None:
    assert fixed(HALFWIDTH, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1,600",
        "3:30",
        "4.6",
        "1+3+N",
        "5+2+1",
        "比分3:2",
        "共计1,600,000元",
        "Hello, world!",
        "Is it? Yes; it is: fine (really)!",
        "std::vector",
        "a,b",
        "(1+3)×2",
        "f(x)",
    ],
)
def test_halfwidth_leaves_numbers_formulas_and_latin_alone(text: str) -> None:
    assert HALFWIDTH.find(text) == []


def test_halfwidth_leaves_urls_and_emails_alone_but_fixes_around_them() -> None:
    text = "网址:http://example.com/a?x=1,y=2,详见。邮件:a.b@example.org,谢谢"
    assert fixed(HALFWIDTH, text) == "网址：http://example.com/a?x=1,y=2，详见。邮件：a.b@example.org，谢谢"
    assert HALFWIDTH.find("www.example.com/?a=1,b=2") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(新民晚报)", "（新民晚报）"),
        ("热爱。(新民晚报)", "热爱。（新民晚报）"),
        ("职能部门(单位)参加会议", "职能部门（单位）参加会议"),
        ("推进(1+3+N)模式", "推进（1+3+N）模式"),
        ("部门(单位),(部门)", "部门（单位），（部门）"),
        ("Beijing (北京) is", "Beijing （北京） is"),
    ],
)
def test_halfwidth_converts_chinese_parenthesis_pairs(text: str, expected: str) -> None:
    assert fixed(HALFWIDTH, text) == expected


@pytest.mark.parametrize("text", ["等于(1+3)×2", "(see note)", "f(1)中", "(单位"])
def test_halfwidth_leaves_latin_and_unpaired_parentheses(text: str) -> None:
    assert [s.text for s in HALFWIDTH.find(text)].count("(") == 0


def test_halfwidth_is_safe_and_one_for_one() -> None:
    assert HALFWIDTH.safe
    assert [r.name for r in SAFE_RULES] == ["halfwidth_punctuation"]
    for s in HALFWIDTH.find("你好,世界(测试);好:吗?是!"):
        assert len(s.text) == len(s.replacement or "") == 1


def test_halfwidth_applies_to_headings_too() -> None:
    assert fixed(HALFWIDTH, "坚持以职工为中心,竭诚服务", role="title") == "坚持以职工为中心，竭诚服务"


# -- cjk_space ---------------------------------------------------------------------

CJK_SPACE = CjkSpace()


def test_cjk_space_in_a_sentence_is_flagged_for_removal() -> None:
    assert spans(CJK_SPACE, "社区 居民乐欢颜") == [(2, 3, "")]
    assert fixed(CJK_SPACE, "社区  居民，大家 “好”") == "社区居民，大家“好”"
    assert fixed(CJK_SPACE, "图为 活动现场", role="caption") == "图为活动现场"


@pytest.mark.parametrize("role", ["title", "kicker", "subtitle", "section", "subheading", "byline"])
def test_cjk_space_in_headings_and_bylines_is_a_separator(role: str) -> None:
    assert CJK_SPACE.find("专场活动来助阵 社区居民乐欢颜", role=role) == []


def test_cjk_space_leaves_latin_and_number_spaces() -> None:
    assert CJK_SPACE.find("思想 and 考察") == []
    assert CJK_SPACE.find("共 3 人") == []
    assert CJK_SPACE.find("Hello world") == []


# -- latin_word --------------------------------------------------------------------

LATIN = LatinWord()


def test_latin_word_with_spaces_gets_the_chinese_word() -> None:
    [s] = LATIN.find("社会主义思想 and 考察上海")
    assert (s.text, s.replacement) == (" and ", "和")
    assert fixed(LATIN, "思想 and 考察") == "思想和考察"
    assert fixed(LATIN, "你or我") == "你或我"
    assert fixed(LATIN, "我 with 你") == "我与你"


def test_unknown_lower_case_word_is_flagged_only() -> None:
    [s] = LATIN.find("我们 xyzzy 一起")
    assert (s.text, s.replacement) == (" xyzzy ", None)


@pytest.mark.parametrize(
    "text",
    ["使用APP办理", "Hello, world", "3.5mm规格", "访问www.example.com了解", "GDP增长", "思想and", "and考察"],
)
def test_latin_word_leaves_acronyms_tokens_and_latin_text(text: str) -> None:
    assert LATIN.find(text) == []


# -- layout_word -------------------------------------------------------------------

LAYOUT = LayoutWord()


def test_layout_words_inside_text_are_removed_with_their_spaces() -> None:
    assert fixed(LAYOUT, "工作 HEADLINE 继续") == "工作继续"
    assert fixed(LAYOUT, "图为现场PHOTO") == "图为现场"
    assert fixed(LAYOUT, "据悉。(下转第2版)") == "据悉。"
    assert fixed(LAYOUT, "文章完。责任编辑:张三") == "文章完。"


def test_layout_words_in_traditional_script_are_found_and_kept_as_written() -> None:
    assert fixed(LAYOUT, "據悉。(下轉第2版)") == "據悉。"
    assert fixed(LAYOUT, "文章完。責任編輯:張三") == "文章完。"
    assert [s.text for s in LAYOUT.find("見報。(上接第1版)")] == ["(上接第1版)"]
    assert spans(LAYOUT, "(下轉第2版)") == [(0, 7, None)]


def test_layout_word_that_is_the_whole_block_or_a_page_reference_is_flagged_only() -> None:
    assert spans(LAYOUT, "HEADLINE") == [(0, 8, None)]
    assert spans(LAYOUT, "详见第3版。") == [(2, 5, None)]


@pytest.mark.parametrize("text", ["Headline news", "PHOTOGRAPHY", "拍照片", "版面"])
def test_layout_word_ignores_ordinary_words(text: str) -> None:
    assert LAYOUT.find(text) == []


# -- doubled_punctuation -----------------------------------------------------------

DOUBLED = DoubledPunctuation()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工作，，明确", "工作，明确"),
        ("结束。。", "结束。"),
        ("工作,,明确", "工作，明确"),
        ("甲、、乙", "甲、乙"),
    ],
)
def test_doubled_punctuation_keeps_one(text: str, expected: str) -> None:
    assert fixed(DOUBLED, text) == expected


def test_comma_and_full_stop_together_are_flagged_only() -> None:
    assert spans(DOUBLED, "工作，。明确") == [(2, 4, None)]


@pytest.mark.parametrize("text", ["std::vector", "a,,b", "等等……", "——", "好！！", "工作，明确。"])
def test_doubled_punctuation_ignores_latin_and_legit_runs(text: str) -> None:
    assert DOUBLED.find(text) == []


# -- unbalanced_brackets -----------------------------------------------------------

BRACKETS = UnbalancedBrackets()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("现场就“如何利用资源", "“"),
        ("社区矛盾”以及", "”"),
        ("部门（单位参加", "（"),
        ("部门单位）参加", "）"),
        ("学习《条例", "《"),
        ("(花木安全家园", "("),
    ],
)
def test_unbalanced_brackets_are_flagged(text: str, flagged: str) -> None:
    [s] = BRACKETS.find(text)
    assert (s.text, s.replacement) == (flagged, None)


@pytest.mark.parametrize(
    "text",
    ["“不忘初心、牢记使命”", "《管理条例》《实施方案》", "1）第一条", "一）总则", "don’t", "(单位)"],
)
def test_balanced_brackets_and_list_numbers_pass(text: str) -> None:
    assert BRACKETS.find(text) == []


# -- unclosed_paragraph ------------------------------------------------------------

UNCLOSED = UnclosedParagraph()


def test_unclosed_paragraph_flags_the_last_character() -> None:
    assert spans(UNCLOSED, "代表们踊跃发言,") == [(7, 8, None)]
    assert spans(UNCLOSED, "提高学习理\n") == [(4, 5, None)]


@pytest.mark.parametrize("text", ["气氛热烈。", "他说：“好。”", "要求：", "（新民晚报）", "第一；", ""])
def test_closed_paragraphs_pass(text: str) -> None:
    assert UNCLOSED.find(text) == []


@pytest.mark.parametrize("role", ["title", "caption", "byline", "source"])
def test_unclosed_paragraph_looks_at_paragraphs_only(role: str) -> None:
    assert UNCLOSED.find("牢记使命", role=role) == []


# -- user rules --------------------------------------------------------------------


def test_literal_user_rule_replaces_literally() -> None:
    rule = UserRule("fix-name", "张三丰", "张三", is_regex=False)
    assert fixed(rule, "张三丰说：(a.b)") == "张三说：(a.b)"
    assert UserRule("dots", "a.b", "X").find("axb") == []


def test_regex_user_rule_with_groups_and_scope() -> None:
    rule = UserRule("year", r"(\d{2})年(\d+)月", r"20\1年\2月", is_regex=True, scope="paragraph")
    assert fixed(rule, "19年5月") == "2019年5月"
    assert rule.find("19年5月", role="title") == []
    heading = UserRule("h", "街道", None, scope="heading")
    assert [s.replacement for s in heading.find("花木街道", role="title")] == [None]
    assert heading.find("花木街道", role="paragraph") == []
    caption = UserRule("c", "图为", "", scope="caption")
    assert fixed(caption, "图为现场", role="caption") == "现场"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pattern": "(unclosed", "is_regex": True}, "invalid regular expression"),
        ({"pattern": "a*", "is_regex": True}, "matches empty text"),
        ({"pattern": "(a)", "replacement": r"\2", "is_regex": True}, "missing group"),
        ({"pattern": "(a)", "replacement": r"\g<nope>", "is_regex": True}, "missing group"),
        ({"pattern": "a", "replacement": r"\q", "is_regex": True}, "bad escape"),
        ({"pattern": ""}, "empty"),
        ({"pattern": "a", "scope": "everywhere"}, "scope must be one of"),
        ({"name": " padded "}, "rule name"),
    ],
)
def test_bad_user_rules_raise_a_clear_error(kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {"name": "r", "pattern": "a", "replacement": "b", "is_regex": False}
    fields.update(kwargs)
    with pytest.raises(RuleError, match=message):
        UserRule(**fields)  # type: ignore[arg-type]


def test_user_rule_skips_no_op_replacements() -> None:
    assert UserRule("same", "好", "好").find("好") == []


# -- run_rules ---------------------------------------------------------------------


def test_run_rules_sorts_and_prefers_one_edit_where_edits_overlap() -> None:
    found = run_rules("工作,,明确 and 落实", "paragraph", BUILTIN_RULES)
    assert [s.start for s in found] == sorted(s.start for s in found)
    doubled = [s for s in found if s.rule == "doubled_punctuation"]
    assert [(s.start, s.end, s.replacement) for s in doubled] == [(2, 4, "，")]
    assert not [s for s in found if s.rule == "halfwidth_punctuation" and 2 <= s.start < 4]
    assert apply_suggestions("工作,,明确 and 落实", found) == "工作，明确和落实"


def test_flags_do_not_block_edits_on_the_same_text() -> None:
    found = run_rules("代表们踊跃发言,", "paragraph")
    assert {(s.rule, s.replacement) for s in found} == {
        ("halfwidth_punctuation", "，"),
        ("unclosed_paragraph", None),
    }


def test_deoverlap_keeps_the_first_of_overlapping_edits() -> None:
    a = Suggestion("a", 0, 3, "abc", "x", "")
    b = Suggestion("b", 1, 2, "b", "y", "")
    c = Suggestion("c", 3, 4, "d", "z", "")
    assert deoverlap([b, c, a]) == [a, c]


_WORDS = st.sampled_from(
    ["近日", "街道", "社区", ",", ";", ":", "(", ")", "?", "!", " ", "1,600", "3:30", "4.6", "1+3+N", "and",
     "Hello, world", "“", "”", "，", "。", "\n", "http://a.b/c?d=1,2", "HEADLINE", "第3版"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join), st.sampled_from(["paragraph", "title", "caption"]))
def test_suggestions_fit_the_text_and_edits_never_overlap(text: str, role: str) -> None:
    found = run_rules(text, role)
    edit_end = 0
    for s in found:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        if s.replacement is not None:
            assert s.start >= edit_end
            edit_end = s.end


_NUMBERS = re.compile(r"\d[\d,.:]*\d|\d")


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join))
def test_safe_fix_keeps_length_numbers_and_latin_text(text: str) -> None:
    after = apply_suggestions(text, run_rules(text, "paragraph", SAFE_RULES))
    assert len(after) == len(text)
    assert _NUMBERS.findall(after) == _NUMBERS.findall(text)
    assert after.count("Hello, world") == text.count("Hello, world")
    assert after.count("http://a.b/c?d=1,2") == text.count("http://a.b/c?d=1,2")


def _article(chars: int) -> str:
    sentence = (
        "近日,街道“书记工作室”举办活动,共有1,600人参加(含志愿者);时间:3:30,"
        "地点在社区中心 and 党群服务站。HEADLINE 大家表示,活动很有意义!"
    )
    return (sentence * (chars // len(sentence) + 1))[:chars]


def test_a_3000_character_article_gets_the_same_suggestions_whole_or_in_paragraphs() -> None:
    """Speed is measured by bench/rules_bench.py; here only that a long text is handled consistently."""
    text = _article(3000)
    whole = run_rules(text, "paragraph")
    assert whole
    assert all(0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text for s in whole)
