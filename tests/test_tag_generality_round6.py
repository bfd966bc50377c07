"""Tag suggestions, sixth round: general mechanisms, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_latin_letters_glued_to_the_same_noun_twice_are_one_name() -> None:
    names = found(
        "VR眼镜进课堂",
        "学校为每个班级配备了VR系统,学生戴上VR眼镜就能走进博物馆。老师说,VR眼镜让地理课生动起来。",
    )
    assert names["VR眼镜"].kind == "topic"
    assert "眼镜" not in names  # the noun alone is a fragment of the name


def test_a_latin_word_whose_neighbours_vary_is_a_name_of_its_own() -> None:
    names = found(
        "Vlog大赛颁奖",
        "本次大赛收到作品两百余部,不少居民第一次拍Vlog。获奖的Vlog记录了弄堂里的早餐摊。",
    )
    assert "Vlog" in names


def test_a_quoted_name_may_hold_latin_letters() -> None:
    names = found(
        "读书会换新名",
        "社区读书会改名为“悦读Club”,每月举办一次。“悦读Club”的成员多为年轻白领。",
    )
    assert "悦读Club" in names


def test_a_body_named_by_a_head_noun_of_jiebas_organisations_is_found_without_a_list() -> None:
    # 学校 and 法院 are on no suffix list: the dictionary's organisations show they are heads.
    names = found(
        "法官走进校园",
        "浦东新区人民法院的法官来到洋泾街道社区学校,为居民讲解遗嘱纠纷。"
        "洋泾街道社区学校校长严芳说,课程每月一次。",
    )
    assert names["浦东新区人民法院"].kind == "organisation"
    assert names["洋泾街道社区学校"].kind == "organisation"
    assert "人民法院" not in names


def test_a_head_noun_alone_or_after_generic_words_names_no_body() -> None:
    names = found("暑期班开课", "街道的社区学校开设了暑期班,学校老师说,社区学校的名额不多。")
    assert "社区学校" not in names
    assert not any(s.reason == "suffix" for s in names.values())


def test_the_dictionarys_heads_are_nouns_that_mostly_end_names_of_their_class() -> None:
    from reader.core.tag_heads import dictionary_heads

    heads = dictionary_heads()
    assert {"大学", "银行", "法院", "开发区", "俱乐部"} <= heads.organisation
    assert {"广场", "机场"} <= heads.place
    assert "文学" not in heads.organisation  # ends many names of genres, few of bodies
    assert "口区" not in heads.place  # the tail of a few names (海口区), no common noun
    assert {"社", "院"} <= heads.organisation  # one character: ends 100 names or more, half its words
    assert "街" in heads.place
    assert "学" not in heads.organisation  # 大学, but also 数学, 科学: a third of its words only


def test_a_one_character_head_ends_a_name_after_its_place() -> None:
    names = found(
        "渔村合作社分红",
        "东海渔业专业合作社今年给社员分红。东海渔业专业合作社理事长说,明年还要扩大养殖。",
    )
    assert names["东海渔业专业合作社"].kind == "organisation"


def test_the_librarys_own_tags_teach_heads() -> None:
    from reader.core.tag_suggestions import KnownTag

    body = "溪口村的青山茶叶驿站今年接待游客三万人,青山茶叶驿站站长吴海说,游客多了。"
    cold = {s.name for s in suggest(ArticleContent("驿站", body), FLAT_IDF, limit=20)}
    assert "青山茶叶驿站" not in cold  # 驿站 ends no organisation of jieba's dictionary
    tags = [KnownTag(1, "绿野骑行驿站", "绿野骑行驿站", "organisation")]
    warm = {s.name: s for s in suggest(ArticleContent("驿站", body), FLAT_IDF, tags=tags, limit=20)}
    assert warm["青山茶叶驿站"].kind == "organisation"


def test_a_name_whose_first_character_the_tokenizer_cut_off_goes_on_to_the_left() -> None:
    # jieba reads 竖 as a verb and 新镇 as a place: the article always writes 竖新镇.
    names = found(
        "竖新镇办起橘子节",
        "崇明区竖新镇今年第一次办橘子节。竖新镇镇长说,明年还要办。",
    )
    assert "竖新镇" in names
    assert "新镇" not in names


def test_a_one_character_suffix_said_alone_starts_no_name() -> None:
    from reader.core import segmenter
    from reader.core.tag_boundaries import closed_left
    from reader.core.tag_candidates import Found, occurrences

    text = "活动由镇文化中心承办。镇文化中心主任说,中心周末也开放。"
    name = Found("文化中心", "文化中心", "organisation", "suffix", "中心", occurrences(text, "文化中心"))
    assert [f.key for f in closed_left([name], segmenter.tokens(text), text, text)] == ["文化中心"]


def test_the_subject_the_title_names_and_the_body_repeats_is_a_topic_even_after_a_generic_word() -> None:
    names = found(
        "社区年夜饭开席",
        "第五届社区年夜饭在广场举行,两百多位老人到场。主办方说,社区年夜饭每年一次。",
    )
    assert names["社区年夜饭"].kind == "topic"  # 社区 is generic: no other finder takes it


def test_a_title_run_of_two_complete_terms_or_cut_inside_a_longer_run_is_no_subject() -> None:
    names = found(
        "餐饮行业燃气安全 检查在行动",
        "街道对餐饮行业开展燃气安全检查,餐饮行业燃气安全隐患当场整改。",
    )
    assert "餐饮行业燃气安全" not in names


def test_a_name_between_what_a_person_is_and_what_they_say_is_a_person_whatever_the_noun() -> None:
    # 保洁员 and 护林员 are on no role list; 卫国 and 振兴 are common words, not names, to jieba.
    names = found(
        "保洁员的一天",
        "保洁员钱卫国说,每天要扫三条马路。护林员郭振兴介绍,山里的路不好走。",
    )
    assert names["钱卫国"].kind == "person"
    assert names["郭振兴"].kind == "person"


def test_a_particle_or_a_common_word_after_a_noun_starts_no_name() -> None:
    names = found(
        "长者食堂开张",
        "食堂提供午餐和晚餐。居民和子女说,饭菜可口。社区时间紧,工作人员向居民解释。",
    )
    assert not [s for s in names.values() if s.kind == "person"]


def test_a_street_glued_to_its_community_is_the_street_not_a_place_of_its_own() -> None:
    # jieba reads 街道社区 as one word; two suffixes glued are split back into the two.
    names = found(
        "舞蹈队获奖",
        "松林街道社区体育指导员协会组织的舞蹈队获得一等奖。松林街道社区体育指导员协会会长说,队员都是退休居民。",
    )
    assert "松林街道" in names
    assert "松林街道社区" not in names


def test_between_a_district_and_a_bodys_suffix_every_word_is_the_names() -> None:
    # 规划 and 资源 are generic or verbal to jieba; the district before them bounds the name.
    names = found(
        "旧楼加装电梯",
        "徐汇区规划和自然资源局副局长邵海平介绍,今年将简化审批。徐汇区规划和自然资源局已受理申请四十件。",
    )
    assert names["徐汇区规划和自然资源局"].kind == "organisation"


def test_a_common_word_the_dictionary_tags_as_a_place_is_no_place_unless_it_ends_like_one() -> None:
    names = found(
        "志愿者上门服务",
        "台风过后,志愿者上门看望独居老人,在小区入口摆放沙袋。沿长江的堤防也加固了。",
    )
    assert "上门" not in names and "入口" not in names and "台风" not in names  # ns in jieba's dictionary
    from reader.core.tag_heads import common_word_place

    assert not common_word_place("长江")  # 江 ends places


def test_a_word_jieba_reads_as_an_adjective_right_after_a_place_is_part_of_a_companys_name() -> None:
    names = found(
        "企业捐赠",
        "苏州美好食品有限公司向敬老院捐赠月饼。苏州美好食品有限公司总经理说,捐赠已坚持五年。",
    )
    assert names["苏州美好食品有限公司"].kind == "organisation"
    assert "食品有限公司" not in names
