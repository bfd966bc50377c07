"""The learned ranker: the article's phrases as candidates, their features, and the ranking's guarantees.

Real jieba and the bundled model throughout; the guarantees (the library's tags first, nothing dismissed or
applied offered again, not even a piece of it, no generic word, no part of a better suggestion named as
often) hold whatever the model's weights say, and are checked with the bundled model and with models of
our own that favour the wrong thing on purpose.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from db.engine import Library
from reader.core import segmenter, tag_ranker, tag_spans
from reader.core.script import fold
from reader.core.tag_ranker import Ranker, default_ranker, load, model_path
from reader.core.tag_ranking import Candidate
from reader.core.tag_suggestions import ArticleContent, Idf, KnownTag, is_generic, suggest
from reader.services.tag_suggesting import suggest_for_article
from tests.segment_support import traditional
from tests.test_tagging import make_article

FLAT_IDF = Idf({}, 10.0, 10.0)
CONTENT = ArticleContent(
    "食品安全宣传周走进南塔农贸市场",
    "本报讯(记者 王晓)12月3日上午,迎泽区市场监督管理局在南塔农贸市场开展食品安全宣传周活动。"
    "工作人员现场演示农药残留快速检测,向摊主讲解《中华人民共和国食品安全法》。"
    "市场管理处主任刘建华说,市场每天对蔬菜抽检二十批次,检测结果在公示栏公布。"
    "卖菜三十年的摊主赵桂兰说:“现在顾客买菜放心,我们卖菜也踏实。”",
)


def _names(content: ArticleContent = CONTENT, ranker: Ranker | None = None, **kwargs: object) -> list[str]:
    found = suggest(content, FLAT_IDF, ranker=ranker or default_ranker(), **kwargs)  # type: ignore[arg-type]
    return [s.name for s in found]


def test_phrases_stay_inside_a_clause_and_open_and_close_like_names() -> None:
    tokens = segmenter.tokens(CONTENT.headings + "\n" + CONTENT.body)
    found = tag_spans.spans(tokens)
    assert "食品安全" in found and "南塔农贸市场" in found
    for key, span in found.items():
        assert not any(ch in tag_spans.BREAKS for ch in key), key
        for first, last in span.ranges:
            assert last - first < tag_spans.LONG_WORDS
            if last - first >= tag_spans.MAX_WORDS:  # a longer run ends like a name of its class
                assert tokens[last].word.endswith(tag_spans.LONG_NAME_ENDS), key
            assert tokens[first].pos not in tag_spans.NO_FIRST
            assert tokens[last].pos not in tag_spans.NO_LAST or tokens[last].word in tag_spans.DAY_AND_POINT
            assert "".join(t.word for t in tokens[first : last + 1]) == key
    assert not any(k.startswith("在") or k.endswith("的") for k in found)


def test_a_plain_phrase_named_once_is_not_ranked_but_a_name_a_quote_or_a_heading_is() -> None:
    """Named once, in the body, out of quotes and with no proper noun (出席会议, 服务体系): three in four
    of an article's phrases, seldom a label; the ranker spends its time on the others."""
    headings = "垃圾分类进小区"
    body = (
        "街道党工委书记出席会议并讲话。会议总结了服务体系建设的经验。"
        "居民在“绿色账户”积分。静安寺街道的志愿者介绍了经验。垃圾分类已成习惯。"
    )
    original = headings + "\n" + body
    text = fold(original)
    tokens = segmenter.tokens(original)
    args = ([], tokens, original, text, len(headings), lambda _w: 0.5, is_generic, set(), lambda _k: False)
    keys = {d.candidate.key for d in tag_ranker.describe(*args)}
    for plain in ("出席会议", "服务体系"):
        assert plain in tag_spans.spans(tokens) and plain not in keys, plain
    assert "绿色账户" in keys  # quoted
    assert "垃圾分类" in keys  # in the heading (and named twice)
    assert any("静安寺" in k for k in keys)  # holds a proper noun
    assert tag_spans.worth_ranking(None, tokens, text, [text.index("会议")], len(headings))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("记者从上海社会组织发展研究院获悉,", "上海社会组织发展研究院"),
        ("松江区消防救援支队方松消防救援站的消防员来到小区,", "松江区消防救援支队方松消防救援站"),
        ("新修订的南宁市居家养老服务条例将于明年施行。", "南宁市居家养老服务条例"),
        ("今年的世界读书日,居民来到图书馆。", "世界读书日"),
        ("社区设立临时接种点,方便老人。", "临时接种点"),
    ],
)
def test_long_names_of_bodies_rules_and_days_are_phrases(sentence: str, name: str) -> None:
    """A run of four to six words is a phrase when its last word ends like a body, a place, an event or a
    rule; a day (日) or a place of service (点) ends a name although jieba calls them numerals."""
    for text in (sentence, "　　" + sentence, traditional(sentence)):
        found = tag_spans.spans(segmenter.tokens(text))
        assert fold(name) in found, (text, sorted(found, key=len)[-5:])
    # and no longer run that ends like no name
    long_runs = [
        k
        for k, s in tag_spans.spans(segmenter.tokens(sentence)).items()
        if s.ranges[0][1] - s.ranges[0][0] >= 3
    ]
    assert all(k.endswith(tag_spans.LONG_NAME_ENDS) for k in long_runs), long_runs


def test_features_name_what_the_rules_said_and_how_the_phrase_stands() -> None:
    original = CONTENT.headings + "\n" + CONTENT.body
    text = fold(original)
    tokens = segmenter.tokens(original)
    span = tag_spans.spans(tokens)["南塔农贸市场"]
    rule = tag_spans.RuleView(0, 12.0, "suffix", "place")
    positions = tag_spans.positions_in(text, "南塔农贸市场")
    heading_end = len(CONTENT.headings)
    named = tag_spans.features(
        "南塔农贸市场", span, tokens, text, positions, heading_end, rule, lambda _w: 0.5, lambda _k: False
    )
    feats = dict(named)
    assert feats["rank=1"] == 1.0 and feats["reason=suffix"] == 1.0 and feats["kind=place"] == 1.0
    assert feats["heading"] == 1.0 and feats["tf"] == pytest.approx(1.585, abs=0.01)  # named twice
    assert "once" not in feats and "not_span" not in feats
    bare = dict(tag_spans.features("某某", None, tokens, text, [], 0, None, lambda _w: 0.5, lambda _k: False))
    assert bare["rank=none"] == 1.0 and bare["not_span"] == 1.0


def test_the_bundled_model_loads_and_was_trained_on_no_held_out_part() -> None:
    data = json.loads(model_path().read_text(encoding="utf-8"))
    assert not {"new14", "new15", "new16", "new17"} & set(data["trained_on"])
    ranker = default_ranker()
    assert ranker.weights and 0.0 <= ranker.phrase_threshold < 1.0 and 0.0 <= ranker.rule_threshold < 1.0
    assert default_ranker() is ranker  # read once


def test_a_model_file_without_weights_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"weights": [1, 2]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"model\.json"):
        load(path)


def test_the_bundled_ranker_finds_the_articles_names_and_its_topic() -> None:
    top = _names()
    assert {"南塔农贸市场", "食品安全宣传周", "刘建华", "赵桂兰"} <= set(top[:10]), top
    assert "食品安全" not in top  # named only inside 食品安全宣传周 and the law: a piece of them
    assert "王晓" not in top[:5]  # the reporter, offered after what the article is about


def test_the_librarys_tags_come_first_whatever_the_model_says() -> None:
    tags = [KnownTag(7, "农药残留", "农药残留", "topic")]
    against = Ranker({"bias": 5.0, "reason=existing tag": -50.0})
    for ranker in (default_ranker(), against):
        found = suggest(CONTENT, FLAT_IDF, tags=tags, ranker=ranker)
        assert found[0].name == "农药残留" and found[0].tag_id == 7


@pytest.mark.parametrize("how", ["applied", "dismissed"])
def test_a_name_applied_or_dismissed_comes_back_in_no_piece(how: str) -> None:
    gone = fold("南塔农贸市场")
    text = fold(CONTENT.headings + "\n" + CONTENT.body)
    alone = text.replace(gone, "")
    greedy = Ranker({"bias": 3.0})  # would offer every phrase
    for ranker in (default_ranker(), greedy):
        top = [fold(n) for n in _names(ranker=ranker, **{how: {gone}}, limit=60)]
        assert gone not in top
        assert ranker is not greedy or len(top) > 10, top
        pieces = [n for n in top if n in gone]
        assert all(n in alone for n in pieces), pieces  # none named only inside it (南塔, 农贸市场)


def test_no_generic_word_and_no_piece_of_a_better_suggestion_named_as_often() -> None:
    greedy = Ranker({"bias": 3.0, "nchar=2": 1.0})
    for ranker in (default_ranker(), greedy):
        found = suggest(CONTENT, FLAT_IDF, ranker=ranker, limit=30)
        names = [fold(s.name) for s in found]
        assert not [n for n in names if is_generic(n)], names
        text = fold(CONTENT.headings + "\n" + CONTENT.body)
        for i, name in enumerate(names):
            for better in names[:i]:
                if name in better or better in name:
                    assert text.count(name) != text.count(better), (name, better)


def test_a_phrase_the_model_doubts_is_not_offered_to_fill_the_list() -> None:
    doubtful = Ranker({"bias": -5.0}, phrase_threshold=0.2)
    found = suggest(CONTENT, FLAT_IDF, ranker=doubtful, limit=30)
    assert found and all(s.detail != "learned" for s in found)
    assert {"suffix", "book title"} <= {s.reason for s in found}  # the rules' candidates stay (no threshold)


def test_a_rules_candidate_the_model_doubts_is_not_offered_but_the_byline_is() -> None:
    doubtful = Ranker({"bias": -5.0}, phrase_threshold=0.2, rule_threshold=0.2)
    tags = [KnownTag(3, "农药残留", "农药残留", "topic")]
    bylined = ArticleContent(
        CONTENT.headings, CONTENT.body, people=(("李卫东", "摄影"),), source="区市场监管局"
    )
    found = suggest(bylined, FLAT_IDF, ranker=doubtful, limit=30, tags=tags)
    assert (found[0].name, found[0].reason) == ("农药残留", "existing tag")
    assert {(s.name, s.reason) for s in found[1:]} == {("李卫东", "byline"), ("区市场监管局", "source")}
    likely = Ranker({"bias": -5.0, "reason=suffix": 6.0}, phrase_threshold=0.2, rule_threshold=0.2)
    found = suggest(CONTENT, FLAT_IDF, ranker=likely, limit=30)
    assert "食品安全宣传周" in [s.name for s in found] and "刘建华" not in [s.name for s in found]


def test_a_phrase_takes_its_kind_from_its_suffix_and_keeps_it() -> None:
    content = ArticleContent(
        "暖心驿站",
        "槐树湾小区东门外新设的暖心驿站昨天启用,环卫工人可以在这里喝热水、热饭。槐树湾小区物业经理说,"
        "驿站由三家单位共建。",
    )
    greedy = Ranker({"bias": 3.0, "last2=小区": 4.0})
    first = suggest(content, FLAT_IDF, ranker=greedy, limit=30)
    kinds = {s.name: s.kind for s in first}
    assert kinds.get("槐树湾小区") == "place"
    assert all(s.kind in ("person", "place", "organisation", "topic", "other") for s in first)
    again = suggest(content, FLAT_IDF, ranker=greedy, limit=30)
    assert [(s.name, s.kind) for s in again] == [(s.name, s.kind) for s in first]


def test_a_name_rejected_in_many_articles_sinks_below_the_others() -> None:
    before = _names()
    name = before[0]
    after = _names(rejected={fold(name): 6})
    assert name not in after[:1] and (name not in after or after.index(name) > before.index(name))


def test_an_unreadable_model_leaves_the_rules_ranking_and_says_so(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with library.writing() as session:
        article = make_article(session, CONTENT.headings, [CONTENT.body])
    with library.session() as session:
        learned = [s.name for s in suggest_for_article(session, article)]
        rules = [s.name for s in suggest_for_article(session, article, learned=False)]
    assert learned != rules  # (else this test could not tell which ranking was used)
    broken = tmp_path / "tag_ranker.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(tag_ranker, "_default", None)
    monkeypatch.setattr(tag_ranker, "model_path", lambda: broken)
    with caplog.at_level(logging.WARNING), library.session() as session:
        fallback = [s.name for s in suggest_for_article(session, article)]
    assert fallback == rules
    assert "tag_ranker.json" in caplog.text and "rules alone" in caplog.text


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("松江区消防救援支队方松消防救援站", "organisation"),  # a body by its last character
        ("鹭江白领志愿服务队", "organisation"),
        ("重庆市渝中区餐饮商会", "organisation"),  # by a head noun of jieba's dictionary
        ("三亚凤凰国际机场", "place"),
        ("上海康乐餐饮管理有限公司", "organisation"),  # by the suffix lists
        ("南宁市居家养老服务条例", "topic"),  # a rule, an event, a programme: topics
        ("世界读书日", "topic"),
        ("加装电梯", "topic"),
        ("车站", "topic"),  # two characters: a word, not a body
        ("青溪河", "place"),  # a river, a lake, a hill after a name
        ("筼筜湖", "place"),
        ("母亲河", "topic"),  # a word before it: no name
    ],
)
def test_a_phrase_only_the_model_found_takes_its_kind_from_how_it_ends(key: str, kind: str) -> None:
    cand = Candidate(key, key, "", "phrase", 5.0, positions=[0], detail=tag_ranker.LEARNED)
    tag_ranker.settle_kinds([cand])
    assert cand.kind == kind
