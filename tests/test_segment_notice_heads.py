"""Obituary and notice pages: each notice's heading opens it, its signature lines end it (qaseg35's class 2).

On a 讣告/谢启 page a notice ends with its mourners and a sign-off (``孝媳、孙、曾孙等　同泣告``,
``孝眷　吴家　泣谢``, ``……暨全家　敬告``) and the next one opens under a one-word heading, often
letter-spaced (``讣　告``, ``谢　启``, ``追　思``).  The sign-off used to become the next notice's title and a
spaced ``谢　启`` a byline (谢 is a surname): every cut fell one line early.  No character is lost.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.segment_support import cut, same, traditional, wrapped

NOTICES = (
    (
        "讣告",
        [
            "先慈黄母陈氏秀英老夫人，痛于公元二〇二六年十一月二十四日下午三时，寿终于中央医院，享寿八十九岁。",
            "灵柩停放于富山亭殡仪馆第三厅，择于十一月二十七日上午十时出殡。",
        ],
        ["孝男　黄国强　黄国华", "孝媳、孙、曾孙等　同泣告"],
    ),
    (
        "谢启",
        ["先严吴公天福老先生仙逝，承蒙诸亲友亲临吊唁，或致送花圈、挽联、赙仪，隆情高谊，殁存均感。"],
        ["孝眷　吴家　泣谢"],
    ),
    (
        "周年纪念",
        ["先夫张公国雄逝世一周年。一年来，音容宛在，教诲难忘。儿孙皆已成家立业，您可安息。"],
        ["妻　梁玉莲　率子孙　敬悼"],
    ),
    (
        "讣告",
        ["先父李公永泰老先生，恸于二〇二六年十一月二十三日上午安详辞世，享年七十六岁。丧事从简。"],
        [],
    ),
    (
        "追思",
        ["先父蔡公金水老先生逝世十周年。先父一生克勤克俭，扶助乡里，曾捐资兴建华小礼堂。"],
        ["孝男　蔡文龙　蔡文虎　孝女　蔡丽华　暨全体家属　敬悼"],
    ),
)
# The fourth notice signs off at the end of its last sentence.
GLUED = "特此敬告亲友，恕报不周。孝子　李志明　暨全家　敬告"


def _page(
    order: tuple[int, ...] = (0, 1, 2, 3, 4),
    *,
    spaced: bool = True,
    width: int | None = None,
    blank: str = "",
) -> tuple[str, list[tuple[str, str]]]:
    """The page, and each notice's first and last words in order."""
    lines = ["星洲华声报　怡保版　　讣告．谢启", "2026年11月26日　星期四　C8"]
    ends = []
    for n in order:
        head, body, signers = NOTICES[n]
        lines.append("　".join(head) if spaced and len(head) == 2 else head)
        for para in body:
            lines.extend(wrapped(para, width))
        if n == 3:
            lines.append(GLUED)
        lines.extend(signers)
        if blank:
            lines.append("")
        ends.append((body[0][:8], "".join((signers or [GLUED])[-1].split())[-6:]))
    return "\n".join(lines) + "\n", ends


def _bodies(text: str) -> list[str]:
    """Each article's text, white space left out."""
    return [
        "".join("".join(block.text for block in article.blocks).split()) for article in cut(text).articles
    ]


def _ends_ok(bodies: list[str], ends: list[tuple[str, str]], convert: Callable[[str], str] = same) -> None:
    assert len(bodies) == len(ends)
    for body, (first, last) in zip(bodies, ends, strict=True):
        assert convert(first) in body[:30]
        assert body.endswith(convert(last))


@pytest.mark.parametrize("spaced", [True, False])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("blank", ["", "\n"])
def test_each_notice_runs_from_its_heading_to_its_signature(spaced: bool, script: str, blank: str) -> None:
    text, ends = _page(spaced=spaced, blank=blank)
    convert = traditional if script == "traditional" else same
    text = convert(text)
    parsed = cut(text)
    heads = [convert("　".join(h) if spaced and len(h) == 2 else h) for h, _, _ in NOTICES]
    assert [a.title for a in parsed.articles] == heads
    _ends_ok(_bodies(text), ends, convert)


@pytest.mark.parametrize("width", [17, 22, 31])
@pytest.mark.parametrize("order", [(4, 3, 2, 1, 0), (1, 0, 3, 2, 4), (2, 4, 0, 3, 1)])
def test_notices_rewrapped_and_reordered(width: int, order: tuple[int, ...]) -> None:
    text, ends = _page(order, width=width)
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [
        "　".join(NOTICES[n][0]) if len(NOTICES[n][0]) == 2 else NOTICES[n][0] for n in order
    ]
    _ends_ok(_bodies(text), ends)


def test_another_papers_notices() -> None:
    text = (
        "某某侨报　丧葬专版\n"
        "讣　闻\n"
        "家父王公德明老先生于二〇二六年十月三日因病辞世，享寿九十二岁。兹定于十月六日举殡。\n"
        "孤哀子　王建国　王建军\n"
        "孙男女等　同泣启\n"
        "鸣　谢\n"
        "先母出殡之日，承蒙乡亲父老及各界友好莅临执绋，隆情厚谊，铭感五内，谨此鸣谢。\n"
        "王府家属　同叩谢\n"
        "讣　闻\n"
        "本会永远名誉会长赵公启明先生于十月四日逝世，本会同人同深哀悼。\n"
        "某某同乡会　谨启\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["讣　闻", "鸣　谢", "讣　闻"]
    _ends_ok(
        _bodies(text),
        [("家父王公德明老", "同泣启"), ("先母出殡之日，", "同叩谢"), ("本会永远名誉会", "谨启")],
    )
