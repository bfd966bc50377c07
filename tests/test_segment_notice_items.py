"""A short tip under ``温馨提示`` after a finished article is an item of its own (qaseg33's class 2).

A station paper closes a page with a signed profile, then ``温馨提示`` over two sentences to the staff; a
library newsletter closes with ``温馨提示`` over its holiday hours.  The label used to be one that always
stays with its article (like ``结语``), so the tip folded into the profile as a subheading.  Every blind
page that sets it alone over its text makes it an item's title: it now goes by the short-item rule (a
finished article with no subheadings, a short body after it).  In a feature with subheadings it stays.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap
from tests.segment_support import cut, traditional

PROFILE = (
    "老调车长的“三字经”\n"
    "刘明辉\n"
    "在我们驼峰调车场，提起老调车长王建军，没有人不竖大拇指的。他在调车岗位上干了三十一年，从没出过一次事故。\n"
    "问他有什么诀窍，他总是笑着说三个字：“看、想、说。”\n"
    "“安全这根弦，什么时候都不能松。”这是王师傅常挂在嘴边的话。\n"
)
TIPS = (
    "入冬以来，早晚气温较低，请职工上下班途中注意交通安全。\n作业人员请按规定穿戴防寒劳保用品，注意防滑防冻。\n",
    "元旦期间，本馆一月一日闭馆一天，一月二日起恢复正常开放。\n",
)


@pytest.mark.parametrize("tip", TIPS)
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_tip_after_a_finished_article_is_its_own_item(tip: str, blank: str, script: str) -> None:
    text = "某站通讯　2026年11月\n" + PROFILE + blank + "温馨提示\n" + tip
    if script == "traditional":
        text = traditional(text)
    parsed = cut(text)
    assert len(parsed.articles) == 2
    assert parsed.articles[1].title in ("温馨提示", "溫馨提示")
    assert Role.SUBHEADING not in [b.role for b in parsed.articles[0].blocks]


@pytest.mark.parametrize("width", [20, 22, 24])
def test_a_tip_after_a_finished_article_hard_wrapped(width: int) -> None:
    parsed = cut(hard_wrap(PROFILE + "温馨提示\n" + TIPS[0], width))
    assert [a.title for a in parsed.articles] == ["老调车长的“三字经”", "温馨提示"]


def test_a_tip_closing_a_feature_with_subheadings_stays_in_it() -> None:
    text = (
        "流感高发季如何做好防护\n"
        "本报记者　李娜\n"
        "进入十一月，我市流感病例明显增多，市疾控中心提醒市民做好防护。\n"
        "接种疫苗\n"
        "专家表示，接种流感疫苗是预防流感最有效的手段，老人和儿童尤其要及时接种。\n"
        "勤洗手多通风\n"
        "日常生活中要勤洗手、多通风，少去人员密集的场所，外出时佩戴口罩。\n"
        "温馨提示\n"
        "如出现发热、咳嗽等症状，请及时到医院就诊。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["流感高发季如何做好防护"]
