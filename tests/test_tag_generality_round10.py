"""Tag suggestions, tenth round: people called by a form of address or with a word glued to their
name, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 30) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_surname_with_a_form_of_address_is_no_name() -> None:
    names = found(
        "菜场里的暖心事",
        "在菜场摆摊的居民钱大姐说,今年生意好了。社区民警刘国梁常来巡逻,"
        "卖菜的秦师傅把摊位收拾得干干净净。欠款人韩某当场还清了货款。",
    )
    assert "刘国梁" in names
    assert not {"钱大姐", "秦师傅", "韩某"} & set(names)


def test_a_pronoun_glued_to_a_name_is_read_as_the_name() -> None:
    names = found(
        "社区医生上门",
        "社区医生郑慧兰这一天走访了十二户老人。居民说,郑慧兰每周都来量血压。",
    )
    assert "郑慧兰" in names
    assert "郑慧兰这" not in names


def test_two_characters_ending_with_a_place_suffix_are_no_name() -> None:
    names = found(
        "年货市场抽检",
        "执法人员来到江北市长宁区的菜市场抽检年货,长宁区的居民纷纷围观。",
    )
    assert "宁区" not in names  # 市长 + 宁区: a title and a name, read inside 江北市长宁区


def test_a_compound_topic_named_twice_outranks_rare_words_named_once() -> None:
    # The library has many articles on sorting waste: its IDF is low, every other word's high.
    idf = Idf({"垃圾分类": 3.0}, 10.0, 10.0)
    body = (
        "小区的垃圾分类督导员每天早晚守在投放点,居民说垃圾分类做得好。"
        "社区主任王建华说,楼下的桂花树开花时,香气飘满了小区。"
    )
    ranked = [s.name for s in suggest(ArticleContent("小区新事", body), idf, limit=20)]
    assert "垃圾分类" in ranked
    assert ranked.index("垃圾分类") < min(ranked.index(w) for w in ("督导员", "开花", "香气"))
    assert ranked.index("王建华") < ranked.index("垃圾分类")  # a name named once still comes first


def test_a_district_after_its_city_is_a_place_whatever_its_part_of_speech() -> None:
    names = found(
        "消防员走进老街",
        "入冬以来,北京市西城区新街口街道联合西城区消防救援支队走进老街,为居民检查电线。"
        "同一天,厦门市思明区的志愿者也走进了老小区。",
    )
    assert names["西城区"].kind == "place"  # ends like 城区 (a town's centre), named in a chain
    assert names["思明区"].kind == "place"  # a common noun to jieba's tagger
    ranked = list(names)
    assert ranked.index("西城区") < ranked.index("北京市")  # the chain's head is the region's


def test_a_street_after_its_district_is_named_whole() -> None:
    names = found(
        "老街坊的新食堂",
        "南京市鼓楼区槐树街街道的长者食堂开张了。杭州市拱墅区西四街道、"
        "西安市雁塔区纬三路街道、长沙市岳麓区学院街街道也派人来取经。",
    )
    for street in ("槐树街街道", "西四街道", "纬三路街道", "学院街街道"):
        assert names[street].kind == "place"
    assert "槐树街" not in names  # the road is a part of the street
    assert not [n for n in names if n.endswith("学院")]  # 长沙市岳麓区学院: no organisation


def test_a_party_department_named_with_its_district_is_one_body() -> None:
    names = found(
        "楼宇里的党员之家",
        "长沙市雨花区的写字楼里有了党员之家。雨花区委组织部副部长刘建华说,明年将在全区推广。",
    )
    assert names["雨花区委组织部"].kind == "organisation"
    assert "区委组织部" not in names


def test_a_community_after_its_street_keeps_its_first_character() -> None:
    names = found(
        "社区食堂开张",
        "南京市鼓楼区槐树街街道西菜园社区的食堂开张了,附近的老人都来尝鲜。",
    )
    assert names["西菜园社区"].kind == "place"
    assert "菜园社区" not in names


def test_a_rule_named_once_outranks_people_named_once_before_it() -> None:
    ranked = [
        s.name
        for s in suggest(
            ArticleContent(
                "居民学条例",
                "陈旦平、许海芳等居民代表来到社区活动室,学习新施行的《江城市物业管理条例》。"
                "大家说,物业费怎么收,心里有底了。",
            ),
            FLAT_IDF,
        )
    ]
    assert ranked.index("江城市物业管理条例") < min(ranked.index("陈旦平"), ranked.index("许海芳"))
