"""A page that numbers its articles: ``1. 标题`` over each article's text (qaseg35's class 3).

Every numbered title used to be read as a numbered subheading of the first article and the whole page
became one article.  When nothing but the masthead stands above ``1.`` and the numbered lines, in order,
are titles over sentences, each opens an article.  A numbered list inside an article (points under a
title and its lead paragraph) stays in its article.  No character is lost.
"""

from __future__ import annotations

import pytest

from tests.segment_support import cut, owner_of, traditional, wrapped

ITEMS = (
    (
        "唐人街美食节吸引万人",
        [
            "一年一度的路易港唐人街美食节上周末举行，两天内吸引了约一万两千名游客。街道两旁摆满了摊位。",
            "今年美食节的收入将捐给路易港华人公墓修缮基金。",
        ],
    ),
    (
        "客家会馆举办春季祭祖筹备会",
        ["毛里求斯客家会馆日前召开会议，讨论明年农历正月的祭祖活动。祭祖仪式仍在关帝庙举行。"],
    ),
    (
        "中文班招生",
        [
            "华人商会中文班明年一月开课，分儿童班和成人班。儿童班周六上午上课。",
            "报名请于办公时间致电208-1234，或到商会秘书处登记。",
        ],
    ),
    (
        "留尼汪华人代表团到访",
        ["法属留尼汪岛华人联谊会一行十八人日前到访毛里求斯，与本地华人社团交流。双方商定明年再聚。"],
    ),
)
MASTHEAD = "毛里求斯华商报\nLE JOURNAL CHINOIS DE MAURICE\n路易港　周四出版　第2218期\n"


def _page(
    order: tuple[int, ...] = (0, 1, 2, 3),
    *,
    mark: str = ". ",
    width: int | None = None,
    indent: str = "",
    blank: str = "",
) -> str:
    parts = []
    for number, n in enumerate(order, 1):
        title, body = ITEMS[n]
        lines = [f"{number}{mark}{title}"]
        for para in body:
            lines.extend(wrapped(para, width, indent))
        parts.append("\n".join(lines) + "\n" + blank)
    return MASTHEAD + "".join(parts)


def _check(text: str, order: tuple[int, ...], convert=str) -> None:
    parsed = cut(text)
    assert len(parsed.articles) == len(order)
    for k, n in enumerate(order):
        title, body = ITEMS[n]
        assert convert(title) in (parsed.articles[k].title or "")
        assert owner_of(parsed, text, convert(body[-1][-12:]), across_lines=True) == k


@pytest.mark.parametrize("mark", [". ", "．", "."])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("blank", ["", "\n"])
def test_each_numbered_title_opens_an_article(mark: str, script: str, blank: str) -> None:
    convert = traditional if script == "traditional" else str
    text = convert(_page(mark=mark, blank=blank))
    _check(text, (0, 1, 2, 3), convert)


@pytest.mark.parametrize("width", [18, 25])
@pytest.mark.parametrize("indent", ["", "　　"])
@pytest.mark.parametrize("order", [(3, 2, 1, 0), (2, 0, 3, 1)])
def test_numbered_titles_rewrapped_indented_reordered(
    width: int, indent: str, order: tuple[int, ...]
) -> None:
    _check(_page(order, width=width, indent=indent), order)


def test_another_papers_numbered_page() -> None:
    text = (
        "侨乡通讯　第58期\n"
        "1. 侨联慰问归侨老人\n"
        "重阳节前夕，县侨联走访慰问了二十多位归侨老人，送上慰问金和节日问候。\n"
        "2. 华侨中学举行百年校庆\n"
        "华侨中学日前举行建校一百周年庆典，海内外校友三千多人返校参加。\n"
        "校友们捐资设立了奖学金。\n"
        "3. 侨批档案展开幕\n"
        "侨批档案展在县博物馆开幕，展出侨批实物二百余件。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [
        "1. 侨联慰问归侨老人",
        "2. 华侨中学举行百年校庆",
        "3. 侨批档案展开幕",
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_numbered_list_under_a_title_stays_in_its_article(script: str) -> None:
    convert = traditional if script == "traditional" else str
    text = convert(
        "毛里求斯华商报\n"
        "如何保护家中老照片\n"
        "很多侨胞家里都有祖辈留下的老照片，岛上气候潮湿，照片容易发霉。修复人员给出了几个建议：\n"
        "1. 不用普通塑料相册\n"
        "最好用无酸纸袋或无酸相册存放，放在通风干燥的地方。\n"
        "2. 尽早扫描成数码文件\n"
        "扫描后多处备份，原件仍要妥善保存。\n"
        "3. 发霉照片送专业机构\n"
        "已经黏在一起的照片不要强行撕开。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [convert("如何保护家中老照片")]


def test_short_numbered_steps_stay_in_their_article() -> None:
    text = "社区通讯\n1. 报名\n到居委会填表。\n3. 体检\n到卫生站体检。\n"
    parsed = cut(text)
    assert len(parsed.articles) <= 1
