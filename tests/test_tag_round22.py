"""Tag suggestions, round 22 (found in NEW30's misses and checked against every development part):

- roads numbered in a grid name streets and communities (纬五路社区, 经八路街道, 一马路街道), and a
  community or street named after a road is whole (纬 + 五路 + 社区);
- a district's culture hall, archive or youth palace is an organisation (金水区文化馆, 市南区档案馆);
- a person is named before a calling (向焦明远医生致谢);
- no person is read across a street or a police station (人民 + 路街道, 人民 + 路派 + 出所), nor after a
  conjunction that runs into a place (医生和建中街…).
"""

from __future__ import annotations

import pytest

from reader.core.script import fold
from tests.segment_support import traditional
from tests.tag_support import suggested as _suggested


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("这是金水区丰产路街道纬五路社区槐香豫剧票友团的早课。", "纬五路社区"),
        ("周二晚上，纬五路社区的票友在楼下排练。", "纬五路社区"),
        ("共青团二七区委和一马路街道联合设立了暑运志愿服务站。", "一马路街道"),
        ("经八路街道工作站在经八路街道党群服务中心挂牌，每周一有律师值班。", "经八路街道"),
        ("三马路社区的居民在楼下乘凉。", "三马路社区"),
        ("顺河路社区的长者食堂开门了。", "顺河路社区"),
    ],
)
def test_a_community_or_street_named_after_a_numbered_road_is_whole(body: str, place: str) -> None:
    for text in (body, "　　" + body, traditional(body)):
        found = _suggested(text)
        assert found.get(fold(place), ("",))[0] == "place", (text, found)


def test_a_street_committee_is_not_a_place_of_its_own() -> None:
    found = _suggested("芷江西路街道居委会的干部来了，大家一起商量。")
    assert found.get("芷江西路街道", ("",))[0] == "place"
    assert "芷江西路街道居委会" not in found or found["芷江西路街道居委会"][0] != "place"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("演员们又接下一项新任务——参加金水区文化馆组织的巡演。", "金水区文化馆"),
        ("市南区档案馆展出了一百多张老照片。", "市南区档案馆"),
        ("孩子们在二七区少年宫学剪纸。", "二七区少年宫"),
    ],
)
def test_a_districts_culture_hall_or_archive_is_an_organisation(body: str, name: str) -> None:
    assert _suggested(body).get(name, ("",))[0] == "organisation"


@pytest.mark.parametrize(
    "body",
    [
        "借贵报一角，向焦明远医生和社区卫生服务中心致谢。",
        "打那以后，建中街社区卫生服务中心的焦明远医生每周上门。",
        "我们想对焦明远大夫说声谢谢。",
    ],
)
def test_a_person_named_before_a_calling(body: str) -> None:
    assert _suggested(body).get("焦明远", ("",))[0] == "person"


@pytest.mark.parametrize(
    "body",
    [
        "她是社区的家庭医生，也是孩子们的美术老师。",
        "感谢社区的全科医生和学校的老师。",
    ],
)
def test_a_calling_after_a_common_word_names_nobody(body: str) -> None:
    assert not any(kind == "person" for kind, _ in _suggested(body).values())


def test_no_person_across_a_street_or_a_police_station() -> None:
    body = (
        "7月9日上午，在金水区人民路街道一家银行网点，郑州市公安局金水分局人民路派出所民警滕志刚赶到。"
        "今年以来，人民路派出所已劝阻多起。"
    )
    found = _suggested(body)
    assert "路街道" not in found and "路派" not in found, found
    assert found.get("滕志刚", ("",))[0] == "person"


def test_no_person_after_a_conjunction_that_runs_into_a_place() -> None:
    found = _suggested("借贵报一角，向焦明远医生和建中街社区卫生服务中心致谢。")
    assert "和建中" not in found, found
