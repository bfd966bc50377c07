"""Tag suggestions, third round: one test per class of miss or fragment, on sentences of their own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its rule.
"""

from __future__ import annotations

from collections import Counter

from reader.core.tag_ranking import Candidate, drop_covered
from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, plausible_person, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_an_organisation_named_by_a_thing_and_what_is_done_to_it_is_one_name() -> None:
    names = found(
        "志愿者参观废物处置",
        "志愿者来到闵行危险废物处置基地参观学习。讲座邀请同济大学教授授课。危险废物处置基地的工作人员讲解。",
    )
    assert (names["闵行危险废物处置基地"].kind, names["闵行危险废物处置基地"].reason) == (
        "organisation",
        "suffix",
    )
    # a verb before a complete name is no part of it (讲座邀请 + 同济大学)
    assert "同济大学" in names and not any(n.endswith("邀请同济大学") for n in names)


def test_an_event_whose_name_starts_with_a_fixed_phrase_is_found() -> None:
    names = found("交通安全宣传周启动", "交通安全宣传周期间,民警走进校园。交通安全宣传周共举办讲座十场。")
    assert (names["交通安全宣传周"].kind, names["交通安全宣传周"].reason) == ("topic", "suffix")


def test_buildings_and_parks_are_places_by_their_suffix() -> None:
    names = found("楼宇", "白领们在国金大厦和静安嘉里大楼参加活动,随后在世纪公园植树。")
    for name in ("国金大厦", "静安嘉里大楼", "世纪公园"):
        assert names[name].kind == "place"


def test_a_common_word_ending_with_a_one_character_suffix_is_no_organisation() -> None:
    names = found("社区治理新格局", "街道打造社区治理新格局,社区治理新格局初步形成。派出所民警参加。")
    assert not any(n.endswith("格局") for n in names)


def test_a_campaign_slogan_going_into_a_place_is_neither_a_place_nor_a_topic() -> None:
    names = found("垃圾分类进校园", "垃圾分类进校园活动举行。垃圾分类进校园让孩子们学会分类。")
    assert "垃圾分类" in names
    assert not any("进校园" in n for n in names)


def test_a_festival_named_by_its_short_form_is_offered_by_its_full_name() -> None:
    names = found(
        "欢度中秋 邻里同乐",
        "社区居民欢度中秋,青年志愿者为老人送月饼。中秋前夕,青年们还表演了节目。",
    )
    assert (names["中秋节"].kind, names["中秋节"].detail) == ("topic", "中秋")
    assert "中秋" not in names
    assert "青年节" not in names  # 青年 is a word of its own, far commoner than the festival


def test_a_three_character_name_ending_with_a_place_character_is_no_person() -> None:
    assert not plausible_person("金融城")
    assert not plausible_person("新港镇")
    assert plausible_person("张建华") and plausible_person("李晓明")


def test_a_topic_named_mostly_inside_a_longer_topic_is_a_fragment_but_not_inside_names() -> None:
    def cand(key: str, reason: str, positions: list[int], kind: str = "topic") -> Candidate:
        return Candidate(key, key, kind, reason, 5.0, positions=positions)

    longer = cand("疫苗接种", "phrase", [10, 30, 50])
    short = cand("疫苗", "keyword", [10, 30, 50, 70])  # once on its own, three times inside
    assert [c.key for c in drop_covered([longer, short])] == ["疫苗接种"]
    # half of its occurrences on its own: kept
    short = cand("疫苗", "keyword", [10, 70])
    assert {c.key for c in drop_covered([longer, short])} == {"疫苗接种", "疫苗"}
    # inside names (an event, an organisation) a topic named once on its own is kept
    event = cand("疫苗市集", "suffix", [10, 30, 50])
    short = cand("疫苗", "keyword", [10, 30, 50, 70])
    assert {c.key for c in drop_covered([event, short])} == {"疫苗市集", "疫苗"}
    # and dropped when it is never named on its own
    short = cand("疫苗", "keyword", [10, 30, 50])
    assert [c.key for c in drop_covered([event, short])] == ["疫苗市集"]


def test_a_district_and_nouns_joined_by_and_belong_to_an_organisations_full_name() -> None:
    names = found(
        "区文化局",
        "长宁区文化和旅游局副局长王伟出席。长宁区市场监督管理局、长宁区退役军人事务局派员参加。"
        "居民和派出所民警交流。联洋社区党群服务中心开放。",
    )
    for name in ("长宁区文化和旅游局", "长宁区市场监督管理局", "长宁区退役军人事务局"):
        assert (names[name].kind, names[name].reason) == ("organisation", "suffix")
    assert "市场监督管理局" not in names
    assert not any(n.startswith(("和", "居民和")) for n in names)
    # a community is no district: its centre is named after it, as before
    assert "联洋社区党群服务中心" in names


def test_an_event_named_after_its_country_or_city_keeps_it() -> None:
    names = found("上海旅游节开幕", "9月14日,第三十届上海旅游节在淮海路开幕。本区商户参加上海旅游节。")
    assert (names["上海旅游节"].kind, names["上海旅游节"].reason) == ("topic", "suffix")
    assert "旅游节" not in names


def test_a_verb_like_as_joins_no_organisation_name() -> None:
    names = found("职工", "职工群众作为工会的主体参加活动。职工群众作为工会的主体参加活动。")
    assert not any(n.endswith("作为工会") for n in names)


def test_a_compound_topic_named_twice_is_not_buried_under_the_main_keyword() -> None:
    body = "垃圾分类宣传进楼组。" * 6 + "志愿者讲解消防安全知识,消防安全手册发到每户。钢瓶检查,钢瓶登记。"
    ranked = suggest(ArticleContent("楼组", body), FLAT_IDF, limit=20)
    names = [s.name for s in ranked]
    score = {s.name: s.score for s in ranked}
    assert score["消防安全"] >= 4.0
    assert names.index("消防安全") < names.index("钢瓶")


def test_a_community_body_named_in_full_is_an_organisation_the_streets_own_offices_are_not() -> None:
    names = found(
        "党建服务",
        "花园街道筑牢社区党建服务中心阵地,社区党建服务中心全年开放。街道办事处副主任陈刚出席,"
        "社区管理办参加。居委会组织居民。",
    )
    assert (names["社区党建服务中心"].kind, names["社区党建服务中心"].reason) == (
        "organisation",
        "organisation",
    )
    assert not {"街道办事处", "社区管理办", "居委会"} & set(names)
    # offered as the article writes it
    names = found("黨建服務", "花園街道築牢社區黨建服務中心陣地,社區黨建服務中心全年開放。")
    assert names["社區黨建服務中心"].kind == "organisation"


def test_a_community_body_folds_into_the_one_full_name_that_ends_with_it() -> None:
    names = found(
        "家庭医生进家门",
        "街道社区卫生服务中心组织家庭医生上门。凌云街道社区卫生服务中心主任王丽说,家庭医生签约率提高。",
    )
    assert "凌云街道社区卫生服务中心" in names and "社区卫生服务中心" not in names
    # two full names end with it: it is a kind of body, offered as itself
    names = found("书记工作室", "张明书记工作室和李强书记工作室联合开展活动,两个书记工作室的党员参加。")
    assert {"书记工作室", "张明书记工作室", "李强书记工作室"} <= set(names)


def test_an_organisation_cut_apart_inside_a_place_name_is_joined_to_it() -> None:
    content = ArticleContent("人才公寓交付", "张江新片区管委会人才服务中心主任说,张江新片区推出补贴。")
    names = {s.name: s for s in suggest(content, FLAT_IDF, limit=20, phrases=Counter({"张江新片区": 3}))}
    assert (names["张江新片区管委会"].kind, names["张江新片区管委会"].reason) == ("organisation", "suffix")
    assert "片区管委会" not in names and "张江新片区" in names


def test_a_building_named_after_its_city_keeps_the_city() -> None:
    names = found("白领午间课堂", "活动在上海大厦和上海中心大厦举行。上海大厦的白领参加。")
    assert names["上海大厦"].kind == "place" and names["上海中心大厦"].kind == "place"
