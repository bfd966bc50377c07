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
