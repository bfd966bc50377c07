"""A page's running head repeated inside an article's text is furniture wherever it stands (qaseg36's
class 4).

An in-house paper prints ``安泰人寿浙江分公司内部通讯　2026年第11期　第4页`` where each page begins, often in
the middle of an article.  The article goes on after it: the head opens no article (in the last article
it was the title of an extra one holding the rest of the text) and is no subheading.
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, owner_of, traditional

FIRST = (
    "员工风采：羽毛球赛落幕",
    "11月22日，分公司第五届员工羽毛球赛在黄龙体育中心落幕，来自各部门的六十四名选手参加比赛。",
    "工会表示，明年将增设乒乓球和健步走项目。",
)
LAST = (
    "新人训练营第八期结业",
    "11月28日，分公司新人训练营第八期在杭州培训中心结业，来自全省各机构的七十六名新人完成了为期三周的培训。",
    "HEAD",
    "培训部表示，下一期训练营将于明年二月开班，各机构可于一月底前报送参训名单。",
    "结业仪式后，学员们与各自的辅导主管签订了“师徒协议”。",
)
PAPERS = (
    (
        "安泰人寿·浙江分公司\u3000内部通讯\u30002026年第11期",
        "安泰人寿浙江分公司内部通讯\u30002026年第11期\u3000第{}页",
    ),
    ("滨海石化报\u3000第三十二期", "滨海石化报\u3000第三十二期\u3000第{}页"),
    ("# 南非华侨新闻\u3000第1页\u30002026年12月5日", "# 南非华侨新闻\u3000第{}页\u30002026年12月5日"),
)


def _text(paper: int, *, repeat: bool, blank: str, indent: str) -> str:
    masthead, head = PAPERS[paper]
    first = [FIRST[0], *(indent + p for p in FIRST[1:])]
    if repeat:  # the head also between the first article's paragraphs
        first.insert(2, head.format(2))
    last = [LAST[0], *(head.format(4) if p == "HEAD" else indent + p for p in LAST[1:])]
    return masthead + "\n\n" + "\n".join(first) + "\n" + blank + "\n".join(last) + "\n"


def _check(text: str, convert: bool) -> None:
    parsed = cut(text)
    conv = traditional if convert else (lambda t: t)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(conv(FIRST[0])),
        squeeze(conv(LAST[0])),
    ]
    assert owner_of(parsed, text, squeeze(conv(LAST[4]))[:10], across_lines=True) == 1
    assert owner_of(parsed, text, squeeze(conv(FIRST[2]))[:10], across_lines=True) == 0
    for article in parsed.articles:
        assert Role.SUBHEADING not in [b.role for b in article.blocks]


@pytest.mark.parametrize("paper", range(len(PAPERS)))
@pytest.mark.parametrize("repeat", [False, True])
@pytest.mark.parametrize("blank", ["", "\n"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_running_head_inside_an_article(
    paper: int, repeat: bool, blank: str, indent: str, script: str
) -> None:
    text = _text(paper, repeat=repeat, blank=blank, indent=indent)
    if script == "traditional":
        text = traditional(text)
    _check(text, script == "traditional")


@pytest.mark.parametrize("width", [24, 30])
def test_hard_wrapped(width: int) -> None:
    _check(hard_wrap(_text(0, repeat=True, blank="\n", indent=""), width), False)


def test_a_head_repeated_without_the_paper_on_top() -> None:
    """No masthead above, but the head printed twice: still furniture."""
    text = _text(0, repeat=True, blank="", indent="").split("\n\n", 1)[1]
    _check(text, False)


TITLE = "旧相册第3页上的那张老合影"


def test_a_title_naming_a_page_is_still_a_title() -> None:
    """Control: a lone title with 第N页 that neither repeats nor opens like the paper's name."""
    text = (
        "安泰人寿·浙江分公司\u3000内部通讯\n\n"
        + "\n".join(FIRST)
        + "\n\n"
        + TITLE
        + "\n翻开旧相册的第三页，是一九八六年分公司成立时的合影，照片上的人如今大多已经退休。\n"
    )
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(FIRST[0]), TITLE]
