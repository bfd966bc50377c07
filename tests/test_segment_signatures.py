"""A signature line under a letter or report ends that article (qaseg23's files 06 and 13).

Layout: a short line of a few words ending in a person's name (``读者 孙秀英``, ``工会 刘敏``), or
opened by a dash (``——阳光花园小区 一位业主``), set right under the last paragraph with no blank
line between, with a blank line, a heading or the end of the text after it.  It is the last block
of its article (a byline); the title after it opens the next article, never glued to that one's
first line nor left a subheading.  In several shapes: with and without blank lines, indented,
hard-wrapped at a column width, traditional script, reordered, another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment.signatures import signature_name
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import converter
from tests.segment_support import cut as _cut

LETTERS = (
    (
        "小区门口的路灯该修了",
        "编辑同志:\n我家小区大门外的三盏路灯已经坏了一个多月,晚上一片漆黑,希望有关部门尽快修好。",
        "丰收小区居民 赵德明",
    ),
    (
        "感谢好心的公交司机",
        "6月20日上午我乘坐12路公交车去医院,下车时突然头晕。驾驶员刘强马上停车,扶我坐下。在此,我要说声谢谢!",
        "读者 孙秀英",
    ),
    (
        "建议增设社区快递柜",
        "编辑同志:\n我们小区有一千多户人家,却只有一组快递柜,建议再增设两到三组快递柜。",
        "——阳光花园小区 一位业主",
    ),
)
REPORTS = (
    (
        "厂工会举办职工技能比武",
        "9月7日,厂工会举办职工技能比武,一百二十名职工参赛。装配车间钳工陈立新获第一名。",
        "工会 刘敏",
    ),
    (
        "二号车间完成智能化改造",
        "二号车间智能化生产线通过验收,生产效率提高百分之三十,操作人员减少一半。",
        "二车间 退休职工 周建国",
    ),
    (
        "食堂推出夜班套餐",
        "为方便夜班职工就餐,职工食堂从本月起推出夜班套餐,每份八元,荤素搭配。",
        "——后勤服务中心 食堂班组",
    ),
)


def han_traditional(text: str) -> str:
    """``text`` in traditional script, character for character (the same length)."""
    convert = converter("s2hk").convert
    return "".join(convert(char) for char in text)


def _text(items: tuple[tuple[str, str, str], ...], *, blank: bool, indent: str = "") -> str:
    gap = "\n\n" if blank else "\n"
    return gap.join(f"{indent}{title}\n{indent}{body}\n{indent}{sign}" for title, body, sign in items) + "\n"


def _same(text: str) -> str:
    return text


def _check(
    parsed: ParsedIssue, items: tuple[tuple[str, str, str], ...], convert: Callable[[str], str] = _same
) -> None:
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in items]
    for article, (_, _, sign) in zip(parsed.articles, items, strict=True):
        last = article.blocks[-1]
        assert squeeze(last.text) == squeeze(convert(sign))
        assert last.role in (Role.BYLINE, Role.PARAGRAPH)  # a dash line naming no one may stay text
        assert sum(1 for block in article.blocks if block.role is Role.TITLE) == 1


@pytest.mark.parametrize("items", [LETTERS, LETTERS[::-1], REPORTS, REPORTS[::-1]])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "  "])
def test_a_signature_ends_its_article(
    items: tuple[tuple[str, str, str], ...], blank: bool, indent: str
) -> None:
    _check(_cut(_text(items, blank=blank, indent=indent)), items)


@pytest.mark.parametrize("items", [LETTERS, REPORTS])
@pytest.mark.parametrize("width", [14, 18, 23])
def test_a_signature_ends_its_article_hard_wrapped(
    items: tuple[tuple[str, str, str], ...], width: int
) -> None:
    text = hard_wrap(_text(items, blank=True), width)
    _check(_cut(text), items)


@pytest.mark.parametrize("items", [LETTERS, REPORTS])
def test_a_signature_ends_its_article_in_traditional_script(items: tuple[tuple[str, str, str], ...]) -> None:
    text = han_traditional(_text(items, blank=True))
    _check(_cut(text), items, han_traditional)


def test_the_signature_is_the_letters_byline_and_names_its_writer() -> None:
    parsed = _cut(_text(LETTERS[:2], blank=True))
    first = parsed.articles[0]
    assert first.blocks[-1].role is Role.BYLINE
    assert [person.name for person in first.people] == ["赵德明"]
    assert "编辑同志" not in squeeze(parsed.articles[0].blocks[-1].text)


def test_an_editors_reply_after_a_signature_stays_with_the_letter() -> None:
    title, body, sign = LETTERS[0]
    reply = "本报记者将此信转给区城管局。区城管局回复:该处路灯已于6月28日修好。"
    text = f"{title}\n{body}\n{sign}\n\n{reply}\n\n" + _text(LETTERS[1:2], blank=True)
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == [title, LETTERS[1][0]]
    assert parsed.articles[0].paragraphs[-1] == reply


@pytest.mark.parametrize(
    "line",
    [
        "东湖街道 改造提速",  # a spaced kicker: no name at its end
        "社区 新风尚",
        "活动现场",
        "读者来信",
        "记者 张三 通讯员 李四 王五 赵六 钱七 孙八",  # longer than a signature
    ],
)
def test_lines_that_are_no_signature(line: str) -> None:
    assert not signature_name(line)


def test_a_spaced_kicker_under_a_finished_paragraph_stays_a_heading() -> None:
    text = (
        "社区书场重新开张\n本报讯 5月5日,修缮一新的社区书场重新开张,每周二、四下午演出。\n"
        "东湖街道 改造提速\n首批十个项目全部开工\n本报讯 6月3日,东湖街道首批十个改造项目全部开工。\n"
    )
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == ["社区书场重新开张", "首批十个项目全部开工"]
