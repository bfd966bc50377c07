"""Tag suggestions, ninth round: bodies named with their parent, rules in book-title marks, verb
phrases that end like names, and districts the tokenizer cut the other way, each on sentences of its
own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

from collections import Counter

from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(headings: str, body: str, limit: int = 20) -> dict[str, TagSuggestion]:
    return {s.name: s for s in suggest(ArticleContent(headings, body), FLAT_IDF, limit=limit)}


def test_a_school_named_by_its_township_is_one_body() -> None:
    names = found(
        "山里的孩子有了新操场",
        "松林乡中心小学今年秋天建成了塑胶操场。校长说,孩子们再也不用在泥地上跑步了。",
    )
    assert names["松林乡中心小学"].kind == "organisation"


def test_a_hospital_named_with_its_university_is_one_body() -> None:
    names = found("专家下乡", "江南医科大学附属医院的专家来到村里坐诊,村民排起了长队。")
    assert names["江南医科大学附属医院"].kind == "organisation"
    assert "附属医院" not in names


def test_a_regulation_named_once_outranks_a_book_named_once() -> None:
    names = found(
        "条例实施一周年",
        "《江城市养犬管理条例》实施一年来,社区的文明养犬劝导员走遍了小区。"
        "晚会上大家朗诵了《山村的早晨》,劝导员说,养犬要文明。",
    )
    assert names["江城市养犬管理条例"].score > names["山村的早晨"].score


def test_a_district_read_as_a_common_noun_ends_at_its_suffix() -> None:
    names = found(
        "海边的新街道",
        "海角区白沙街道今年新建了三个口袋公园。白沙街道的居民说,散步有了好去处。",
    )
    assert names["白沙街道"].kind == "place"
    assert names["海角区"].kind == "place"
    assert "区白沙街道" not in names


def test_a_bureau_the_dictionary_knows_is_no_common_word_and_takes_its_district() -> None:
    # 民政局 ends with 政局 (a common word), yet the dictionary reads it as an organisation
    names = found(
        "养老新政",
        "钦南区民政局今年为高龄老人发放了补贴。局长说,补贴由钦南区民政局按月发放,老人不用跑腿。",
    )
    assert names["钦南区民政局"].kind == "organisation"
    assert "区民政局" not in names


def test_a_suffix_glued_into_a_verb_after_a_preposition_names_no_place() -> None:
    names = found("站台上的红马甲", "春运期间,志愿者在火车站为乘客指路、搬行李,还送上热茶。")
    assert "乘客指路" not in names


def test_a_pronoun_or_a_distinguishing_word_and_a_bare_suffix_name_no_place() -> None:
    names = found("全市推开", "今年,全市各街道都设立了调解室。所有街道都配了专职调解员。")
    assert not {"全市各街道", "所有街道"} & set(names)


def test_a_suffix_glued_into_a_word_before_a_locative_of_time_names_no_body() -> None:
    names = found("老人出院", "村民韦老伯出院后,专门给医生送来了锦旗。他说,医生救了他的命。")
    assert not any(name.endswith("老伯出院") for name in names)


def test_a_time_word_starts_no_name() -> None:
    names = found("退休不褪色", "老周退休前在机场工作了三十年。如今他在社区当起了义务讲解员。")
    assert not any(name.endswith("在机场") for name in names)


def test_a_clinic_named_with_its_county_and_township_starts_at_the_township() -> None:
    names = found(
        "山里的急救",
        "深夜,青岩县石门镇卫生院接到急救电话。石门镇卫生院的医生二十分钟后赶到,青岩县的专家远程会诊。",
    )
    assert names["石门镇卫生院"].kind == "organisation"
    assert "青岩县石门镇卫生院" not in names


def test_a_centre_named_with_its_district_and_street_starts_at_the_street() -> None:
    names = found(
        "家门口的体检",
        "河西区桃源路街道社区卫生服务中心为老人免费体检。桃源路街道的老人说,河西区的医生很耐心。",
    )
    assert "桃源路街道社区卫生服务中心" in names
    assert "河西区桃源路街道社区卫生服务中心" not in names


def test_a_quoted_name_with_its_members_in_the_title_and_its_body_in_the_text_is_one_name() -> None:
    names = found(
        "车站里的“星火”志愿者",
        "寒假期间,火车站的“星火”志愿服务队每天派出二十名队员值守。服务队成立五年,队员多是大学生。",
    )
    assert names["星火志愿服务队"].kind == "organisation"
    assert "星火" not in names


def test_a_verb_phrase_recurring_in_the_library_names_no_place_either() -> None:
    content = ArticleContent("站台上的红马甲", "春运期间,志愿者在火车站为乘客指路、搬行李,还送上热茶。")
    names = {s.name for s in suggest(content, FLAT_IDF, limit=20, phrases=Counter({"乘客指路": 4}))}
    assert "乘客指路" not in names
