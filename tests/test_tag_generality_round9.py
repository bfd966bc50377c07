"""Tag suggestions, ninth round: bodies named with their parent, rules in book-title marks, verb
phrases that end like names, and districts the tokenizer cut the other way, each on sentences of its
own.

None of these sentences is from the labelled set of ``bench/tagging_quality.py``; each test fails
without its mechanism (checked by switching it off).
"""

from __future__ import annotations

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
