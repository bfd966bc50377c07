"""A cross-talk script's lines (``甲：…``, ``乙：嗐！``) stay its paragraphs (qaseg29 class 5: 09, m8).

A short speaker's line read as a heading, and the script was cut in two at a kicker (``甲：你还真说对了…``)
and a title (``乙：嗐！``).  Speakers taking turns make every line a paragraph; a form's fields (``时间：…``
``地点：…``), each there once, stay what they were.
"""

from __future__ import annotations

import pytest

from tests.corpus_shapes import squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

LINES = (
    "我们家老爷子，七十多了，也学会用手机了。",
    "那挺好啊，跟上时代了。",
    "关键是开着免提啊！“喂——是老张吗——我是老李——”",
    "这还用打电话？推开窗户喊一嗓子不就完了。",
    "你还真说对了，老张就住对门！",
    "嗐！",
    "更绝的是视频通话。他把手机举得老高，对方只能看见他的鼻孔。",
    "去你的吧！",
)
NEXT = "炉前的父亲\n王晓燕\n父亲在炼钢炉前干了三十年。小时候，我只记得他身上总有一股焦煳味。\n"


@pytest.mark.parametrize("speakers", [("甲", "乙"), ("逗哏", "捧哏"), ("老王", "小李")])
@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_script_s_lines_stay_in_the_script(
    speakers: tuple[str, str], colon: str, indent: str, script: str
) -> None:
    lines = [indent + speakers[k % 2] + colon + line for k, line in enumerate(LINES)]
    text = "《打电话》新编\n作者：侯小宝\n" + "".join(line + "\n" for line in lines) + NEXT
    convert = _trad if script == "traditional" else str
    parsed = _cut(convert(text))
    assert len(parsed.articles) == 2
    assert squeeze("".join(parsed.articles[0].paragraphs)).endswith(squeeze(convert(lines[-1])))
    assert all(block.role.value != "title" for block in parsed.articles[0].blocks[1:])


def test_a_notice_s_fields_are_no_script() -> None:
    text = (
        "讲座预告\n时间：十二月七日下午两点半\n地点：图书馆三楼报告厅\n主讲：许文澜教授\n报名：请致电图书馆\n"
        "讲座将从苏轼、李清照等人的作品入手，解读宋词中的节令风物。\n"
    )
    parsed = _cut(text)
    assert len(parsed.articles) == 1
