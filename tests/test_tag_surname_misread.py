"""A surname jieba reads as a character or a noun (刘/zg 桂兰, 钱/n 秀英, 熊/n 德华) still opens a person's
name when a given name follows it; a surname character used as a word (一车垃圾, 和居民) opens none."""

from __future__ import annotations

import pytest

from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, merge_names, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _people(headings: str, body: str) -> dict[str, str]:
    found = suggest(ArticleContent(headings, body), FLAT_IDF, limit=20, ranker=default_ranker())
    return {fold(s.name): s.kind for s in found}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("天气转冷,附近居民刘桂兰每天都来驿站喝杯热水。刘桂兰说,这里比家里还暖和。", "刘桂兰"),
        ("住在17号的钱秀英阿婆最担心改造期间住到哪里。钱秀英说,她在这里住了四十年。", "钱秀英"),
        ("车间主任熊德华介绍,新设备投用后效率提高了一倍。熊德华说,工人们都很高兴。", "熊德华"),
    ],
)
def test_a_misread_surname_and_its_given_name_are_a_person(body: str, name: str) -> None:
    for text in (body, "　　" + body, traditional(body), body.replace("。", "。\n")):
        merged = merge_names(segmenter.tokens(text))
        assert any(t.word == name and t.pos == "nr" for t in merged), [(t.word, t.pos) for t in merged][:20]
        assert _people("社区新闻", text).get(name) == "person", text


def test_a_surname_character_used_as_a_word_opens_no_name() -> None:
    for body in ("志愿者拉走了一车垃圾,又运来一车稻谷。", "社区和居民一起商量,和游客一起打扫。"):
        merged = merge_names(segmenter.tokens(body))
        assert not any(t.pos == "nr" for t in merged), [(t.word, t.pos) for t in merged]
