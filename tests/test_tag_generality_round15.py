"""Tag suggestions, round 15: what the article says about a name it uses, on sentences of its own
(none is from a labelled part); each fails without its change."""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=40)}


def people(result: dict[str, TagSuggestion]) -> set[str]:
    return {name for name, s in result.items() if s.kind == "person"}


def test_a_common_word_jieba_calls_a_name_is_no_person_unless_treated_as_one() -> None:
    # jieba's dictionary tags 农家乐, 许可证 and 夏令营 as names; the article uses them as things
    result = found(
        "山村变了样",
        "村里有三户人家开起了农家乐,办理许可证只用了两天。暑假里,孩子们参加了夏令营。农家乐的客人越来越多。",
    )
    assert not {"农家乐", "许可证", "夏令营"} & people(result)


def test_a_name_jieba_tags_is_kept_where_the_sentence_treats_it_as_a_person() -> None:
    cases = {
        "三楼住户孔繁英起初并不赞成装电梯。": "孔繁英",  # what the person is, before
        "68岁的居民方秀云学会了用手机缴费。": "方秀云",  # an age
        "“我每天都来。”邬桂兰说。": "邬桂兰",  # speaking
        "获奖的有谭志勇、伍春梅等8名网格员。": "伍春梅",  # a list of people
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body


def test_a_name_jieba_cut_in_two_is_read_where_the_sentence_frames_a_person() -> None:
    # 殷 + 卫东, 宁海 + 峰, 龚 + 德明: jieba reads no name; what comes before and after says one
    cases = {
        "安全员殷卫东拿着检测仪挨家挨户上门。": "殷卫东",
        "网格员宁海峰说,他每天都要巡一遍楼。": "宁海峰",
        "楼里有一位79岁的龚德明老人,天天扫楼道。": "龚德明",
        "养了300只鸭的村民卢春生说,以前卖鸭靠挑担。": "卢春生",
    }
    for body, name in cases.items():
        assert name in people(found("社区新闻", body)), body


def test_two_characters_of_a_name_and_the_verb_after_them_are_no_name() -> None:
    result = found("社区新闻", "居民代表马骁说,楼道亮了。学生毕业前都来这里实习。")
    assert not {"马骁说", "毕业前"} & set(result)


def test_a_quoted_name_starting_with_a_preposition_like_character_is_a_name() -> None:
    # 向 starts phrases (“向雷锋学习”), but jieba reads 向阳花 as one word
    result = found(
        "红岭村的“向阳花”课堂开课了",
        "“向阳花”暑期课堂开课,村里32名留守儿童将在这里度过暑假。今年全县共开办“向阳花”课堂14个。",
    )
    assert [n for n in result if n.startswith("向阳花")]  # the programme, or it and what it is
    assert "向阳花" not in people(result)
    slogan = found("学雷锋", "队员们开展“向雷锋学习”主题活动。")
    assert "向雷锋学习" not in slogan


def test_a_city_or_a_province_ranks_below_the_names_and_terms_of_the_article() -> None:
    result = list(
        found(
            "老街上的修鞋摊",
            "杭州市的老街越来越少了。63岁的鞋匠丁国华在大关路摆了二十年修鞋摊,从河南省来杭州市打工的年轻人"
            "常来找他。“手艺人就要守得住。”他说。大关路上的老顾客也说,这个摊子离不开。",
        )
    )
    assert result.index("杭州市") > result.index("修鞋摊"), result
    assert result.index("河南省") > result.index("丁国华"), result


def test_a_count_a_verb_or_a_county_seat_around_a_name_is_not_the_name() -> None:
    result = found(
        "新路通到家门口",
        "两条路修通后,32户村民出行方便了。街道委托华南理工大学建筑学院设计方案。"
        "县城凤栖路上的老房子也换了新颜。",
    )
    assert not {"户村民", "条路", "委托华南理工大学建筑学院", "县城凤栖路"} & set(result)
    assert "华南理工大学建筑学院" in result
    assert "凤栖路" in result


def test_two_bodies_joined_with_and_are_two_names() -> None:
    result = found(
        "电梯维保",
        "小区委托上海银晟物业管理有限公司和维保公司共同排查电梯隐患。",
    )
    assert "上海银晟物业管理有限公司和维保公司" not in result
    assert "上海银晟物业管理有限公司" in result
