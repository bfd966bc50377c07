"""Tag suggestions, twelfth round: mechanisms read from the misses of the independently labelled
parts, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_district_ranks import DISTRICT_FLOOR
from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 30) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_district_named_once_at_the_head_of_a_chain_ranks_as_a_name() -> None:
    names = found(
        "迎新书画展开幕",
        "闵行区古美路街道的平阳居民区举办迎新书画展,居民王立华展出了十幅山水画。书画展为期三天。",
    )
    assert names["闵行区"].kind == "place"
    assert names["闵行区"].score >= names["王立华"].score  # a name named once, not a word in passing


def test_a_name_does_not_start_before_and_when_a_place_follows_it() -> None:
    names = found("健身小屋开放", "二楼的健身小屋与古美路街道社区卫生服务中心合作,康复师每周二坐诊。")
    assert "古美路街道社区卫生服务中心" in names
    assert not [n for n in names if n.startswith("健身小屋与")]


def test_a_name_named_once_does_not_take_a_common_noun_of_one_character_before_it() -> None:
    names = found("报名通知", "各小区请于周五前将报名表报华漕镇综合治理办公室。")
    assert "华漕镇综合治理办公室" in names
    assert "报华漕镇综合治理办公室" not in names


def test_a_company_is_named_from_its_city_over_generic_trade_words() -> None:
    names = found("企业志愿日", "上海青禾数据科技有限公司的员工来到敬老院,陪老人下棋聊天。")
    assert names["上海青禾数据科技有限公司"].kind == "organisation"
    assert "科技有限公司" not in names


def test_a_company_whose_trade_is_generic_words_is_found_whole() -> None:
    names = found("企业志愿日", "上海青禾文化发展有限公司的员工来到敬老院,陪老人下棋聊天。")
    assert "上海青禾文化发展有限公司" in names


def test_people_in_a_list_that_the_tokenizer_cut_in_two_are_people() -> None:
    names = found("表彰", "张国强、俞海生、汤冬梅、贺建军、何丽华等8人获评优秀志愿者。")
    assert names["俞海生"].kind == "person"
    assert {"张国强", "汤冬梅", "何丽华"} <= set(names)


def test_an_adjective_and_a_word_repeated_are_no_new_word() -> None:
    names = found(
        "食堂换菜谱",
        "敬老院食堂推出新菜谱,厨师王国良说,新菜谱少盐少油。老人们都说新菜谱好吃。",
    )
    assert "新菜谱" not in names
    assert "菜谱" in names


def test_a_kind_of_county_the_dictionary_knows_is_no_district_of_its_own() -> None:
    names = found("茶农增收", "这个自治县的茶园今年扩种两千亩,茶农李秀兰说,采茶季一天能挣两百元。")
    assert "自治县" not in names or names["自治县"].score < DISTRICT_FLOOR  # a place in passing
