"""Bigram FTS5 search on a real SQLite database: exact, script-insensitive, literal."""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.script import search_fold
from reader.core.search_index import (
    CHARS_TABLE,
    FTS_TABLE,
    TERMS_TABLE,
    characters_for,
    clear_index,
    create_index_ddl,
    drop_index_ddl,
    find_hits,
    index_new_payloads,
    index_rows,
    match_query,
    payload_for,
    reindex_row,
    remove_rows,
    search_ids,
    snippet,
    tokens_for,
)
from reader.core.search_tokens import _pack, _prepare, _unpack

ARTICLES = {
    1: "陆家嘴社区举办“零距离”服务活动\n居民纷纷点赞",
    2: "陸家嘴的里弄：書香社區",
    3: "Ｐｕｄｏｎｇ NEWS: AND ( a OR b ) NEAR(x, y) * 5\"quoted\" 'x'-y^2",
    4: "图片新闻 里",
    5: "书",
}


def _engine() -> sa.Engine:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        for statement in create_index_ddl():
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE vocab USING fts5vocab({FTS_TABLE}, 'row')")
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE chars_vocab USING fts5vocab({CHARS_TABLE}, 'row')")
    return engine


def _assert_index_empty(conn: sa.Connection) -> None:
    """No term is left in either FTS table, and both pass FTS5's own check."""
    assert conn.exec_driver_sql("SELECT count(*) FROM vocab").scalar() == 0
    assert conn.exec_driver_sql("SELECT count(*) FROM chars_vocab").scalar() == 0
    for table in (FTS_TABLE, CHARS_TABLE):
        conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def _scan(texts: dict[int, str], query: str) -> list[int]:
    words = search_fold(query).split()
    if not words:
        return []
    return sorted((i for i, t in texts.items() if all(w in search_fold(t) for w in words)), reverse=True)


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    with _engine().begin() as connection:
        index_rows(connection, ARTICLES.items())
        yield connection


def test_tokens_are_bigrams_per_run_plus_each_runs_last_character() -> None:
    assert tokens_for("陸家嘴 “零”\n书") == "陆家 家嘴 嘴 “零 零” ” 书"
    assert tokens_for("  ") == ""


def test_the_folded_text_is_kept_as_utf16_and_the_older_compressed_form_is_still_read() -> None:
    text = _prepare("陸家嘴 Ａ\n𠀋,")
    packed = _pack(text)
    assert packed == b"\x00" + text.encode("utf-16-le")
    assert _unpack(packed) == text
    assert _unpack(zlib.compress(text.encode("utf-8"), 1)) == text  # as libraries before kept it
    assert _unpack(_pack("")) == ""


def test_the_characters_table_gets_every_character_but_white_space() -> None:
    assert characters_for("陸 家\u3000嘴\n書\x01陸,") == "陆 家 嘴 书 陆 ,"
    assert characters_for("書") == "书"
    assert characters_for(" \n ") == ""


def _tokens_run_by_run(text: str) -> str:
    """The token string built the plain way: each run's bigrams, then its last character."""
    parts: list[str] = []
    for run in search_fold(text).split():
        parts.extend(run[i : i + 2] for i in range(len(run) - 1))
        parts.append(run[-1])
    return " ".join(parts)


def test_the_whole_text_tokens_equal_the_run_by_run_ones() -> None:
    """One-character runs, runs at either end, every kind of whitespace, characters past the BMP."""
    rng = random.Random(17)
    alphabet = "ab陆家嘴“”,。 \t\n\r\u3000\u00a0\u2028\x01x😀\U00020000 "
    texts = ["", "x", " x ", "a b c", "陆 家嘴 x", "ab", "ab c"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        assert tokens_for(text) == _tokens_run_by_run(text.translate({1: " "})), repr(text)


def test_ddl_is_idempotent_can_be_dropped_and_survives_text() -> None:
    """Alembic's ``op.execute`` wraps the statements in ``text()``: no bind parameter may appear."""
    engine = _engine()
    with engine.begin() as conn:
        for statement in create_index_ddl() + drop_index_ddl() + create_index_ddl():
            conn.execute(sa.text(statement))
        index_rows(conn, [(1, "a:b")])
        assert search_ids(conn, ":b") == [1]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("陆", [2, 1]),
        ("里", [4, 2]),  # 里 ends the run in article 4
        ("书", [5, 2]),  # a one-character article
        ("陆家", [2, 1]),
        ("零距离", [1]),
        ("“零距离", [1]),
        ("陸家嘴", [2, 1]),  # traditional query finds simplified text
        ("书香社区", [2]),  # simplified query finds traditional text
        ("里弄", [2]),
        ("pudong", [3]),  # full-width text, half-width query
        ("PUDONG news", [3]),
        ("社区 居民", [1]),
        ("社区 书", [2]),
        ("陆家嘴 图片", []),
        ("嘴社区举", [1]),
        ("服务活动居民", []),  # does not cross a line break
        ("距离”", [1]),
        ("不存在", []),
    ],
)
def test_search(conn: sa.Connection, query: str, expected: list[int]) -> None:
    assert search_ids(conn, query) == expected
    assert search_ids(conn, query) == _scan(ARTICLES, query)


@pytest.mark.parametrize(
    "query", ['"', "AND (", "*", "a OR b", "NEAR(", '5"quoted"', "( a", "-", "'", "^", ":"]
)
def test_fts_syntax_is_searched_literally(conn: sa.Connection, query: str) -> None:
    expected = [3, 2] if query == ":" else [3]  # article 2's "：" is a ":" of the other width
    assert search_ids(conn, query) == _scan(ARTICLES, query) == expected


@pytest.mark.parametrize("query", ["NOT", "OR", '"" AND', "NEAR(陆 书)", "陆*", "{terms}: 陆", "^陆"])
def test_fts_syntax_never_raises_and_matches_the_scan(conn: sa.Connection, query: str) -> None:
    assert search_ids(conn, query) == _scan(ARTICLES, query)


def test_empty_query() -> None:
    assert match_query("") is None
    assert match_query(" \n\u3000") is None
    with _engine().begin() as conn:
        assert search_ids(conn, "   ") == []


def test_match_query_quotes_every_token() -> None:
    assert match_query('a"b 陆 陆 AND') == ('"a"" ""b" AND "an nd"', '"陆"')
    assert match_query('陆 "') == (None, '"陆" AND """"')


def test_limit_and_newest_first(conn: sa.Connection) -> None:
    assert search_ids(conn, "陆", limit=1) == [2]
    assert search_ids(conn, "陆", limit=0) == []


def test_a_long_word_needs_its_bigrams_together_not_just_present() -> None:
    """A word's bigrams present apart do not make a match: only the word itself does."""
    texts = {1: "甲乙丙 乙丙丁", 2: "甲乙丙丁", 3: "丁丙乙甲 甲乙", 4: "乙丙丁甲乙"}
    with _engine().begin() as conn:
        index_rows(conn, texts.items())
        for query in ["甲乙丙丁", "乙丙丁", "丙丁甲", "甲乙丙 丁", "乙丙 丙丁", "丙丁甲乙"]:
            assert search_ids(conn, query) == _scan(texts, query), query
        assert search_ids(conn, "甲乙丙丁") == [2]


def test_a_limit_keeps_the_newest_matches_among_near_misses() -> None:
    """The newest matches come first whatever the number of near misses around them."""
    texts = {i: "甲乙丙" if i % 300 == 0 else "甲乙 乙丙" for i in range(1, 1501)}
    with _engine().begin() as conn:
        index_rows(conn, texts.items())
        assert search_ids(conn, "甲乙丙") == [1500, 1200, 900, 600, 300]
        assert search_ids(conn, "甲乙丙", limit=3) == [1500, 1200, 900]
        assert search_ids(conn, "甲乙丙", limit=5) == search_ids(conn, "甲乙丙", limit=9)
        assert search_ids(conn, "乙丙", limit=2) == [1500, 1499]


def test_reindex_after_edit_drops_old_hits_and_adds_new(conn: sa.Connection) -> None:
    reindex_row(conn, 2, "浦东新区 新闻")
    assert search_ids(conn, "陆家嘴") == [1]
    assert search_ids(conn, "书") == [5]
    assert search_ids(conn, "浦东") == [2]
    assert search_ids(conn, "浦") == [2]


def test_indexing_an_existing_id_replaces_it(conn: sa.Connection) -> None:
    index_rows(conn, [(5, "旧"), (5, "浦")])
    assert search_ids(conn, "书") == [2]
    assert search_ids(conn, "旧") == []
    assert search_ids(conn, "浦") == [5]
    assert conn.exec_driver_sql(f"SELECT count(*) FROM {TERMS_TABLE}").scalar() == 5


def test_remove(conn: sa.Connection) -> None:
    remove_rows(conn, [1, 99])
    assert search_ids(conn, "陆") == [2]
    remove_rows(conn, iter([]))


def test_removing_everything_leaves_an_empty_index(conn: sa.Connection) -> None:
    """The 'delete' commands used exactly the inserted tokens: no term is left over."""
    reindex_row(conn, 1, "改过的文字")
    remove_rows(conn, list(ARTICLES))
    _assert_index_empty(conn)
    assert conn.exec_driver_sql(f"SELECT count(*) FROM {TERMS_TABLE}").scalar() == 0


def test_imported_payloads_index_and_delete_like_text() -> None:
    """The importer's payloads (tokens as UTF-8 bytes) give the tokens a later edit deletes as text."""
    with _engine().begin() as conn:
        index_new_payloads(conn, [(aid, payload_for(text)) for aid, text in ARTICLES.items()])
        for query in ["陆", "陆家嘴", "社区 居民", "pudong", "书"]:
            assert search_ids(conn, query) == _scan(ARTICLES, query)
        reindex_row(conn, 1, "改过的文字")
        remove_rows(conn, list(ARTICLES))
        _assert_index_empty(conn)


def test_clear_index(conn: sa.Connection) -> None:
    clear_index(conn)
    assert search_ids(conn, "陆") == []
    index_rows(conn, [(7, "陆")])
    assert search_ids(conn, "陆") == [7]


def test_find_hits_in_the_original_text() -> None:
    text = "臺灣的陸家嘴，陆家嘴"
    assert find_hits(text, "陆家嘴") == [(3, 6), (7, 10)]
    assert find_hits(text, "台湾 嘴") == [(0, 2), (5, 6), (9, 10)]
    assert find_hits(text, "陆家 家嘴") == [(3, 6), (7, 10)]  # overlapping hits merge
    assert find_hits(text, "陆 上海") == []  # every word must occur
    assert find_hits(text, " ") == []
    assert find_hits("ａａａ", "AA") == [(0, 2)]


def test_snippet_centres_the_first_hit() -> None:
    text = "甲" * 50 + "陆家嘴" + "乙\n" * 30
    spans = find_hits(text, "陆家嘴")
    passage, inside = snippet(text, spans, width=20)
    assert passage.startswith("…") and passage.endswith("…")
    assert "\n" not in passage
    assert [passage[s:e] for s, e in inside] == ["陆家嘴"]
    assert len(passage) == 22


def test_snippet_at_the_edges_and_without_hits() -> None:
    assert snippet("陆家嘴在浦东", [(0, 3)], width=40) == ("陆家嘴在浦东", [(0, 3)])
    assert snippet("甲乙丙", [], width=2) == ("甲乙…", [])
    text = "甲" * 10 + "陆家嘴"
    passage, inside = snippet(text, [(10, 13)], width=5)
    assert passage == "…甲甲陆家嘴"
    assert [passage[s:e] for s, e in inside] == ["陆家嘴"]


def test_snippet_clips_spans_to_the_passage() -> None:
    text = "陆" * 100
    passage, inside = snippet(text, [(40, 42), (45, 80)], width=10)
    assert all(0 <= s < e <= len(passage) for s, e in inside)
    assert inside[0] == (passage.index("陆") + 4, passage.index("陆") + 6)


ALPHABET = '陆陸家嘴里裡裏书書着著ＡAab1１"*()“”，。- \n'
texts_strategy = st.dictionaries(
    st.integers(min_value=1, max_value=40), st.text(alphabet=ALPHABET, max_size=30), max_size=12
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=texts_strategy, data=st.data())
def test_search_equals_a_substring_scan(texts: dict[int, str], data: st.DataObject) -> None:
    queries: list[str] = data.draw(st.lists(st.text(alphabet=ALPHABET, max_size=5), max_size=6))
    for text in list(texts.values())[:4]:  # substrings, so that many queries do hit
        start = data.draw(st.integers(0, len(text)))
        queries.append(text[start : start + data.draw(st.integers(1, 4))])
    queries.append(" ".join(queries[-2:]))
    with _engine().begin() as conn:
        index_rows(conn, texts.items())
        for query in queries:
            expected = _scan(texts, query)
            assert search_ids(conn, query) == expected, query
            assert [i for i in sorted(texts, reverse=True) if find_hits(texts[i], query)] == expected
        # edit and remove some, then check again
        edited = dict(texts)
        for article_id in list(texts)[::2]:
            edited[article_id] = data.draw(st.text(alphabet=ALPHABET, max_size=30))
            reindex_row(conn, article_id, edited[article_id])
        for article_id in list(texts)[1::3]:
            del edited[article_id]
        remove_rows(conn, [i for i in texts if i not in edited])
        for query in queries:
            assert search_ids(conn, query) == _scan(edited, query), query


def test_words_of_one_character_and_longer_together_match_the_scan_at_every_limit() -> None:
    """One-character words (the characters' table) and longer ones (the bigram table) are ANDed exactly,
    newest first, however a limit cuts the list."""
    rng = random.Random(7)
    texts = {i: "".join(rng.choices("甲乙丙丁戊己 ", k=rng.randint(1, 12))) for i in range(1, 401)}
    with _engine().begin() as conn:
        index_rows(conn, texts.items())
        queries = ["甲 乙丙", "戊 己 甲乙", "丁丙乙 甲", "己 甲乙丙丁", "甲 甲乙", "乙丙 乙 丙", "庚 甲乙"]
        for query in queries:
            expected = _scan(texts, query)
            assert search_ids(conn, query) == expected, query
            for limit in (0, 1, 3, 50):
                assert search_ids(conn, query, limit=limit) == expected[:limit], (query, limit)
        assert search_ids(conn, "庚 甲乙") == []
