"""Tag suggestions, eighth round: names without a Han surname, and what sits around names, each on
sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core import tag_repeats
from reader.core.segmenter import Token
from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_name_with_a_middle_dot_is_one_person() -> None:
    names = found(
        "毡房里的夜校",
        "夜校老师古丽娜尔·吐尔洪已在牧区教了十年书,她用哈萨克语和汉语给牧民上课。",
    )
    assert names["古丽娜尔·吐尔洪"].kind == "person"
    assert "古丽娜尔" not in names


def test_a_name_without_a_han_surname_after_a_title_is_a_person() -> None:
    names = found(
        "草原上的流动法庭",
        "巡回法庭把案子开到了牧民家门口。副局长其木格介绍,法庭一年走了三千多公里。",
    )
    assert names["其木格"].kind == "person"


def test_a_name_the_dictionary_knows_as_a_name_after_a_person_noun() -> None:
    names = found("冬牧场的兽医", "嘎查的调解员巴特尔常年骑马巡查牛羊,牧民有了矛盾都找他。")
    assert names["巴特尔"].kind == "person"


def test_no_common_word_after_a_person_noun_is_offered_as_a_person() -> None:
    names = found(
        "楼道里的安全检查",
        "检查人员逐个楼道查看灭火器,技术人员压线已有三年经验,讲解员用心讲了一课。主任下班后常去小区转转。",
    )
    people = {name for name, s in names.items() if s.kind == "person"}
    assert not people & {"逐个楼道", "压线", "用心", "下班后"}


def test_a_plural_suffix_after_a_title_starts_no_name() -> None:
    names = found("代表进社区", "人大代表们踊跃发言,主任们来到居民家中听取意见。")
    assert not any(name.startswith("们") for name in names)


def test_a_suffix_followed_by_an_aspect_particle_is_a_verb() -> None:
    names = found(
        "老人学上网",
        "七十岁的居民周秀兰学会了用手机挂号,她说以后看病不用排长队了。",
    )
    assert "周秀兰" in names
    assert not any(name.endswith("学会") and name != "学会" for name in names)


def test_a_verb_suffix_before_a_quoted_name_ends_no_organisation() -> None:
    names = found(
        "中学生办“小小图书角”",
        "育才中学的中学生办“小小图书角”已有两年,每周向居民借出图书一百多本。",
    )
    assert not any(name.endswith("生办") for name in names)


def test_a_quoted_name_and_the_head_the_article_names_again_are_one_name() -> None:
    names = found(
        "小清河来了护河人",
        "每天清晨,“蓝丝带”志愿护河队沿着小清河巡查排污口。护河队队长韩春生说,护河队已有队员三十人。",
    )
    assert "蓝丝带志愿护河队" in names
    assert "蓝丝带" not in names


def test_a_quoted_name_that_stands_alone_elsewhere_keeps_its_own_name() -> None:
    names = found(
        "银杏树下好聊天",
        "“银杏树下”茶话角每周开放两次。居民说,银杏树下成了大家的客厅,茶话角也越来越热闹。",
    )
    assert "银杏树下" in names
    assert "银杏树下茶话角" not in names


def test_a_quoted_name_and_a_head_named_once_stay_apart() -> None:
    names = found("新书架", "社区推出“悦读时光”流动书车,居民可以在家门口借书。")
    assert "悦读时光" in names
    assert "悦读时光流动书车" not in names


def test_a_factory_named_after_its_group_is_one_name() -> None:
    names = found(
        "车间里的小发明",
        "太原的太钢集团机修厂里,技术员改进了一台卷板机,每年节约电费三十万元。",
    )
    assert "太钢集团机修厂" in names
    assert "太钢集团" not in names


def test_an_organisation_suffix_that_begins_a_street_ends_no_organisation() -> None:
    names = found(
        "街道开了修补铺",
        "包头市青山区大学东路街道的便民修补铺开张了,居民在家门口就能修伞、配钥匙。",
    )
    assert "青山区" in names
    assert not any(name.endswith("区大学") or "区大学东路" in name for name in names)


def test_a_name_and_a_locative_head_the_article_uses_alone_are_one_place() -> None:
    names = found(
        "货车过境更快了",
        "今年以来,经二连浩特口岸进出境的货车超过十万辆次。口岸今年新建了查验场,司机在口岸停留的时间缩短了一半。",
    )
    assert names["二连浩特口岸"].kind == "place"


def test_a_locative_head_never_named_alone_joins_no_name() -> None:
    names = found("货车过境", "今年以来,经二连浩特口岸进出境的货车超过十万辆次,司机说通关快了。")
    assert "二连浩特口岸" not in names


def test_a_place_the_article_never_writes_without_the_same_noun_is_part_of_one_name() -> None:
    names = found(
        "中亚班列开行五百列",
        "今年从西安开出的中亚班列已有五百列,返程的中亚班列带回了棉纱和面粉。班列司机说,通关越来越快。",
    )
    assert "中亚班列" in names
    assert "中亚" not in names


def test_a_word_between_a_place_and_a_rare_word_belongs_to_neither() -> None:
    names = found(
        "老年食堂换了运营方",
        "老年食堂由花桥街道委托晨曦社会工作服务中心运营,每天供应午餐三百份。",
    )
    assert "晨曦社会工作服务中心" in names
    assert not any("委托" in name for name in names)


def test_a_district_suffix_the_tokenizer_glued_to_the_next_name_ends_the_district() -> None:
    names = found(
        "小画家的画展",
        "来自巴依阿瓦提区炉院街的小学生古丽娜第一次办了画展,老师和同学都来捧场。",
    )
    assert names["巴依阿瓦提区"].kind == "place"
    assert not any(name.startswith("区炉") or name == "巴依" for name in names)


def test_a_county_also_named_by_its_short_form_is_one_place() -> None:
    names = found(
        "守沙人",
        "二十年来,林业站的职工在古浪县八步沙种下了十万亩梭梭。职工们说,在古浪种树,最怕的是春天的大风。",
    )
    assert names["古浪县"].kind == "place"
    assert "古浪" not in names


def test_a_district_named_before_its_street_stays_though_bodies_are_named_with_it() -> None:
    names = found(
        "老劳模讲厂史",
        "沈阳市沈河区北塔街道的“劳模讲堂”开讲,沈河区总工会请来了老劳模。沈河区总工会还将把讲稿印成小册子。",
        limit=30,
    )
    assert names["沈河区"].kind == "place"


def test_a_district_named_only_inside_bodies_is_no_suggestion_of_its_own() -> None:
    names = found(
        "法官进山村",
        "沈河区人民法院的法官来到村里开庭。沈河区人民法院今年已在村里审结案件十二件。",
        limit=30,
    )
    assert "沈河区" not in names


def test_a_topic_word_always_before_the_same_noun_is_no_name_with_it() -> None:
    # The tokens as jieba cuts the sentence once a library has made 垃圾分类 a topic word (nz).
    text = "垃圾分类进校园活动举行。垃圾分类进校园让孩子们学会分类。"
    words = [("垃圾分类", "nz"), ("进校园", "n"), ("活动", "vn"), ("举行", "v"), ("。", "x")]
    words += [("垃圾分类", "nz"), ("进校园", "n"), ("让", "v"), ("孩子", "n"), ("们", "k"), ("学会", "n")]
    tokens, at = [], 0
    for word, pos in words:
        at = text.index(word, at)
        tokens.append(Token(word, pos, at))
        at += len(word)
    assert tag_repeats.inseparable(tokens, text, text, frozenset()) == []
