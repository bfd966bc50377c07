"""Tag suggestions, fourth round: one test per class of miss or fragment, on sentences of their own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its rule (``reader/core/tag_candidate_names.py`` and the suffixes and role check of
``reader/core/tag_candidates.py``).
"""

from __future__ import annotations

from collections import Counter

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_name_with_an_ordinal_is_one_name() -> None:
    names = found(
        "睦邻节",
        "长阳街道松花新村第三居民区举办睦邻节。松花新村第三居民区党总支书记李明华讲话。"
        "虹口区第二征收事务所派人参加,虹口区第二征收事务所介绍了政策。",
    )
    assert names["松花新村第三居民区"].kind == "place"
    assert names["虹口区第二征收事务所"].kind == "organisation"
    assert "松花新村" not in names
    assert "虹口区" not in names  # a district before the office it begins folds into it


def test_a_quoted_name_and_its_kind_of_body_are_one_organisation() -> None:
    names = found(
        "“金钥匙”调解室化解纠纷",
        "江浦路街道“金钥匙”调解工作室成立三年。“金钥匙”调解工作室已调解纠纷百余起。",
    )
    assert names["金钥匙调解工作室"].kind == "organisation"
    for piece in ("金钥匙", "金钥匙调解", "调解工作室"):
        assert piece not in names


def test_a_quoted_name_before_a_named_event_is_a_name() -> None:
    names = found("社区艺术节开幕", "第五届“银杏树下”社区艺术节开幕。“银杏树下”社区艺术节为期一个月。")
    assert "银杏树下" in names


def test_a_short_body_right_after_its_street_is_named_with_it() -> None:
    # round 5: by the general rule of reader/core/tag_name_chains.py (a body right after its place)
    names = found(
        "法律进小区",
        "江川路街道司法所所长李明说,江川路街道司法所今年已接待咨询三百人次。街道办主任王强参加。",
    )
    assert names["江川路街道司法所"].kind == "organisation"
    assert "司法所" not in names
    assert not any(n.endswith("街道办") for n in names)  # the street's own office stays apart


def test_an_office_of_a_district_cut_at_new_district_starts_at_the_place() -> None:
    names = found("防汛演练", "滨海新区应急管理局组织演练。滨海新区应急管理局局长到场。")
    assert "滨海新区应急管理局" in names
    assert "区应急管理局" not in names


def test_a_district_office_named_by_what_it_does_runs_over_verbs() -> None:
    names = found("招聘会", "徐汇区就业促进中心举办招聘会。徐汇区就业促进中心副主任王立说,徐汇区岗位很多。")
    assert names["徐汇区就业促进中心"].kind == "organisation"
    # Named alone too (徐汇区岗位很多), the district is a place of its own (round 8: a district named
    # outside the bodies named with it is no fragment of them; it folded into the office before).
    assert names["徐汇区"].kind == "place"


def test_a_short_form_of_a_named_topic_folds_into_it() -> None:
    names = found(
        "“悦读”社区读书节开幕",
        "第三届社区读书节开幕。读书节为期一个月,读书节期间将举办讲座。读书节还有书市。",
    )
    assert "社区读书节" in names
    assert "读书节" not in names


def test_a_place_read_only_inside_a_longer_place_is_a_fragment() -> None:
    text = "街道干部走访结对帮扶的九里河村,签订协议。九里河村种茶。"
    # the library's recurring phrases know the village; jieba reads 九里 as a number, 河村 as a place
    names = {
        s.name for s in suggest(ArticleContent("结对帮扶", text), FLAT_IDF, phrases=Counter({"九里河村": 5}))
    }
    assert "九里河村" in names
    assert "河村" not in names


def test_a_person_whose_name_starts_like_a_country_is_found_after_a_role() -> None:
    names = found("防台", "副镇长韩国华在现场指挥,要求各村做好排查。")
    assert names["韩国华"].kind == "person"
    assert "韩国" not in names


def test_meeting_sites_and_youth_league_bodies_are_names_by_their_suffix() -> None:
    names = found(
        "红色寻访",
        "党员参观了中共四大会址。共青团长宁区委和江苏路街道团工委组织青年参加。",
    )
    assert names["中共四大会址"].kind == "place"
    assert names["共青团长宁区委"].kind == "organisation"
    assert names["江苏路街道团工委"].kind == "organisation"


def test_what_the_article_undertakes_is_a_topic_even_when_named_once() -> None:
    names = found(
        "“睦邻议事厅”开门议事",
        "近日,虹桥街道“睦邻议事厅”开门议事。居民代表围坐一起,商量加装雨棚的方案。"
        "社区干部说,议事厅将推进老旧小区改造,化解邻里纠纷,把协商民主落到实处。"
        "“睦邻议事厅”每月开放两次,居民代表、物业公司都参加。",
    )
    for topic in ("老旧小区改造", "邻里纠纷", "协商民主"):
        assert names[topic].kind == "topic"
