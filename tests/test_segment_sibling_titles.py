"""A lone heading set in the form of the page's titles opens the next article, not a subheading
(qaseg30's class 1): ``▌`` price boxes (one with a note under its title), ``>``-quoted bulletins, company
names over ``招聘岗位：`` lists.  A feature's marked subheadings under a plain title stay subheadings.

In several shapes: with and without blank lines, wrapped at a column, indented, traditional script,
reordered, another glyph and another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional

BOXES = (
    (
        "本周黄金首饰价格",
        None,
        (
            "本周各金铺足金首饰报价为每克七百九十八元至八百零五元，比上周上涨十二元。",
            "业内人士提醒，购买金饰须索取发票。",
        ),
    ),
    (
        "外币兑换参考价",
        "（11月19日　每100外币兑人民币）",
        ("美元　723.5　港币　93.0　加元　517.6　澳元　470.8", "以上为银行现汇买入参考价，实际以办理时为准。"),
    ),
    (
        "彩票开奖",
        None,
        ("双色球第2024133期：红球　03　11　17　22　28　31　蓝球　09", "福彩3D第2024311期：5　2　8"),
    ),
    (
        "侨乡蔬菜基地冬种面积扩大",
        None,
        (
            "本报讯　今年我市冬种蔬菜面积达三点二万亩，比去年增加两千亩。",
            "据介绍，冬种蔬菜每亩平均收益可达五千元以上。",
        ),
    ),
)
ADS = (
    (
        "锡林郭勒某乳业有限公司",
        "质检员　5名　食品相关专业，大专及以上学历；",
        "联系人：乌女士　电话：0479-XXXXXXX",
    ),
    (
        "某煤电集团胜利矿区",
        "采矿工程技术员　8名　采矿、地质专业本科及以上；",
        "矿区提供倒班宿舍和班车。联系电话：0479-XXXXXXX",
    ),
    (
        "锡林浩特市某物流园",
        "仓库管理员4名、叉车司机6名（持证）、客服专员2名。",
        "要求身体健康，责任心强，包午餐。",
    ),
)
LEAD = (
    "冬季招聘会12月7日举行",
    "由盟人力资源和社会保障局主办的冬季大型招聘会，将于十二月七日上午九时在体育馆举行，提供岗位两千三百余个。",
)


def _wrap(paragraph: str, width: int | None) -> list[str]:
    if width is None:
        return [paragraph]
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def _boxes_text(boxes: tuple, glyph: str, *, blank: bool, width: int | None, indent: str) -> str:
    lines = ["台山侨报　经济生活　2024年11月20日　第7版", ""]
    for title, note, paragraphs in boxes:
        lines.append(glyph + title)
        if note:
            lines.append(note)
        for paragraph in paragraphs:
            lines.extend(indent + part if k == 0 else part for k, part in enumerate(_wrap(paragraph, width)))
        if blank:
            lines.append("")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("boxes", [BOXES, BOXES[::-1], BOXES[:3]])
@pytest.mark.parametrize("glyph", ["▌", "> "])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize(("width", "indent"), [(None, ""), (24, ""), (None, "\u3000\u3000")])
@pytest.mark.parametrize("convert", [same, traditional])
def test_boxes_titled_with_the_pages_glyph_are_articles_of_their_own(
    boxes: tuple, glyph: str, blank: bool, width: int | None, indent: str, convert: Callable[[str], str]
) -> None:
    text = convert(_boxes_text(boxes, glyph, blank=blank, width=width, indent=indent))
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(glyph + t)) for t, _, _ in boxes
    ]
    for i, (_, note, paragraphs) in enumerate(boxes):
        assert owner_of(parsed, text, convert(paragraphs[-1][:6])) == i
        if note:
            assert owner_of(parsed, text, convert(note)) == i


@pytest.mark.parametrize("glyph", ["▌", "◇"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_marked_subheadings_under_a_plain_title_stay_in_the_feature(
    glyph: str, convert: Callable[[str], str]
) -> None:
    text = convert(
        "侨乡蔬菜基地冬种面积扩大\n本报讯　今年我市冬种蔬菜面积达三点二万亩，比去年增加两千亩。\n"
        f"{glyph}品种更新\n基地今年引进了耐寒的菜心新品种，亩产提高一成。\n"
        f"{glyph}销路更宽\n冬种蔬菜除供应本地市场外，还通过冷链车运往港澳。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
    roles = [b.role for b in parsed.articles[0].blocks]
    assert roles.count(Role.SUBHEADING) == 2


def _ads_text(ads: tuple, label: str, *, blank: bool, lead: bool) -> str:
    parts = [f"{LEAD[0]}\n{LEAD[1]}"] if lead else []
    parts += [f"{name}\n{label}：\n{row}\n{closing}" for name, row, closing in ads]
    return ("\n\n" if blank else "\n").join(parts) + "\n"


@pytest.mark.parametrize("ads", [ADS, ADS[::-1], ADS[:2]])
@pytest.mark.parametrize("label", ["招聘岗位", "招聘职位"])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("lead", [True, False])
@pytest.mark.parametrize("convert", [same, traditional])
def test_company_names_over_one_label_are_each_an_advertisement(
    ads: tuple, label: str, blank: bool, lead: bool, convert: Callable[[str], str]
) -> None:
    text = convert(_ads_text(ads, label, blank=blank, lead=lead))
    parsed = cut(text)
    names = ([LEAD[0]] if lead else []) + [name for name, _, _ in ads]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(n)) for n in names]
    for i, (_, row, closing) in enumerate(ads, start=1 if lead else 0):
        assert owner_of(parsed, text, convert(row[:6])) == i
        assert owner_of(parsed, text, convert(closing[:6])) == i
