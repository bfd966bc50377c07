"""Lines after a signature or an attribution line stay with the piece above (qaseg36's class 2).

A school weekly closes each pupil's composition with ``（指导老师：X）`` and, right under it, the teacher's
comment (``老师点评：…``); the comment is the end of the composition, never an untitled article nor the
next composition's kicker.  A newsletter closes its events list with ``报名及查询：…``, right over the next
article's kicker: the list's last line, not that kicker.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.closing_tails import is_closing_tail
from reader.core.segment.source_tails import opens_comment
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, owner_of, traditional

Piece = tuple[str, str, tuple[str, ...], str, str]

PIECES: tuple[Piece, ...] = (
    (
        "外婆的腌菜缸",
        "三年级（2）班\u3000许嘉怡",
        (
            "外婆家的院子里有一口大缸，比我还高。每年冬天，外婆都要在里面腌雪里蕻。",
            "我想，外婆的腌菜缸里装的不只是菜，还有冬天的味道。",
        ),
        "（指导老师：沈佳）",
        "老师点评：小作者抓住“踩菜”这个细节，结尾一句很有味道。",
    ),
    (
        "冬天的早晨",
        "二年级（3）班\u3000陈一诺",
        ("冬天的早晨，天还没有亮。妈妈叫我起床，我把头缩进被子里，说：“再睡五分钟。”",),
        "（指导老师：李晓燕）",
        "老师点评：画太阳的结尾很可爱，有想象力！",
    ),
    (
        "我家的小猫",
        "四年级（1）班\u3000王子涵",
        (
            "我家有一只小花猫，它的眼睛像两颗玻璃球。",
            "每天下午，它都跟着太阳挪窝，从客厅睡到阳台。",
        ),
        "（辅导老师：周敏）",
        "教师评语：观察细致，写得生动有趣",
    ),
)
CLOSER = (
    "下周值周安排",
    "周一至周五由五年级（2）班值周，请各班配合检查卫生、两操和路队，值周生每天七点二十分到校。",
)


def _lines(order: tuple[int, ...], blank: str) -> list[str]:
    out: list[str] = []
    for n in order:
        title, byline, body, source, comment = PIECES[n]
        out += [title, byline, *body, source, comment]
        if blank:
            out.append("")
    return [*out, *CLOSER]


def _check(text: str, order: tuple[int, ...], convert: bool = False) -> None:
    parsed = cut(text)
    conv = (lambda t: traditional(t)) if convert else (lambda t: t)
    titles = [squeeze(conv(PIECES[n][0])) for n in order] + [squeeze(conv(CLOSER[0]))]
    assert [squeeze(a.title or "") for a in parsed.articles] == titles
    for i, n in enumerate(order):
        assert owner_of(parsed, text, squeeze(conv(PIECES[n][4]))[:8], across_lines=True) == i
        assert owner_of(parsed, text, squeeze(conv(PIECES[n][3])), across_lines=True) == i
        assert Role.KICKER not in [b.role for b in parsed.articles[i].blocks]


ORDERS = [(0, 1, 2), (2, 0, 1), (1, 2)]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_comment_under_the_teachers_line_ends_the_composition(
    order: tuple[int, ...], blank: str, indent: str, script: str
) -> None:
    text = "".join((indent + line if line else "") + "\n" for line in _lines(order, blank))
    if script == "traditional":
        text = traditional(text)
    _check(text, order, convert=script == "traditional")


@pytest.mark.parametrize("width", [20, 24, 26])
def test_hard_wrapped(width: int) -> None:
    order = (0, 1, 2)
    _check(hard_wrap("".join(line + "\n" for line in _lines(order, "\n")), width), order)


def test_an_attribution_without_a_comment_still_closes_the_article() -> None:
    """Control: an attribution under the text, then an untitled item after a blank line: two articles."""
    text = (
        "社区新闻\n本周六上午，社区在文化广场举办义诊活动，六十多位居民参加。\n（街道党群办）\n\n"
        "本报讯　本周日下午，社区图书室举办亲子阅读会，二十组家庭到场，孩子们轮流朗读绘本。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 2


@pytest.mark.parametrize(
    "text", ["老师点评：小作者抓住细节。", "教师评语：写得生动", "编者点评：好！", "点评：很好。"]
)
def test_comment_labels(text: str) -> None:
    assert opens_comment(text)


@pytest.mark.parametrize("text", ["评论员文章", "老师的点评让我很高兴。", "点评会圆满结束"])
def test_no_comment_labels(text: str) -> None:
    assert not opens_comment(text)


# -- a sign-up line closing an events list, right over the next article's kicker ------------------------
EVENTS = (
    "社区活动预告",
    "「沙田健步行」：十二月二十日（星期日）上午八时，城门河畔集合，费用全免。",
    "「长者防骗讲座」：十二月二十二日（星期二）下午三时，沙田大会堂文娱厅。",
)
COLUMN = (
    "〔议员专栏〕",
    "火炭工业区转型　交通配套要先行",
    "政府早前公布火炭工业区重建规划，未来十年将有约一万个新住宅单位落成。发展是好事，但交通要先行。",
    "规划咨询期至明年一月底，欢迎街坊出席本人办事处举办的居民大会。",
)


@pytest.mark.parametrize(
    "tail", ["报名及查询：区议会秘书处（电话2158××××）", "报名咨询：社区中心（电话2158××××）"]
)
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "s2hk"])
def test_a_sign_up_line_ends_the_events_list(tail: str, blank: str, script: str) -> None:
    text = "".join(line + "\n" for line in (*EVENTS, tail)) + blank + "".join(line + "\n" for line in COLUMN)
    if script != "simplified":
        text = traditional(text, script)
    parsed = cut(text)
    assert len(parsed.articles) == 2
    conv = (lambda t: t) if script == "simplified" else (lambda t: traditional(t, script))
    assert owner_of(parsed, text, conv(tail)[:6]) == 0
    assert squeeze(parsed.articles[1].title or "") == squeeze(conv(COLUMN[1]))


@pytest.mark.parametrize("text", ["报名及查询：区议会秘书处（电话2158××××）", "咨询电话：8888 6666"])
def test_sign_up_lines_are_closing_lines(text: str) -> None:
    assert is_closing_tail(text)
