"""A short title over a list with its lead or closing line, after a finished article: the next article
(qaseg31's class 1).

A ward's newsletter sets ``答病友问`` over ``问：`` / ``答：`` turns and a closing line of prose right under a
schedule of lectures; an alumni newsletter sets ``捐款芳名`` over ``name　amount`` rows and ``本会谨此致谢。``
under a prose item.  With no blank line between them, the title read as a subheading and the list's
article was swallowed.  An interview's turns under a subheading of an interview, and a feature's own
subheadings over prose, stay where they are.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

SCHEDULE = (
    "本月健康讲座安排",
    "12月5日（周五）下午3点\u3000心衰病人的饮食与限水\u3000主讲：营养科 周敏",
    "12月12日（周五）下午3点\u3000心脏康复运动入门\u3000主讲：康复科 刘刚",
    "12月19日（周五）下午3点\u3000冠脉支架术后注意事项\u3000主讲：心内科 陈志远",
    "地点：住院部七楼示教室，欢迎病友和家属参加，无需报名。",
)
PROSE = (
    "病区新闻：我科获评优质护理示范病区",
    "11月20日，医院召开年度护理工作总结大会，心内科病区被评为优质护理示范病区，这是我科连续第三年获此荣誉。",
    "今年以来，病区推行责任护士包床到人，每位护士负责六到八张床位，从入院评估到出院指导全程负责。",
)
QA = (
    "答病友问",
    "问：出院后多久可以恢复上班？",
    "答：要看病情和工作性质。一般的冠脉支架术后，如果没有并发症，一到两周后可以逐步恢复上班。",
    "问：放了支架还能坐飞机吗？",
    "答：病情稳定后一般是可以的，但建议术后一个月内避免长途飞行。",
    "如有其他问题，欢迎在护士站的病友信箱留言，我们将在下期解答。",
)
DONORS = (
    "捐款芳名（十至十一月）",
    "林德明校友\u3000马币五千元",
    "黄慧敏校友\u3000马币三千元",
    "郑美玉校友\u3000马币一千元",
    "本会谨此致谢。如有错漏，请通知秘书处。",
)
NOTICE = (
    "义工招募",
    "庙会期间需要义工协助秩序维护、香客引导、环境清洁。凡年满十六岁、身体健康者均可报名。",
    "报名请洽义工组林秀琴师姐。",
)


def _text(*items: tuple[str, ...], indent: str = "", blank: bool = False) -> str:
    return "".join("".join(indent + line + "\n" for line in item) + ("\n" if blank else "") for item in items)


@pytest.mark.parametrize(
    "items",
    [
        (SCHEDULE, QA, NOTICE),
        (PROSE, QA, NOTICE),
        (PROSE, DONORS),
        (SCHEDULE, QA, PROSE),
        (PROSE, QA, DONORS),
    ],
)
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_titled_list_after_a_finished_article(
    items: tuple[tuple[str, ...], ...], indent: str, script: str
) -> None:
    text = _text(*items, indent=indent)
    titles = [item[0] for item in items]
    if script == "traditional":
        text, titles = traditional(text, "s2hk"), [traditional(t, "s2hk") for t in titles]
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t in titles]
    assert all(Role.SUBHEADING not in [b.role for b in a.blocks] for a in parsed.articles)


@pytest.mark.parametrize("width", [20, 26, 34])
def test_a_titled_list_hard_wrapped(width: int) -> None:
    parsed = cut(hard_wrap(_text(PROSE, QA, DONORS), width))
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(PROSE[0]), QA[0], squeeze(DONORS[0])]


def test_with_blank_lines_between_items() -> None:
    parsed = cut(_text(SCHEDULE, QA, NOTICE, blank=True))
    assert [a.title for a in parsed.articles] == [SCHEDULE[0], QA[0], NOTICE[0]]


def test_an_interviews_turns_under_its_subheading_stay() -> None:
    interview = (
        "记者手记：一位老护士的三十年",
        "问：您当护士多少年了？",
        "答：整整三十年了，从二十岁进医院，一直在心内科。",
        "问：最难忘的是哪一次？",
        "答：是一位老病人出院时给我写了一封信，我到现在还留着。",
    )
    text = _text((*interview[:3], "谈到退休", *interview[3:], "说到这里，她笑了。"))
    parsed = cut(text)
    assert len(parsed.articles) == 1


def test_a_features_subheading_over_prose_stays() -> None:
    text = _text(
        (
            *PROSE,
            "经验做法",
            "病区每周召开一次护理质量分析会，对照标准查找问题，逐项整改，持续提高护理质量。",
            "护士长说，下一步将把好的经验推广到全院。",
        )
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
    assert [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING] == ["经验做法"]
