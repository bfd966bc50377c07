"""Tag suggestions, eleventh round: mechanisms read from the article's structure, each on sentences
of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 10, idf: Idf = FLAT_IDF) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), idf, limit=limit)}


def test_an_idiom_the_title_names_and_the_body_names_again_is_a_topic() -> None:
    names = found(
        "扶贫济困暖人心 社区募集爱心物资",
        "本周,春华社区发起扶贫济困募捐,居民林秀英捐出了过冬的棉被。"
        "社区书记周国平说,扶贫济困是社区的老传统,今年已募集物资三百余件。",
    )
    assert names["扶贫济困"].kind == "topic"
    assert names["扶贫济困"].detail == "title and body"


def test_two_words_the_title_and_the_body_share_are_one_topic() -> None:
    names = found(
        "护河巡查常态化 河道更清了",
        "每周二,志愿者沿着张家浜开展护河巡查,捡拾垃圾、劝导垂钓。"
        "河长王建明介绍,护河巡查开展一年来,河道水质明显好转。",
    )
    assert "护河巡查" in names


def test_a_clause_or_a_name_chain_of_the_title_is_no_echo() -> None:
    names = found(
        "成都市锦江区客人来访 食品安全宣传周启动",
        "成都市锦江区的客人来到街道交流。当天,食品安全宣传周启动,社区医生讲解了食品安全知识。",
        limit=30,
    )
    assert not {"成都市锦江区", "食品安全宣传", "宣传周启动"} & set(names)


def test_an_echo_starts_where_the_string_the_article_repeats_starts() -> None:
    names = found(
        "学做艾德莱斯丝巾",
        "暑假里,孩子们在文化站学做艾德莱斯丝巾,老师手把手地教大家配色。",
        limit=30,
    )
    assert "德莱斯丝巾" not in names


def test_a_word_only_the_title_names_ranks_below_what_the_body_names() -> None:
    ranked = list(
        found(
            "笑脸盈门 老年食堂开张",
            "周一,梅园社区老年食堂正式开张,八十岁的居民孙立群第一个来吃午饭。"
            "老年食堂每天供应两荤两素,价格实惠。",
            limit=30,
        ).values()
    )
    names = [s.name for s in ranked]
    assert "价格实惠" in names  # named once, in passing, in the body
    assert "笑脸" not in names or names.index("笑脸") > names.index("价格实惠")


def test_a_place_named_once_in_passing_ranks_as_a_word_named_once() -> None:
    names = found(
        "社区合唱团唱响新年",
        "梅园社区合唱团排练了三个月。团长刘美华退休前在苏州教音乐,她说合唱团的老人们越唱越年轻。"
        "合唱团将在元旦登台。",
        limit=30,
    )
    assert names["苏州"].kind == "place"
    assert names["苏州"].score <= 5.0 < names["刘美华"].score
