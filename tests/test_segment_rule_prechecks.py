"""The line rules' cheap first tests never change an answer: each rule equals its regex-only form."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.segment import furniture, rules
from reader.core.segment.furniture import DATE

# Characters the rules look for (the first tests' among them), with spaces and plain text.
LINE = st.lists(
    st.sampled_from(
        [
            *"年月日期第总号码微信博扫关注转接续下上版摄图为▲()（）|丨｜/·•.-—,，。、:：“”《》「」『』 ",
            *"0123456789一二三十社区报街道主办承办出版编印主管影",
            "2023年6月15日",
            "第12期",
            "2019-05-15",
            "下转第2版",
            "公众号",
            "微信:",
            " 主办",
            "张三 摄",
            "记者",
            "问 :",
            "、",
        ]
    ),
    max_size=14,
).map("".join)


def reference_is_publisher_line(text: str) -> bool:
    return (
        len(text) <= 40
        and furniture._SENTENCE_MARKS.search(text) is None
        and furniture._PUBLISHER.fullmatch(text) is not None
    )


def reference_is_slash_slogan(text: str) -> bool:
    return len(text) <= 40 and furniture._SLASH_SLOGAN.fullmatch(text) is not None


def reference_is_masthead_line(text: str) -> bool:
    if len(text) > furniture.FURNITURE_MAX_CHARS or "。" in text:
        return False
    if furniture._MASTHEAD_FIELD.match(text) is not None:
        return True
    if len(text) > 40 or furniture._SENTENCE_MARKS.search(text) is not None:
        return False
    if reference_is_publisher_line(text) or reference_is_slash_slogan(text):
        return True
    if furniture._ISSUE_NUMBER.search(text) is not None:
        return True
    date = DATE.search(text)
    if date is None:
        return False
    rest = (text[: date.start()] + text[date.end() :]).strip()
    return not rest or furniture._WEEKDAY.search(rest) is not None or len(rest) <= 12


def reference_is_qr_blurb(text: str) -> bool:
    if len(text) > 40:
        return False
    if furniture._QR_START.match(text) is not None and ("码" in text or "关注" in text):
        return True
    word = furniture._QR_WORD.search(text)
    quoted = word is not None and word.start() > 0 and text[word.start() - 1] in '“「"'  # 安全帽上的“二维码”
    return len(text) <= 30 and word is not None and not text.endswith("。") and not quoted


def reference_is_balanced(text: str) -> bool:
    return all(text.count(left) == text.count(right) for left, right in rules._PAIRS)


def reference_is_heading_like(text: str) -> bool:
    if not text or len(text) > rules.HEADING_MAX_CHARS:
        return False
    if text[-1] in rules._CLAUSE_ENDS or text[-1] in rules._DANGLING_ENDS:
        return False
    if rules.ends_sentence(text) and not rules.is_exclaimed_title(text):
        return False
    if rules._INNER_STOP.search(text) is not None:
        return False
    if sum(text.count(comma) for comma in rules._COMMAS) > 1:
        return False
    if rules._SPEECH_TURN.match(text) is not None or rules._LIST_ENTRY.fullmatch(text) is not None:
        return False
    return reference_is_balanced(text)


def reference_is_item_title(text: str) -> bool:
    return (
        rules._ITEM_TITLE.match(text) is not None
        and len(text) <= rules.HEADING_MAX_CHARS
        and not rules.ends_sentence(text)
    )


def reference_is_marked_caption(text: str) -> bool:
    if len(text) > rules.CAPTION_MAX_CHARS:
        return False
    if rules._CAPTION_MARK.match(text) is not None:
        return True
    credit = rules._CREDIT_END.search(text)
    return credit is not None and credit.end() == len(text) and credit.start() > 0


def reference_is_jump_marker(text: str) -> bool:
    return len(text) <= 20 and rules._JUMP.fullmatch(text) is not None


@settings(max_examples=3000, deadline=None)
@given(LINE)
def test_every_rule_answers_as_its_regex_only_form(text: str) -> None:
    assert furniture.is_publisher_line(text) == reference_is_publisher_line(text)
    assert furniture.is_slash_slogan(text) == reference_is_slash_slogan(text)
    assert furniture.is_masthead_line(text) == reference_is_masthead_line(text)
    assert furniture.is_qr_blurb(text) == reference_is_qr_blurb(text)
    assert rules.is_balanced(text) == reference_is_balanced(text)
    assert rules.is_heading_like(text) == reference_is_heading_like(text)
    assert rules.is_item_title(text) == reference_is_item_title(text)
    assert rules.is_marked_caption(text) == reference_is_marked_caption(text)
    assert rules.is_jump_marker(text) == reference_is_jump_marker(text)


def test_the_lines_the_first_tests_guard_are_still_found() -> None:
    assert furniture.is_publisher_line("××街道党工委、办事处 主办")
    assert furniture.is_slash_slogan("幸 / 福 / 社 / 区")
    assert furniture.is_masthead_line("外滩 第123期 2019年5月15日")
    assert furniture.is_masthead_line("2019-05-15 星期三")
    assert furniture.is_qr_blurb("“幸福××”微信公众号")
    assert rules.is_item_title("联洋二 | 感受红色文化")
    assert rules.is_marked_caption("居民在活动现场合影 (张三 摄)")
    assert rules.is_jump_marker("(下转第2版)")
    assert not rules.is_heading_like("街道召开会议,部署工作,推进落实")
    assert not rules.is_heading_like("《初心")
