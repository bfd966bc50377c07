"""Tag suggestions, fifth round: general mechanisms, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_name_after_a_role_closed_by_a_verb_is_a_person_whatever_its_characters_mean() -> None:
    # 光明 and 平 are common words; after a role and before 介绍 or 说 they are given names.
    names = found(
        "新书屋开放",
        "社区书屋昨天开放。书屋管理站站长孙光明介绍,书屋有图书三千册。所长何平说,书屋每天开放。",
    )
    assert names["孙光明"].kind == "person"
    assert names["孙光明"].reason == "role"
    assert names["何平"].kind == "person"
    assert "光明" not in names


def test_a_body_written_right_after_its_place_is_named_with_it() -> None:
    names = found(
        "老年大学开课",
        "金山卫镇文化服务中心开设书法班。金山卫镇文化服务中心主任徐立新说,书法班免费。",
    )
    assert names["金山卫镇文化服务中心"].kind == "organisation"
    assert "文化服务中心" not in names


def test_the_tail_of_the_one_body_named_in_full_folds_into_it_in_any_order() -> None:
    names = found(
        "两地互通",
        "居民可在对方的便民服务中心办理业务。"
        "周庄镇便民服务中心主任顾建新说,周庄镇便民服务中心已办理业务三百件。",
    )
    assert "周庄镇便民服务中心" in names
    assert "便民服务中心" not in names


def test_a_name_only_jieba_found_mostly_inside_longer_names_is_dropped() -> None:
    names = found(
        "两镇合作",
        "朱家角镇和金泽镇签署协议。金泽镇便民服务中心主任顾建新介绍,朱家角和金泽相邻。",
    )
    assert "金泽镇" in names
    assert "金泽" not in names  # jieba reads it as a person; two of its three occurrences are in 金泽镇
    half = found(
        "两镇合作",
        "朱家角镇和金泽镇签署协议。金泽镇便民服务中心主任顾建新介绍,朱家角和金泽相邻,金泽和朱家角同属青浦。",
    )
    assert "金泽" not in half  # half of its occurrences inside longer names: no boundary of its own


def test_a_quoted_name_always_followed_by_the_same_nouns_goes_on_with_them() -> None:
    names = found(
        "“金桂花”义剪进小区",
        "周末,“金桂花”志愿服务队在小区门口为老人理发。“金桂花”志愿服务队成立于2015年,有队员80名。",
    )
    assert "金桂花志愿服务队" in names
    assert "金桂花" not in names  # every occurrence is inside the whole name


def test_a_quoted_name_ending_with_a_verb_is_a_name_when_the_article_names_it_again() -> None:
    names = found("“邻里健步走”开走", "昨天上午,第二届“邻里健步走”在滨江步道开走,500名居民参加。")
    assert "邻里健步走" in names
    once = found("秋季体育节", "体育节期间,社区将举办“邻里健步走”等活动,欢迎居民报名。")
    assert "邻里健步走" not in once  # named once in passing, a slogan-like phrase ending with a verb


def test_a_coined_word_the_article_repeats_is_found_though_jieba_cuts_it() -> None:
    # 充电棚 is no dictionary word: jieba cuts it into 充电 + 棚; the article names it three times,
    # each time after something else, so it is a word of its own (集中 before it is trimmed).
    names = found(
        "小区建起充电棚",
        "居委会在3号楼旁建成集中充电棚,居民不再把车推进楼道。充电棚可停放60辆车,物业每天检查充电棚的线路。",
    )
    assert names["充电棚"].reason == "phrase"
    assert "集中充电棚" not in names


def test_known_words_in_a_row_and_words_cut_inside_other_words_are_no_new_word() -> None:
    names = found(
        "餐饮店检查",
        "检查组查看餐饮行业用气安全情况。检查组认为,餐饮行业用气安全仍有隐患,"
        "并开展专题学习。专题学、列出问题。",
    )
    assert "餐饮行业用气安全" not in names  # two whole words, not a coined one
    assert "专题学" not in names  # 专题学习 is one word where it is written a second time


def test_a_two_character_short_form_of_a_named_event_folds_into_it() -> None:
    names = found(
        "老街闹元宵",
        "2月24日晚,“南翔老街元宵灯会”开幕。灯会期间,老街每晚有舞龙表演。灯会将持续到月底。",
    )
    assert "南翔老街元宵灯会" in names
    assert "灯会" not in names


def test_a_suffix_the_tokenizer_glued_to_the_next_word_still_ends_the_name() -> None:
    # jieba reads 路上 and 协会会长 as words: the road and the association end inside them
    names = found(
        "健步走",
        "居民们在南长治路上健步走。江浦路街道社区体育协会会长蔡文彬介绍,南长治路上每周都有活动。",
    )
    assert names["南长治路"].kind == "place"
    assert names["江浦路街道社区体育协会"].kind == "organisation"


def test_a_district_named_in_two_bodies_is_a_place_of_its_own() -> None:
    # round 4 folded a district into the first body it begins (菊园新区 lost); round 5 drops that
    # rule: a place jieba found is dropped only when most of its occurrences are inside longer names
    names = found(
        "家门口看病",
        "松江区佘山新区管委会与佘山新区社区卫生服务中心签约。佘山新区社区卫生服务中心主任李红说,服务覆盖全区。",
    )
    assert names["佘山新区"].kind == "place"
    assert "佘山新区社区卫生服务中心" in names


def test_a_quoted_coinage_ending_with_a_bound_character_is_a_name() -> None:
    # jieba cuts 宣讲员 into the verb 宣讲 and the bound 员 (zg): a person-noun, not a slogan
    names = found("理论进楼道", "街道为每个居民区配备了“宣讲员”,每月上门讲政策。")
    assert "宣讲员" in names


def test_a_thing_and_what_is_done_to_it_after_a_verb_of_undertaking_is_a_topic() -> None:
    names = found("合作社开张", "新成立的果蔬合作社将吸纳村民入股,推进产业振兴。")
    assert names["产业振兴"].kind == "topic"
