"""Tag suggestions, round 21 (found in NEW24's and NEW27's misses and checked against every development part):

- an organisation's full name runs from its district over a word jieba reads as a place
  (五华区 + 城市 + 管理局) and ends with more suffixes (联合会, 联谊会, 商会…); a registered
  company's name holds a locality word (昆明 + 滇 + 中 + 燃气有限公司);
- a person after a role is read where jieba glued the role to the name (部主 + 任何 + 丽琼);
- a person introduced by an age (81岁的刘福寿, 86岁的老党员储阿妹) is a candidate;
- a street named after its road or lane is whole (城南路街道, 坡子街街道), also before a community;
- a campaign to a kind of place (湘剧进社区, 法律进社区) is a topic, not a place;
- a date ends no phrase (银杏农贸市场4月1日); a lane or a bridge after a noun is no person (麻石巷27号,
  猴子石大桥).
"""

from __future__ import annotations

import pytest

from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_aged_people import aged_people
from reader.core.tag_spans import spans
from reader.core.tag_suggestions import COMPOUND_SURNAMES, SURNAMES
from tests.segment_support import traditional
from tests.tag_support import suggested as _suggested


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("经街道协调，五华区城市管理局已同意先行接管，路灯由城管部门维护。", "五华区城市管理局"),
        ("经社区协调，盘龙区城市管理局派人来查看了路灯。", "盘龙区城市管理局"),
        ("这是盘龙区残疾人联合会和东华街道联合开办的残疾人之家。", "盘龙区残疾人联合会"),
        ("活动由鼓楼区妇女联合会主办，三十多位母亲参加。", "鼓楼区妇女联合会"),
        ("湖里区台商联谊会向社区捐赠了两台轮椅。", "湖里区台商联谊会"),
        ("思明区个体劳动者协会和湖里区温州商会共同发起倡议。", "湖里区温州商会"),
    ],
)
def test_an_organisation_is_named_from_its_district_to_its_suffix(body: str, name: str) -> None:
    found = _suggested(body)
    assert found.get(name, ("", ""))[0] == "organisation", found
    assert _suggested(traditional(body)).get(fold(traditional(name)), ("", ""))[0] == "organisation"


def test_a_registered_company_name_holds_a_locality_word() -> None:
    found = _suggested("施工单位昆明滇中燃气有限公司把楼内立管全部更换，每户都装了自闭阀。")
    assert found.get("昆明滇中燃气有限公司", ("", ""))[0] == "organisation", found


@pytest.mark.parametrize(
    "body",
    [
        "文化馆非遗部主任何丽琼介绍，滇剧是国家级非物质文化遗产。",
        "文化馆非遗部主任何丽琼说，今年要录一百段唱腔。",
    ],
)
def test_a_person_after_a_role_jieba_glued_to_the_name(body: str) -> None:
    assert _suggested(body).get("何丽琼") == ("person", "role")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("81岁的刘福寿老伴去世后一个人住，过去吃饭是个难题。", "刘福寿"),
        ("86岁的老党员储阿妹由孙子扶着投完了票。", "储阿妹"),
        ("71岁的包美娟年轻时是厂队选手。", "包美娟"),
        ("今年9岁的陶子涵进入了前八名。", "陶子涵"),
        ("七十八岁的老票友温福海每场必到。", "温福海"),
    ],
)
def test_a_person_introduced_by_an_age(body: str, name: str) -> None:
    text = fold(body)
    found = {f.key for f in aged_people(segmenter.tokens(text), body, text, SURNAMES, COMPOUND_SURNAMES)}
    assert name in found
    assert _suggested(body).get(name, ("", ""))[0] == "person"


@pytest.mark.parametrize(
    "body",
    [
        "81岁的老人说，饭菜合口味。",
        "这位80岁的党员说，社区的变化很大。",
        "12岁的孙女也来帮忙。",
    ],
)
def test_an_age_before_a_common_word_names_nobody(body: str) -> None:
    text = fold(body)
    assert aged_people(segmenter.tokens(text), body, text, SURNAMES, COMPOUND_SURNAMES) == []


@pytest.mark.parametrize(
    ("body", "street", "fragment"),
    [
        ("3月19日起，城南路街道组织志愿者在白沙古井开展文明取水宣传。", "城南路街道", "南路街道"),
        ("家住中山北路街道的居民说，路灯亮了。", "中山北路街道", "北路街道"),
        ("周六下午，坡子街街道楚湘里社区文化广场上总会响起湘剧。", "坡子街街道", "街道楚湘里社区文化广场"),
        ("坡子街街道把“湘剧进社区”列入为民办实事项目。", "坡子街街道", "坡子街"),
    ],
)
def test_a_street_named_after_its_road_or_lane_is_whole(body: str, street: str, fragment: str) -> None:
    found = _suggested(body)
    assert found.get(street, ("", ""))[0] == "place", found
    assert fragment not in found


def test_a_date_ends_no_phrase() -> None:
    text = fold("五华区红云街道的银杏农贸市场4月1日重新开门，这是今年第二个完成改造的农贸市场。")
    keys = spans(segmenter.tokens(text))
    assert "银杏农贸市场4月1日" not in keys
    assert not any(key.endswith("1日") and not key[0].isdigit() for key in keys)


@pytest.mark.parametrize(
    ("body", "not_a_person"),
    [
        ("我家住在坡子街街道麻石巷27号，在这条巷子住了四十年。", "麻石巷"),
        ("从杜甫江阁走到猴子石大桥，一个来回七公里。", "石大桥"),
    ],
)
def test_a_lane_or_a_bridge_after_a_noun_is_no_person(body: str, not_a_person: str) -> None:
    found = _suggested(body)
    assert found.get(not_a_person, ("", ""))[0] != "person", found


@pytest.mark.parametrize(
    ("body", "slogan"),
    [
        ("坡子街街道把“湘剧进社区”列入为民办实事项目。湘剧进社区已经办了三年。", "湘剧进社区"),
        ("法律进社区活动在南托街道举行，律师讲了继承纠纷。", "法律进社区"),
        ("戏曲进校园活动走进了碧湘街小学，戏曲进校园还要办下去。", "戏曲进校园"),
    ],
)
def test_a_campaign_to_a_kind_of_place_is_a_topic_not_a_place(body: str, slogan: str) -> None:
    found = _suggested(body)
    assert found.get(slogan, ("", ""))[0] == "topic", found


def test_a_community_named_with_jin_stays_a_place() -> None:
    from reader.core.tag_candidates import kind_by_suffix

    assert kind_by_suffix("前进社区") == "place"
    assert kind_by_suffix("前进村") == "place"
    assert kind_by_suffix("湘剧进社区") is None
