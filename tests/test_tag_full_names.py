"""A body named from its district, written after its city, is offered with it (重庆市 + 渝中区餐饮商会), as
archivists file it, but not with its province; a school is named by its suffix like any body (round 19)."""

from __future__ import annotations

import pytest

from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_candidates import Found, occurrences
from reader.core.tag_full_names import with_city
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _names(body: str) -> dict[str, str]:
    found = suggest(ArticleContent("社区新闻", body), FLAT_IDF, limit=30, ranker=default_ranker())
    return {fold(s.name): s.kind for s in found}


@pytest.mark.parametrize(
    ("body", "name", "short"),
    [
        ("本次活动由重庆市渝中区餐饮商会主办,三十多家餐馆参加。", "重庆市渝中区餐饮商会", "渝中区餐饮商会"),
        (
            "天水市秦州区法律援助中心的律师现场解答了群众的问题。",
            "天水市秦州区法律援助中心",
            "秦州区法律援助中心",
        ),
        (
            "鞍山市铁东区市场监督管理局的执法人员检查了市场的冷链食品。",
            "鞍山市铁东区市场监督管理局",
            "铁东区市场监督管理局",
        ),
        ("沙滩上,青岛市崂山区海贝幼儿园大班的三十多个孩子在捡贝壳。", "青岛市崂山区海贝幼儿园", "海贝幼儿园"),
    ],
)
def test_a_body_named_from_its_district_after_its_city_is_offered_with_the_city(
    body: str, name: str, short: str
) -> None:
    for text in (body, "　　" + body, traditional(body), f"{body}\n另讯,{short}还将举办第二场活动。"):
        names = _names(text)
        assert fold(name) in names and names[fold(name)] == "organisation", (text, list(names))
        assert fold(short) not in names, list(names)  # one form of the name, not two


def test_a_body_from_its_district_alone_keeps_its_name() -> None:
    names = _names("渝中区餐饮商会今天成立,首批会员三十多家。")
    assert "渝中区餐饮商会" in names and not any(n.endswith("市渝中区餐饮商会") for n in names)


def test_with_city_takes_the_city_not_the_province_and_leaves_other_kinds_alone() -> None:
    text = "四川省成都市武侯区桐荫小学的学生来到成都市武侯区,武侯区桐荫小学今年扩招。"
    tokens = segmenter.tokens(text)
    school = Found(
        "武侯区桐荫小学", "武侯区桐荫小学", "organisation", "suffix", "", occurrences(text, "武侯区桐荫小学")
    )
    place = Found("武侯区", "武侯区", "place", "suffix", "", occurrences(text, "武侯区"))
    out = with_city([school, place], tokens, text, text)
    assert [f.key for f in out] == ["成都市武侯区桐荫小学", "武侯区"]
    assert out[0].positions == (3,)


def test_a_school_is_found_by_its_suffix() -> None:
    for body, school in (
        ("曾山小学的孩子们在操场上练习跳绳,曾山小学体育组的老师在一旁指导。", "曾山小学"),
        ("暑假里,光明小学的图书室照常开放。", "光明小学"),
        ("昨天,星辰幼儿园的小朋友参观了消防站。", "星辰幼儿园"),
    ):
        names = _names(body)
        assert school in names and names[school] == "organisation", (body, list(names))
