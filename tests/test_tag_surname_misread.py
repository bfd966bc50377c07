"""A surname jieba reads as a character or a noun (刘/zg 桂兰, 钱/n 秀英, 熊/n 德华) still opens a person's
name when a given name follows it; a surname character used as a word (一车垃圾, 和居民) opens none."""

from __future__ import annotations

from itertools import pairwise

import pytest

from reader.core import segmenter, tag_name_chains
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


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("独居的82岁老人许秀英记性不好,网格员每天上门看看许秀英。", "许秀英"),  # 许/m: a numeral
        ("修鞋的老师傅常福田在巷口摆摊三十年,常福田说手艺不能丢。", "常福田"),  # 常/d + 福田/ns
        ("原告、茶农余大发去年把两千斤茶叶卖给收购站。余大发说,货款一直没有结清。", "余大发"),  # 余/m
        ("社区卫生服务站护士于红梅每周上门。于红梅说老人们都认识她。", "于红梅"),  # 于/p: a preposition
        ("会员任红霞等10人获奖。", "任红霞"),  # 任/r
    ],
)
def test_a_surname_jieba_reads_as_a_numeral_adverb_pronoun_or_preposition_opens_a_name(
    body: str, name: str
) -> None:
    """Round 18: the same misreading with the surname read as another word (许/m, 常/d, 于/p, 任/r), the
    given name read as a name or a place (秀英/nr, 福田/ns)."""
    for text in (body, "　　" + body, body.replace(",", "，")):
        merged = merge_names(segmenter.tokens(text))
        assert any(t.word == name and t.pos == "nr" for t in merged), [(t.word, t.pos) for t in merged][:20]
        assert _people("社区新闻", text).get(name) == "person", text


def test_a_form_of_address_or_a_place_after_a_preposition_or_conjunction_is_no_name() -> None:
    """许/m + 阿婆 is how the neighbours call her; 和/c + 上海, 向/p + 成都 are places; 向/p + 雷锋 is a
    preposition and a name."""
    for body in (
        "张阿姨和许阿婆一起散步。",
        "党员和上海来的志愿者一起打扫。",
        "讲解员向成都的游客介绍老街。",
        "社区开展向雷锋同志学习活动,志愿者向雷锋学习。",  # 向/p + 雷锋/nr: towards, not a surname
    ):
        merged = merge_names(segmenter.tokens(body))
        assert not any(t.pos == "nr" and len(t.word) == 3 for t in merged), [(t.word, t.pos) for t in merged]


def test_a_surname_character_used_as_a_word_opens_no_name() -> None:
    for body in ("志愿者拉走了一车垃圾,又运来一车稻谷。", "社区和居民一起商量,和游客一起打扫。"):
        merged = merge_names(segmenter.tokens(body))
        assert not any(t.pos == "nr" for t in merged), [(t.word, t.pos) for t in merged]


@pytest.mark.parametrize(
    ("body", "name", "piece"),
    [
        ("红阳村村委会主任张德明说,村里的篮球赛已经办了几十年。", "张德明", "张德"),
        ("10岁的队员王子涵说,他的梦想是在家乡的球场踢球。", "王子涵", "王子"),
        ("街道党工委书记贲志华为夜巡队授旗。", "贲志华", "贲志"),
        ("计算机学院大三学生马骁说,老人最怕的是手机上的验证码。", "马骁", None),
    ],
)
def test_a_names_last_character_glued_to_the_verb_after_it_is_the_names(
    body: str, name: str, piece: str | None
) -> None:
    """jieba reads 张德 + 明说, 贲志 + 华为: the name ends before 说, 在 or 为."""
    for text in (body, "　　" + body, traditional(body)):
        tokens = tag_name_chains.split_glued_verbs(segmenter.tokens(text))
        assert any(t.word == name and t.pos == "nr" for t in tokens), [(t.word, t.pos) for t in tokens]
        assert "".join(t.word for t in tokens) == fold(text)  # no character lost or doubled
        assert all(a.end == b.start for a, b in pairwise(tokens))
        people = _people("社区新闻", text)
        assert people.get(name) == "person" and (piece is None or piece not in people), people


def test_a_word_closing_with_say_or_at_after_a_common_noun_is_no_name() -> None:
    for body in ("项目正在推进,车辆可以进出。", "党员代表说,游客可以在这里休息。"):
        tokens = tag_name_chains.split_glued_verbs(segmenter.tokens(body))
        assert [t.word for t in tokens] == [t.word for t in segmenter.tokens(body)]
