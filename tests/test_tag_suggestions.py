"""Tag suggestions with the real jieba: names, places, organisations, topics, the library's IDF."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Issue
from db.opening import open_library
from db.tagging_models import IdfStats, TermDocFrequency
from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_suggestions import (
    GENERIC_WORDS,
    ArticleContent,
    Idf,
    TagSuggestion,
    merge_names,
    suggest,
)
from reader.services.importing import import_files
from reader.services.tag_idf import MIN_LIBRARY_DOCS, library_idf, recompute_idf, refresh_idf, update_idf
from reader.services.tag_suggesting import (
    add_user_word,
    dismiss_suggestion,
    suggest_for_article,
    undismiss_suggestion,
)
from reader.services.tagging import add_tag
from tests.conftest import REPO, SAMPLE_ISSUE
from tests.test_tagging import make_article

FLAT_IDF = Idf({}, 10.0, 10.0)
# Generic words no corpus article may be tagged with.
GENERIC = {"社区", "街道", "工作", "活动", "居民", "开展", "进行", "建设", "问题", "服务", "发展", "群众"}


def names(suggestions: list[TagSuggestion]) -> list[str]:
    return [s.name for s in suggestions]


def test_jieba_loads_quietly_with_its_cache_in_the_cache_folder(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code = (
        "from reader.core import segmenter\n"
        "segmenter.ensure_loaded()\n"
        "print(segmenter.loaded_cache_file())\n"
        "print([t.word for t in segmenter.tokens('芷江西路街道党工委')])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=dict(os.environ, JIAOKAN_CACHE_DIR=str(cache)),
        check=True,
        timeout=120,
    )
    assert result.stderr == ""  # jieba's "Building prefix dict…" log is silenced
    first, words = result.stdout.splitlines()
    assert Path(first) == cache / "jieba.cache" and Path(first).is_file()
    assert words == "['芷江西路街道', '党工委']"


def test_loading_is_once_and_thread_safe() -> None:
    errors: list[BaseException] = []

    def load() -> None:
        try:
            segmenter.ensure_loaded()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and segmenter.is_loaded()
    assert segmenter.loaded_cache_file() is not None


def test_the_bundled_dictionary_keeps_community_terms_whole() -> None:
    tokens = {t.word: t.pos for t in segmenter.tokens("花木街道党群服务中心和静安区陆家嘴")}
    assert tokens["花木街道"] == "ns" and tokens["静安区"] == "ns" and tokens["陆家嘴"] == "ns"
    assert "党群服务中心" in tokens
    assert "街道" in segmenter.generic_words()


def test_traditional_text_is_segmented_after_folding() -> None:
    tokens = segmenter.tokens("陸家嘴的社區")
    assert tokens[0].word == "陆家嘴"
    assert [t.start for t in tokens] == [0, 3, 4]


def test_split_names_are_joined() -> None:
    joined = merge_names([Token("滕", "nr", 0), Token("迪克", "nr", 1), Token("等", "u", 3)])
    assert [t.word for t in joined] == ["滕迪克", "等"]
    joined = merge_names(
        [Token("代表", "n", 0), Token("江天", "ns", 2), Token("熙", "nz", 4), Token(",", "x", 5)]
    )
    assert joined[1] == Token("江天熙", "nr", 2)
    joined = merge_names([Token("北京", "ns", 0), Token("居民区", "n", 2)])
    assert joined == [Token("北京居民区", "ns", 0)]
    joined = merge_names([Token("5", "m", 0), Token("张", "q", 1), Token("整改单", "n", 2)])
    assert [t.word for t in joined] == ["5", "张", "整改单"]


def test_names_are_cleaned_of_single_characters_and_common_words() -> None:
    content = ArticleContent(
        "温馨沙龙",
        "街道党工委书记卞唯敏在会上讲话。温馨的沙龙里,大家畅谈文明建设。卞唯敏指出,要杜绝形式主义。史",
    )
    found = suggest(content, FLAT_IDF)
    people = [s.name for s in found if s.kind == "person"]
    assert people == ["卞唯敏"]
    assert not {"温馨", "沙龙", "文明", "杜绝", "史"} & set(names(found))


def test_byline_people_and_the_source_are_suggested() -> None:
    content = ArticleContent(
        "街道工会召开代表大会",
        "会议总结了外滩街道工会的工作。",
        people=(("卢文华", "通讯员"), ("朱翎", "通讯员")),
        source="(街道党群办)",
    )
    found = suggest(content, FLAT_IDF)
    byline = [s for s in found if s.reason == "byline"]
    assert [s.name for s in byline] == ["卢文华", "朱翎"]  # in the byline's order
    assert all(s.kind == "person" for s in byline)
    assert ("街道党群办", "organisation") in [(s.name, s.kind) for s in found]


def test_generic_words_and_verbs_are_never_suggested() -> None:
    body = "社区居民积极参加街道开展的活动,进行垃圾分类工作,社区建设取得新进展,问题得到解决。" * 3
    found = suggest(ArticleContent("社区活动", body), FLAT_IDF)
    assert "垃圾分类" in names(found)
    assert not set(names(found)) & GENERIC_WORDS
    assert not {"开展", "进行", "参加", "解决"} & set(names(found))


def test_existing_tags_rank_first_and_applied_ones_are_left_out(library: Library) -> None:
    with library.writing() as session:
        a = make_article(
            session, "芷江西路街道推进垃圾分类", ["姜鸣一行调研芷江西路街道的垃圾分类和文明创建工作。"]
        )
        b = make_article(session, "另一篇", ["正文。"])
        add_tag(session, [b], "文明创建", author="t")
        add_tag(session, [a, b], "垃圾分类", author="t")
    with library.session() as session:
        found = suggest_for_article(session, a)
    assert found[0].name == "文明创建" and found[0].reason == "existing tag" and found[0].tag_id is not None
    assert "垃圾分类" not in names(found)  # the article has it already
    assert {"姜鸣", "芷江西路街道"} <= set(names(found))


def test_dismissed_suggestions_stay_dismissed(library: Library) -> None:
    with library.writing() as session:
        a = make_article(session, "外滩街道工会开会", ["街道总工会主席金武作报告。金武表示,要服务职工。"])
        other = make_article(session, "外滩街道", ["金武参加。"])
    with library.session() as session:
        assert "金武" in names(suggest_for_article(session, a))
    with library.writing() as session:
        dismiss_suggestion(session, a, "金武")
        dismiss_suggestion(session, a, "外灘街道")  # any script
        dismiss_suggestion(session, a, "金武")  # twice is harmless
    with library.session() as session:
        found = names(suggest_for_article(session, a))
        assert "金武" not in found and "外滩街道" not in found
        assert "金武" in names(suggest_for_article(session, other))
    with library.writing() as session:  # adding tags or recounting does not bring it back
        add_tag(session, [other], "金武", kind="person", author="t")
        recompute_idf(session)
    with library.session() as session:
        assert "金武" not in names(suggest_for_article(session, a))
    with library.writing() as session:
        undismiss_suggestion(session, a, "金武")
    with library.session() as session:
        assert "金武" in names(suggest_for_article(session, a))


def test_user_words_are_kept_whole_at_once(library: Library) -> None:
    assert "芷心工作坊" not in [t.word for t in segmenter.tokens("芷心工作坊开展活动")]
    with library.writing() as session:
        add_user_word(session, "芷心工作坊", kind="organisation")
    tokens = {t.word: t.pos for t in segmenter.tokens("芷心工作坊开展活动")}
    assert tokens.get("芷心工作坊") == "nt"


def _idf_articles(library: Library, n: int, common: str = "垃圾分类", rare: str = "加装电梯") -> list[int]:
    with library.writing() as session:
        every_tenth = rare + "进展顺利。"
        return [
            make_article(session, f"第{i}期", [f"本期介绍{common}。{every_tenth if i % 10 == 0 else ''}"])
            for i in range(n)
        ]


PROBE = "垃圾分类和加装电梯。垃圾分类和加装电梯都是居民关心的事。"


def test_idf_comes_from_the_library_once_it_is_big_enough(library: Library, tmp_path: Path) -> None:
    """A term every article of the library names weighs less than one a tenth of them name: each of two
    terms scores higher in the library where it is the rare one (the same article, the same words)."""
    ids = _idf_articles(library, MIN_LIBRARY_DOCS + 10)
    with library.writing() as session:
        probe = make_article(session, "报道", [PROBE])
        small = library_idf(session, ["垃圾分类"])
        assert small.ceiling == segmenter.bundled_idf()[1]  # too few counted: jieba's table
        assert refresh_idf(session) == len(ids) + 1
    with library.session() as session:
        idf = library_idf(session, ["垃圾分类", "加装电梯"])
        assert idf.of("垃圾分类") < idf.of("加装电梯") < idf.default
        scores = {s.name: s.score for s in suggest_for_article(session, probe)}
    swapped = open_library(tmp_path / "swapped.sqlite3")
    try:
        _idf_articles(swapped, MIN_LIBRARY_DOCS + 10, common="加装电梯", rare="垃圾分类")
        with swapped.writing() as session:
            other = make_article(session, "报道", [PROBE])
            refresh_idf(session)
        with swapped.session() as session:
            swapped_scores = {s.name: s.score for s in suggest_for_article(session, other)}
    finally:
        swapped.close()
    assert scores["加装电梯"] > swapped_scores.get("加装电梯", 0.0)  # rare here, common there
    assert swapped_scores["垃圾分类"] > scores["垃圾分类"]  # common here, rare there


def test_the_library_idf_of_every_term_is_read_from_its_counts(library: Library) -> None:
    """Terms that can have no count (one character, Latin, digits, mixed) are not looked up, and get the
    IDF of a term no article holds, as every term the library has not counted."""
    _idf_articles(library, MIN_LIBRARY_DOCS + 10)
    with library.writing() as session:
        refresh_idf(session)
    with library.session() as session:
        counts = dict(session.execute(select(TermDocFrequency.term, TermDocFrequency.df)).all())
        n_docs = session.get_one(IdfStats, 1).n_docs
        odd = ["社", "a", "APP", "12", "5g", "垃圾分类a", "从未出现过的词"]
        idf = library_idf(session, [*counts, *odd])
    table, median = segmenter.bundled_idf()
    for term in [*counts, *odd]:
        expected = (math.log((n_docs + 1) / (counts.get(term, 0) + 1)) + 1) * min(
            1.0, table.get(term, median) / median
        )
        assert idf.of(term) == pytest.approx(expected), term
    assert counts["垃圾分类"] == n_docs and idf.of("垃圾分类") < idf.of("加装电梯")


def test_idf_updates_are_incremental_and_match_a_recount(library: Library) -> None:
    ids = _idf_articles(library, 20)
    with library.writing() as session:
        assert update_idf(session, ids[:10]) == 10
        assert update_idf(session, ids[:15]) == 5  # the first ten are not counted twice
        assert refresh_idf(session) == 5
        incremental = dict(session.execute(select(TermDocFrequency.term, TermDocFrequency.df)).all())
        assert recompute_idf(session) == 20
        recounted = dict(session.execute(select(TermDocFrequency.term, TermDocFrequency.df)).all())
        stats = session.get_one(IdfStats, 1)
    assert incremental == recounted and stats.n_docs == 20
    assert recounted["垃圾分类"] == 20 and recounted["加装电梯"] == 2


@pytest.mark.corpus
def test_corpus_suggestions_read_like_an_archivists_choice(
    library: Library, corpus_files: list[Path]
) -> None:
    with library.write_session() as session:
        report = import_files(session, [*corpus_files, SAMPLE_ISSUE])
    assert report.ok and len(report.imported) == 4
    with library.writing() as session:
        refresh_idf(session)
    expected = {
        # the archivist's labels written in the article (外滩街道, also theirs, is not)
        "000": ({"卞唯敏", "零距离家园", "书记工作室", "张理群", "牟建林"}, None),
        "001": ({"花木街道"}, None),
        "002": ({"姜鸣", "芷江西路街道", "柯琪"}, None),
    }
    bylines = {"000": "梁炜晶", "001": "徐云"}  # offered, after the people the article is about
    with library.session() as session:
        issues = {i.source_name[:3]: i.id for i in session.scalars(select(Issue))}
        for prefix, (wanted, starting) in expected.items():
            first = session.scalars(
                select(Article.id).where(Article.issue_id == issues[prefix]).order_by(Article.position)
            ).first()
            assert first is not None
            top = names(suggest_for_article(session, first, limit=10))
            assert wanted <= set(top), (prefix, top)
            if starting:
                assert any(n.startswith(starting) for n in top), (prefix, top)
            if prefix in bylines:
                every = suggest_for_article(session, first, limit=100)
                assert (bylines[prefix], "byline") in [(s.name, s.reason) for s in every], prefix
        corpus_ids = [i for p, i in issues.items() if p in expected]
        for article_id in session.scalars(select(Article.id).where(Article.issue_id.in_(corpus_ids))):
            top = names(suggest_for_article(session, article_id, limit=10))
            assert not set(top) & GENERIC, (article_id, top)


def test_the_article_shown_is_cut_once() -> None:
    segmenter.ensure_loaded()
    segmenter.clear_token_cache()
    before = segmenter.cut_count()
    content = ArticleContent("芷江西路街道召开会议", "书记卞唯敏介绍了“邻里汇”的做法。“邻里汇”很受欢迎。")
    first = suggest(content, FLAT_IDF)
    again = suggest(content, FLAT_IDF)
    assert first == again and first
    assert segmenter.cut_count() == before + 1
    tokens = segmenter.tokens(content.headings + "\n" + content.body)
    tokens.clear()  # the caller's list is its own
    assert segmenter.tokens(content.headings + "\n" + content.body)
    assert segmenter.cut_count() == before + 1


def test_a_name_applied_does_not_come_back_with_what_it_did(library: Library) -> None:
    """Once 韩立新 is applied to the sample's first article, 韩立新出席会议 (the name and a verb phrase, named
    once while the name is named three times) is that name again, not a tag (seen under Xvfb)."""
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    with library.writing() as session:
        article = session.scalars(select(Article.id).order_by(Article.id)).first()
        assert article is not None
        before = names(suggest_for_article(session, article, limit=30))
        assert "韩立新" in before
        add_tag(session, [article], "韩立新", kind="person", author="t")
    with library.session() as session:
        offered = names(suggest_for_article(session, article, limit=30))
    assert [n for n in offered if n.startswith("韩立新")] == [], offered
    assert "梅园街道" in offered
