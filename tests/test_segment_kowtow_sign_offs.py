"""A thanks notice's right-aligned sign-off ending in 同叩 / 仝叩 / 敬叩 closes it (qaseg28's class 7).

``陈府家属　同叩`` under a 鸣谢 (a family's thanks after a funeral) is the notice's last line, like
``黄氏家属　敬谢``; it used to become the kicker of the next notice, cutting the thanks in two.
Right-aligned by wide spaces or not, with and without blank lines, in traditional script, under another
family's or association's name.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

THANKS = (
    "鸣　　　谢",
    "先严陈公德明老先生不幸于九月十日仙逝，治丧期间，承蒙亲朋戚友、各侨团首长亲临致祭，隆情厚谊，存殁均感。"
    "谨此登报鸣谢。",
)
SIGNERS = ("陈府家属　同叩", "黄府孝眷　仝叩", "李氏宗亲会　敬叩", "孝男　陈志强　孝女　陈美玲　同叩")
NEXT = (
    "宁阳会馆通告",
    "本会馆定于十月十九日中午十二时，假座华埠金龙酒家举行秋季敬老联欢午宴，凡年满七十岁之乡亲均可参加。",
)


def _text(signer: str, indent: str, blank: str) -> str:
    lines = [THANKS[0], THANKS[1], indent + signer, NEXT[0], NEXT[1]]
    return "".join(line + "\n" + blank for line in lines)


@pytest.mark.parametrize("signer", SIGNERS)
@pytest.mark.parametrize("indent", ["", "\u3000" * 16])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_kowtow_sign_off_ends_the_thanks(signer: str, indent: str, blank: str, script: str) -> None:
    text = _text(signer, indent, blank)
    titles = [THANKS[0], NEXT[0]]
    if script == "traditional":
        text, signer, titles = traditional(text), traditional(signer), [traditional(t) for t in titles]
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t in titles]
    assert squeeze(parsed.articles[0].blocks[-1].text) == squeeze(signer)
