"""Tag candidates by pattern (quotes, roles, suffixes, recurring phrases), new-word discovery, ranking."""

from __future__ import annotations

import random
from collections import Counter

from reader.core.new_words import discover, occurring
from reader.core.tag_ranking import Candidate, drop_prefixes
from reader.core.tag_suggestions import ArticleContent, Idf, KnownTag, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)

ARTICLE = ArticleContent(
    "“邻里汇”里过重阳\n——虹桥街道开展敬老活动",
    "10月7日,虹桥街道“邻里汇”内张灯结彩。街道党工委副书记郑秀英为百岁老人送上祝福。"
    "天目西路街道自治金项目评审会举行,18个自治金项目参加评审。沈丽华点评指出,自治金项目要让居民参与。"
    "根据《上海市生活垃圾管理条例》,居民区开展宣传。郑秀英表示,“邻里汇”是家门口的服务站。",
)


def by_name(found: list[TagSuggestion]) -> dict[str, TagSuggestion]:
    return {s.name: s for s in found}


def test_quoted_terms_roles_and_suffixes_are_found_with_their_reason() -> None:
    found = by_name(suggest(ARTICLE, FLAT_IDF, limit=20))
    assert (found["邻里汇"].reason, found["邻里汇"].kind) == ("quoted", "topic")
    assert (found["上海市生活垃圾管理条例"].reason, found["上海市生活垃圾管理条例"].kind) == (
        "book title",
        "topic",
    )
    assert (found["郑秀英"].reason, found["郑秀英"].kind, found["郑秀英"].detail) == (
        "role",
        "person",
        "副书记",
    )
    assert (found["天目西路街道"].reason, found["天目西路街道"].kind) == ("suffix", "place")
    assert found["天目西路街道"].detail == "街道"


def test_no_fragment_of_a_longer_candidate_is_offered() -> None:
    names = [s.name for s in suggest(ARTICLE, FLAT_IDF, limit=20)]
    assert not {"金项目", "自治金", "邻里", "秀英", "天目西路"} & set(names)
    # once the library has found the phrase, the whole of it is offered
    names = [s.name for s in suggest(ARTICLE, FLAT_IDF, limit=20, phrases=Counter({"自治金项目": 3}))]
    assert "自治金项目" in names and "金项目" not in names


def test_generic_words_never_reach_the_top_five() -> None:
    top5 = [s.name for s in suggest(ARTICLE, FLAT_IDF, limit=5)]
    assert not {"社区", "街道", "工作", "活动", "服务", "居民", "服务站", "居民区"} & set(top5)


def test_a_short_form_of_an_existing_tag_is_offered_as_that_tag() -> None:
    content = ArticleContent("陆家嘴楼宇党建", "陆家嘴的白领党员参加午间课堂。陆家嘴金融城党委组织。")
    tags = [KnownTag(7, "陆家嘴街道", "陆家嘴街道", "place")]
    found = suggest(content, FLAT_IDF, tags=tags)
    assert found[0].name == "陆家嘴街道" and found[0].tag_id == 7 and found[0].detail == "陆家嘴"
    assert "陆家嘴" not in [s.name for s in found]
    # once the article has the tag, neither the tag nor its short form is offered
    found = suggest(content, FLAT_IDF, tags=tags, applied={"陆家嘴街道"})
    assert not {"陆家嘴", "陆家嘴街道"} & {s.name for s in found}


def test_an_existing_tag_keeps_its_kind_over_the_patterns() -> None:
    tags = [KnownTag(3, "邻里汇", "邻里汇", "organisation")]
    found = by_name(suggest(ARTICLE, FLAT_IDF, tags=tags, limit=20))
    assert (found["邻里汇"].kind, found["邻里汇"].reason, found["邻里汇"].tag_id) == (
        "organisation",
        "existing tag",
        3,
    )


def test_suggestions_are_the_same_every_time() -> None:
    first = suggest(ARTICLE, FLAT_IDF, limit=10)
    assert all(suggest(ARTICLE, FLAT_IDF, limit=10) == first for _ in range(3))


def test_a_name_rejected_in_many_articles_sinks() -> None:
    plain = [s.name for s in suggest(ARTICLE, FLAT_IDF, limit=10)]
    assert plain.index("邻里汇") < 3
    sunk = [s.name for s in suggest(ARTICLE, FLAT_IDF, limit=10, rejected={"邻里汇": 4})]
    assert "邻里汇" not in sunk[:5]


def test_library_phrases_are_offered_when_they_recur_in_the_article() -> None:
    content = ArticleContent(
        "楼宇党建午间课堂", "午间课堂开讲。白领党员说,午间课堂每月一期,楼宇党建有了新载体。"
    )
    found = by_name(suggest(content, FLAT_IDF, phrases=Counter({"午间课堂": 3, "楼宇党建": 2}), limit=20))
    assert found["午间课堂"].reason in ("phrase", "suffix")
    assert found["楼宇党建"].reason == "phrase" and found["楼宇党建"].detail == "library"


def test_new_word_discovery_finds_cohesive_free_phrases_only() -> None:
    places = ["静安", "黄浦", "徐汇", "长宁", "普陀", "虹口", "杨浦", "闵行", "宝山", "嘉定"]
    verbs = ["开展", "推进", "举办", "参加", "组织", "宣传", "介绍", "启动", "总结", "部署"]
    texts = [
        f"{p}区{v}零距离家园{verbs[(i + 1) % 10]},{verbs[(i + 3) % 10]}自治金项目{places[(i + 5) % 10]}。"
        for i, (p, v) in enumerate(zip(places, verbs, strict=True))
    ]
    found = {p.text: p for p in discover(texts)}
    assert "零距离家园" in found and "自治金项目" in found
    assert "距离家" not in found and "金项目" not in found  # never free at its left end
    assert found["零距离家园"].count == 10 and found["零距离家园"].entropy > 1.0
    assert occurring("又见零距离家园与自治金项目", frozenset(found)) >= Counter(
        {"零距离家园": 1, "自治金项目": 1}
    )


def test_occurring_counts_every_overlapping_mention_of_every_phrase() -> None:
    """Against a count by brute force, on random text over a small alphabet (many overlaps)."""
    rng = random.Random(5)
    alphabet = "社区邻里汇金项目自治"
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "。a") for _ in range(rng.randint(0, 60)))
        phrases = frozenset("".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5))) for _ in range(8))
        expected = Counter(
            {p: n for p in phrases if (n := sum(1 for i in range(len(text)) if text.startswith(p, i)))}
        )
        assert occurring(text, phrases) == expected, (text, phrases)


def test_abstract_nouns_verbs_and_common_words_are_not_names_or_topics() -> None:
    body = (
        "居民的安全感、获得感不断提升。街道书记关心老人生活,深度参与社区治理。"
        "安全感来自身边。大家关心的问题得到深度解决。"
    )
    found = by_name(suggest(ArticleContent("提升居民安全感", body), FLAT_IDF, limit=20))
    assert not {"安全感", "获得感", "关心", "关心老", "深度"} & set(found)
    assert found["社区治理"].kind == "topic"


def test_a_quoted_name_and_the_noun_after_it_recur_as_one_name() -> None:
    body = "開展“四史”學習教育。“四史”學習教育融入日常,以“六个一”举措推进“四史”学习教育。“四史”党课。"
    found = by_name(suggest(ArticleContent("“四史”學習教育", body), FLAT_IDF, limit=20))
    assert found["四史學習教育"].reason == "quoted" and found["四史學習教育"].detail == "学习教育"
    assert "六个一举措" not in found  # said once: not one name


def test_fixed_phrases_ending_with_a_noun_are_topics() -> None:
    content = ArticleContent(
        "交通安全进校园",
        "社区开展交通安全宣传。交通安全关系每个家庭,行动不便的老人由志愿者上门帮忙,行动不便时可预约。",
    )
    found = by_name(suggest(content, FLAT_IDF, limit=20))
    assert (found["交通安全"].reason, found["交通安全"].kind) == ("keyword", "topic")
    assert "行动不便" not in found  # a fixed phrase ending with an adjective is no topic


def test_a_thing_and_what_is_done_to_it_recur_as_one_topic() -> None:
    content = ArticleContent(
        "家门口的健康小屋",
        "今年街道推进血压监测,血压监测覆盖辖区老人。小屋还提供用药咨询,志愿者说,用药咨询很受欢迎。"
        "居民们把长板做长,把长板做长是大家的心愿。",
    )
    found = by_name(suggest(content, FLAT_IDF, limit=20))
    assert (found["血压监测"].reason, found["血压监测"].kind) == ("phrase", "topic")
    assert "用药咨询" in found
    assert "长板做长" not in found  # 做长 is no verb jieba's dictionary knows


def test_a_unit_named_after_its_organisation_is_one_name() -> None:
    content = ArticleContent(
        "助学金发放",
        "宋庆龄基金会长宁区代表处和华东师范大学外语学院为学生发放助学金。"
        "华东师范大学外语学院的志愿者还为孩子们辅导功课。",
    )
    found = by_name(suggest(content, FLAT_IDF, limit=20))
    assert found["宋庆龄基金会长宁区代表处"].kind == "organisation"
    assert found["华东师范大学外语学院"].kind == "organisation"
    assert "宋庆龄基金会" not in found  # only ever named inside the longer name


def test_an_event_whose_suffix_jieba_cut_apart_is_found_and_nothing_starts_inside_it() -> None:
    content = ArticleContent(
        "敬老之夜暖人心", "周六晚,敬老之夜在社区广场举行。敬老之夜由居委会主办,现场还有公益义卖。"
    )
    found = by_name(suggest(content, FLAT_IDF, limit=20))
    assert (found["敬老之夜"].reason, found["敬老之夜"].kind, found["敬老之夜"].detail) == (
        "suffix",
        "topic",
        "之夜",
    )
    assert not [name for name in found if name.startswith("夜")]  # not 夜在社区 from 敬老之夜在社区


def test_the_short_form_of_an_organisation_folds_into_the_one_full_name_ending_with_it() -> None:
    full = Candidate("殷行市场监管所", "殷行市场监管所", "organisation", "suffix", 8.0, positions=[10])
    short = Candidate("市场监管所", "市场监管所", "organisation", "suffix", 9.0, positions=[30, 50])
    early = Candidate("卫生监督所", "卫生监督所", "organisation", "suffix", 9.0, positions=[0])
    late = Candidate("殷行卫生监督所", "殷行卫生监督所", "organisation", "suffix", 8.0, positions=[40])
    kept = {c.key: c for c in drop_prefixes([full, short, early, late])}
    # named before its full name or after it, the short form is that body (round 5: in any order)
    assert set(kept) == {"殷行市场监管所", "殷行卫生监督所"}
    assert kept["殷行市场监管所"].score == 9.0
    assert kept["殷行市场监管所"].positions == [10, 30, 50]
    assert kept["殷行卫生监督所"].positions == [0, 40]
    other = Candidate("长白卫生监督所", "长白卫生监督所", "organisation", "suffix", 8.0, positions=[60])
    kept = {c.key: c for c in drop_prefixes([early, late, other])}
    assert "卫生监督所" in kept  # the tail of two bodies: a kind of body, not one of them


def test_a_large_librarys_tags_named_in_the_article_are_all_found() -> None:
    many = [KnownTag(i, f"第{i}号楼", f"第{i}号楼", "place") for i in range(3000)]
    many.append(KnownTag(5000, "外滩街道", "外滩街道", "place", ("外滩",)))
    content = ArticleContent("第12号楼加装电梯", "第12号楼和第2999号楼的居民在外滩商量。第12号楼先开工。")
    found = by_name(suggest(content, FLAT_IDF, tags=many, limit=20))
    assert found["第12号楼"].tag_id == 12 and found["第12号楼"].reason == "existing tag"
    assert found["第12号楼"].score == 103.0  # named three times
    assert found["第2999号楼"].tag_id == 2999
    assert (found["外滩街道"].reason, found["外滩街道"].detail) == ("alias", "外滩")
    assert "第1号楼" not in found and "第299号楼" not in found


def test_a_long_dictionary_term_named_once_is_a_topic_a_short_noun_is_not() -> None:
    content = ArticleContent(
        "健身操进社区",
        "居民们在广场学习健身操,教练示范健身操动作,健身操课程很受欢迎。会上还介绍了老旧小区改造,孩子们也领到了手册。"
        "垃圾分类宣传员讲解垃圾分类,垃圾分类知识竞赛同时举行。",
    )  # the article's main topic (垃圾分类) is named three times; 进社区 is a slogan, no keyword
    found = by_name(suggest(content, FLAT_IDF, limit=20))
    assert (found["老旧小区改造"].reason, found["老旧小区改造"].kind) == ("keyword", "topic")
    assert "手册" not in found and "课程" not in found
