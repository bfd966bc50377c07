"""Tag suggestions under the learned ranker, attacked by a hostile archivist (review 24): a preposition
jieba glues to a character is no part of a name, a phrase holding a name the article has or refused is
that name again, an English word of a sentence is no tag, a road jieba calls a proper noun is a place,
and (left, marked xfail) a verb and its object in the title are a clause.  Each test fails without its
fix."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from reader.core.tag_ranker import Ranker, default_ranker, load
from reader.core.tag_suggestions import ArticleContent, Idf, TagSuggestion, suggest

FLAT_IDF = Idf({}, 10.0, 10.0)


def found(
    headings: str, body: str, applied: Collection[str] = (), dismissed: Collection[str] = ()
) -> dict[str, TagSuggestion]:
    result = suggest(
        ArticleContent(headings, body),
        FLAT_IDF,
        applied=applied,
        dismissed=dismissed,
        limit=20,
        ranker=default_ranker(),
    )
    return {s.name: s for s in result}


def test_a_preposition_jieba_glues_to_the_word_before_opens_no_name() -> None:
    # jieba reads 通由 (通 of 一键通, then 由 "by") as one unknown preposition: the name is 上海电信
    cases = [
        ("一键通上线", "一键通由上海电信提供技术支持。"),
        ("一鍵通上線", "一鍵通由上海電信提供技術支持。"),  # traditional script
        ("安心通上线", "独居老人家里装上了安心通。安心通由上海电信负责运营。"),
        ("一键通", "居民可拨打一键通热线。\n一键通由上海电信提供技术支持,\n全年无休。"),  # re-wrapped
    ]
    for headings, body in cases:
        result = found(headings, body)
        names = [name for name in result if "电" in name or "電" in name]
        assert names and all(name in ("上海电信", "上海電信") for name in names), (body, list(result))


def test_a_phrase_holding_a_name_the_article_has_or_refused_is_that_name_again() -> None:
    heading = "长宁区举办重阳节敬老活动"
    body = "近日,长宁区新华路街道在社区文化中心举办重阳节敬老活动,街道党工委书记张明出席活动。"
    for headings, text in ((heading, body), ("長寧區舉辦重陽節敬老活動", body.replace("长宁区", "長寧區"))):
        for name in ("新华路街道", "重阳节"):
            for given in ({"applied": {name}}, {"dismissed": {name}}):
                result = found(headings, text, **given)
                back = [n for n, s in result.items() if s.reason in ("phrase", "keyword") and name in n]
                assert not back, (headings, given, back)
    # a name the rules read around it stays: the tag 上海 does not hide 上海电信
    assert "上海电信" in found("一键通", "一键通由上海电信提供技术支持。", applied={"上海"})


def test_an_english_word_of_a_sentence_is_no_tag() -> None:
    cases = [
        "“社区通”上线后,居民可以通过APP报修。The project is supported by Shanghai Tech.",
        "社区开设英语角。老师说:practice makes perfect,居民们跟着老师一起念。",
        "展板上写着welcome to our community,居民纷纷拍照。",
    ]
    for body in cases:
        result = found("社区新闻", body)
        lower = [n for n in result if n.isascii() and n.isalpha() and n.islower()]
        assert not lower, (body, list(result))
    # an acronym still may be offered: under a model that offers every phrase, APP is, the English words not
    greedy = Ranker({"bias": 3.0})
    everything = suggest(ArticleContent("社区新闻", cases[0]), FLAT_IDF, ranker=greedy, limit=60)
    names = [s.name for s in everything]
    assert "APP" in names and not [n for n in names if n.isascii() and n.isalpha() and n.islower()], names


def test_a_road_jieba_calls_a_proper_noun_is_a_place() -> None:
    cases = [
        "上海某某物业管理有限公司招聘保安2名。联系电话:021-62345678。地址:天山路100号。",
        "上海某某物业管理有限公司招聘保洁3名。地址:天山路100号,联系电话021-62345678。",
    ]
    for body in cases:
        result = found("招聘启事", body)
        assert "天山路" in result and result["天山路"].kind == "place", (body, result.get("天山路"))


@pytest.mark.xfail(
    strict=True,
    reason="left: jieba's verb (举办 + 重阳节) is also a modifier (退休 + 教师合唱团) or a misreading "
    "(象棋 + 擂台赛), both tagged by archivists; no part of speech tells them apart",
)
def test_a_verb_and_its_object_in_the_title_and_the_body_are_no_topic() -> None:
    cases = [
        ("长宁区举办重阳节敬老活动", "近日,长宁区在社区文化中心举办重阳节敬老活动。"),
        ("長寧區舉辦重陽節敬老活動", "近日,長寧區在社區文化中心舉辦重陽節敬老活動。"),
        ("新泾镇举办重阳节游园会", "10月23日,新泾镇举办重阳节游园会,老人们猜灯谜。"),
    ]
    for headings, body in cases:
        result = found(headings, body)
        assert not [n for n in result if n.startswith(("举办", "舉辦"))], (headings, list(result))


def test_a_word_jieba_calls_a_name_before_a_common_word_is_no_person() -> None:
    # 安保 (nr to jieba) + 工作: "安保工" closed by 作 was offered as a person found after 峰会, 社区…
    cases = [
        ("G20峰会", "G20峰会期间,社区组织了100名志愿者。G20峰会安保工作顺利完成。"),
        ("新闻", "进博会安保工作顺利完成。"),
        ("新闻", "国庆期间,小区安保工作有序开展。"),
        ("新聞", "國慶期間,小區安保工作有序開展。"),  # traditional script
    ]
    for headings, body in cases:
        result = found(headings, body)
        assert not [n for n, s in result.items() if s.kind == "person"], (body, list(result))
    # a name after a noun, closed by what follows it, is still found (骑手韦小军说)
    assert found("外卖骑手", "骑手韦小军说,这是他送的第一单。").get("韦小军") is not None


def test_a_model_file_with_a_weight_that_is_no_number_is_unreadable(tmp_path: Path) -> None:
    # the service falls back on the rules' order for ValueError (and OSError, KeyError); a TypeError
    # escaped it, and the tag pane failed instead of ranking by the rules
    bodies = [
        '{"weights": {"bias": null}}',
        '{"weights": {"bias": [1.0]}}',
        '{"weights": {"bias": 1.0}, "phrase_threshold": null}',
        '{"weights": {"bias": 1.0}, "rule_threshold": {"p": 0.05}}',
    ]
    for n, body in enumerate(bodies):
        path = tmp_path / f"model{n}.json"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(ValueError, match="not a ranker model"):
            load(path)
