"""Text set one paragraph per line, told from text hard-wrapped at a column width (qaseg23's class 3).

Layout: in a run of lines with no blank line between, a line as wide as the others that ends a
sentence (。!?) ends its paragraph when nothing in the run shows a wrapping (no line as wide as the
column that stops mid-sentence, and the lines after the run are not mostly as wide as it); a
numbered item (一、 (一) 1.) opens a paragraph under a line ending in ; or : too; a line of body
text wider than the column a short run of lines (a poem) suggests means the run is not wrapped at
that width, so a title is never glued into its text.  Hard-wrapped text re-flows as before.
"""

from __future__ import annotations

import pytest

from reader.core.segment.reflow import ends_paragraph, opens_numbered_item
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut as _cut
from tests.segment_support import traditional as _trad

TITLE = "社区开展义诊"
PARAGRAPHS = (
    "社区联合区医院开展义诊活动,为居民测血压、量血糖,现场排起了长队。",
    "活动结束后,医生还为老人讲解了慢性病防治知识。",
    "居民们说,这样的活动办到了大家心坎上,希望社区每个月都办一次!",
)
OTHER = (
    "区图书馆延长开放时间",
    (
        "本报讯 记者从区图书馆获悉,自6月10日起,总馆开放时间延长至晚上九点。",
        "读者凭读者证即可入馆?",
        "馆方表示,将根据读者反馈继续调整服务时间。",
    ),
)


@pytest.mark.parametrize("order", [(0, 1), (1, 0), (0, 1, 2), (2, 0, 1), (1, 2), (0, 2, 1)])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_line_ending_a_sentence_is_a_paragraph(order: tuple[int, ...], script: str) -> None:
    body = [PARAGRAPHS[i] for i in order]
    text = TITLE + "\n" + "\n".join(body) + "\n"
    if script == "traditional":
        text, body = _trad(text), [_trad(p) for p in body]
    parsed = _cut(text)
    assert len(parsed.articles) == 1
    assert parsed.articles[0].paragraphs == body


@pytest.mark.parametrize("blank", ["\n", ""])
@pytest.mark.parametrize("indent", ["", "  "])
def test_two_articles_one_paragraph_per_line(blank: str, indent: str) -> None:
    first = TITLE + "\n" + "\n".join(indent + p for p in PARAGRAPHS) + "\n"
    second = OTHER[0] + "\n" + "\n".join(indent + p for p in OTHER[1]) + "\n"
    text = first + blank + second
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == [TITLE, OTHER[0]]
    assert [len(a.paragraphs) for a in parsed.articles] == [3, 3]


NOTICE_HEAD = "为切实做好森林防火工作,根据有关规定,现就有关事项公告如下"
ITEMS = (
    "一、本县森林防火期为每年9月1日至次年5月31日;",
    "二、防火期内,禁止在林区烧荒、上坟烧纸、燃放烟花爆竹;",
    "三、本公告自发布之日起施行。",
)


@pytest.mark.parametrize("colon", [":", "：", "。"])
@pytest.mark.parametrize(
    "numbers",
    [("一、", "二、", "三、"), ("(一)", "(二)", "(三)"), ("（一）", "（二）", "（三）"), ("1.", "2.", "3.")],
)
def test_a_numbered_item_opens_a_paragraph(colon: str, numbers: tuple[str, str, str]) -> None:
    items = [number + item.split("、", 1)[1] for number, item in zip(numbers, ITEMS, strict=True)]
    text = "关于禁止野外用火的公告\n" + NOTICE_HEAD + colon + "\n" + "\n".join(items) + "\n"
    parsed = _cut(text)
    assert len(parsed.articles) == 1
    assert parsed.articles[0].paragraphs == [NOTICE_HEAD + colon, *items]


POEM_PAGE = (
    "【安全生产】\n安全生产月活动总结\n"
    "今年安全生产月期间,全厂共开展安全培训十二场,排查整改隐患八十六项,组织消防演练四次,未发生一起安全事故。\n"
    "下一步,各车间要继续落实“班前五分钟”安全讲话制度。\n\n"
    "【职工园地】\n秋日\n车间窗外的梧桐,\n一片一片地黄了。\n机床还在轰鸣,\n我们把秋天,\n车成了一个个零件。\n"
)


@pytest.mark.parametrize("convert", ["simplified", "traditional"])
def test_a_title_is_not_glued_into_its_text_when_a_poem_follows(convert: str) -> None:
    text = POEM_PAGE if convert == "simplified" else _trad(POEM_PAGE)
    parsed = _cut(text)
    first = parsed.articles[0]
    assert squeeze(first.title or "") == squeeze(text.split("\n")[1])
    assert first.paragraphs[:2] == text.split("\n")[2:4]


@pytest.mark.parametrize("width", [12, 14, 16, 20])
def test_hard_wrapped_paragraphs_still_re_flow(width: int) -> None:
    text = hard_wrap(
        TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n\n" + OTHER[0] + "\n" + "\n".join(OTHER[1]), width
    )
    parsed = _cut(text)
    assert [a.title for a in parsed.articles] == [TITLE, OTHER[0]]
    assert [squeeze(p) for p in parsed.articles[0].paragraphs] == [squeeze(p) for p in PARAGRAPHS]


def test_a_wrapped_line_ending_a_sentence_at_the_column_edge_goes_on_in_wrapped_text() -> None:
    # 14 characters a line; the first paragraph's second line ends with 。 exactly at the edge.
    paragraph = "街道近日召开居民议事会,共商小区停车和充电桩的建设问题。会上居民代表各抒己见,提出多条建议。"
    text = hard_wrap(f"{TITLE}\n{paragraph}\n{OTHER[1][2]}\n", 14)
    assert text.split("\n")[2].endswith("。")
    parsed = _cut(text)
    assert [squeeze(p) for p in parsed.articles[0].paragraphs] == [squeeze(paragraph), squeeze(OTHER[1][2])]


def test_the_small_rules() -> None:
    assert ends_paragraph("活动取得圆满成功。", "下一步,社区将继续开展活动。")
    assert ends_paragraph("现公告如下:", "一、本县森林防火期为每年9月1日至次年5月31日。")
    assert not ends_paragraph("现公告如下:", "本县森林防火期为每年9月1日至次年5月31日。")
    assert not ends_paragraph("全市共有", "3.5万名志愿者参加。")
    assert opens_numbered_item("(二)核查阶段") and opens_numbered_item("2.发现危房的")
    assert not opens_numbered_item("3.5万名志愿者") and not opens_numbered_item("本县森林防火期")


NARROW = "\n".join(
    (
        "这里建成于上世纪八十年代，",
        "共有居民楼46栋、2100余户。",
        "过去，管网老化、停车难、晾",
        "晒难等问题一直困扰着居民。",
    )
)


@pytest.mark.parametrize("blank", ["\n", ""])
@pytest.mark.parametrize("convert", ["simplified", "traditional"])
def test_a_line_wider_by_its_half_width_digits_does_not_unwrap_a_narrow_column(
    blank: str, convert: str
) -> None:
    # Wrapped at 13 characters; half-width digits make one printed line 17 characters long.
    text = f"{TITLE}\n{blank}{NARROW}\n\n{NARROW}\n"
    if convert == "traditional":
        text = _trad(text)
    parsed = _cut(text)
    assert [squeeze(p) for p in parsed.articles[0].paragraphs] == [
        squeeze(NARROW if convert == "simplified" else _trad(NARROW))
    ] * 2
