"""Tag suggestions, seventh round: where names end and start, each on sentences of its own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from reader.core.tag_candidate_names import fold_short_topics
from reader.core.tag_ranking import Candidate
from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_name_after_a_role_does_not_take_the_adverb_after_it() -> None:
    names = found("老民警的新课题", "社区民警马林已经在这个小区工作了十二年,居民都认识他。")
    assert "马林" in names
    assert "马林已" not in names


def test_a_name_after_a_noun_does_not_take_the_verb_after_it() -> None:
    names = found("镜头里的石库门", "摄影师陈安拍了二十年石库门,他的作品挂在展厅正中。")
    assert "陈安拍" not in names


def test_a_measure_word_after_a_numeral_starts_no_name() -> None:
    names = found(
        "工匠带徒",
        "街道已建成4个书画创作工作室,明年再建2个书画创作工作室。",
    )
    assert "书画创作工作室" in names
    assert not any(name.startswith("个") for name in names)


def test_a_district_and_a_street_in_it_are_two_places() -> None:
    names = found(
        "修鞋摊前的暖心事",
        "在沈阳市和平区太原街的一个路口,修鞋师傅老周守着鞋摊二十年,太原街的居民都认识他。",
    )
    assert not any("和平区" in name and "太原街" in name for name in names)


def test_a_word_between_a_place_and_a_name_belongs_to_neither() -> None:
    names = found(
        "长者食堂换了运营方",
        "长者食堂由新桥街道委托乐群社会工作服务中心运营,每天供应午餐三百份。",
    )
    assert "乐群社会工作服务中心" in names
    assert not any("委托" in name for name in names)


def test_a_verb_ends_no_organisation_after_a_district() -> None:
    names = found(
        "消防站向市民开放",
        "11月9日,深圳市南山区科技园消防救援站举办开放日活动,孩子们试穿了消防服。",
    )
    assert not any(name.endswith("举办") for name in names)


def test_a_quoted_name_cut_into_several_words_begins_the_body_named_by_its_head() -> None:
    names = found(
        "“小白鹭”帆船俱乐部招新",
        "湖滨镇的“小白鹭”青少年帆船俱乐部今年招收了40名学员。教练说,“小白鹭”青少年帆船俱乐部的学员大多来自渔村。",
    )
    assert names["小白鹭青少年帆船俱乐部"].kind == "organisation"
    assert "帆船俱乐部" not in names  # inside the quoted body every time
    assert "小白鹭帆船俱乐部" not in names  # the title's short form folds into the full name


def test_a_conjunction_glued_to_a_county_suffix_after_a_noun_is_no_county() -> None:
    names = found(
        "流感疫苗讲座进村",
        "讲座由乡卫生院和县疾控中心共同举办,县疾控中心的医生讲解了流感疫苗。",
    )
    assert not any(name.startswith("和县") or "卫生院和县" in name for name in names)


def test_a_company_whose_first_characters_the_tokenizer_left_alone_is_named_with_its_city() -> None:
    names = found("新产线投产", "长沙市昱晟电子科技有限公司近日投产了一条新产线,产线由80台机器人组成。")
    assert names["长沙市昱晟电子科技有限公司"].kind == "organisation"
    assert not any(name.endswith("电子科技有限公司") and len(name) < 13 for name in names)


def test_a_body_named_with_its_county_is_not_named_with_the_province_too() -> None:
    names = found(
        "巡回法庭进山寨",
        "云南省勐海县人民法院的法官来到山寨,在村委会审理了一起借款纠纷。勐海县人民法院今年已巡回开庭30次。",
    )
    assert "勐海县人民法院" in names
    assert "云南省勐海县人民法院" not in names


def test_a_township_and_a_village_in_it_are_two_places() -> None:
    names = found(
        "茶山通了公交",
        "青山乡红旗村的村民今年坐上了公交车。红旗村离乡政府有二十公里山路。",
    )
    assert "红旗村" in names
    assert "青山乡红旗村" not in names


def test_the_places_after_a_province_in_one_breath_rank_above_it() -> None:
    names = found(
        "苗绣工坊开进古城",
        "湖南省凤凰县沱江镇的苗绣工坊近日开张,二十多名绣娘在这里接订单。工坊负责人说,订单已排到明年。",
    )
    assert names["凤凰县"].score > names["湖南省"].score
    assert names["沱江镇"].score > names["湖南省"].score


def test_a_district_the_tokenizer_reads_as_a_persons_name_is_a_place() -> None:
    names = found(
        "旧物换新市集",
        "广州市越秀区的旧物市集每月一场,居民带来闲置的图书和玩具交换。",
    )
    assert names["越秀区"].kind == "place"


def test_a_topic_ending_the_body_named_first_in_full_folds_into_it() -> None:
    # 共享法庭 after “云端”共享法庭: the paper's short form of a body (found by its head noun).
    body = Candidate("云端共享法庭", "云端共享法庭", "organisation", "suffix", 10.0, None, [3])
    short = Candidate("共享法庭", "共享法庭", "topic", "phrase", 8.0, None, [7, 30, 52])
    kept = fold_short_topics([body, short])
    assert [c.key for c in kept] == ["云端共享法庭"]
    assert kept[0].positions == [3, 7, 30, 52]


def test_a_latin_run_in_the_title_goes_on_over_the_name_the_body_repeats() -> None:
    names = found(
        "VR科普展厅 孩子们走进太空",
        "少年宫新建的VR科普展厅昨天开放,孩子们戴上VR眼镜“登上”空间站。讲解员说,VR设备共有二十套。",
    )
    assert "VR科普展厅" in names
    assert "VR" not in names


def test_the_titles_short_form_of_a_name_the_body_gives_in_full_folds_into_it() -> None:
    names = found(
        "社区姑娘夺冠厨艺大赛",
        "在日前结束的长三角家常菜厨艺大赛上,虹桥社区的王小娟获得一等奖。她说,长三角家常菜厨艺大赛的"
        "评委最看重家常味道。",
    )
    assert "长三角家常菜厨艺大赛" in names
    assert "厨艺大赛" not in names
