"""Tag suggestions, round 20 (found in NEW24's misses and checked against every development part):

- the people of a list are offered one by one, with the reason ``list``, also when each carries its
  street or unit in brackets (马永福(拓东街道)、王淑芬(鼓楼街道)、…); a list of things is no list of people;
- two names joined by 和/与 stay two (青云实验小学与岩峰小学, …办公室和昆明市兰花协会), while one name
  with 和 inside stays one (文化和旅游局);
- a street, community or estate is not named by one character (中韩街道, not 韩街道; 合欢苑小区);
- a name jieba glued to the particle before it is cut from it (采访了 + 莲秀社区, 侨联和 + 嘉莲街道);
- a dictionary noun named once (糖尿病, 消防安全) is a candidate the learned ranker weighs.
"""

from __future__ import annotations

import pytest

from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_candidates import suffixed
from reader.core.tag_listed_people import listed_people
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import SURNAMES, ArticleContent, Idf, plausible_person, suggest
from reader.core.tag_word_edges import split_conjunction_places
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)

HONOURED = (
    "他们是(按姓氏笔画排序):马永福(拓东街道)、王淑芬(鼓楼街道)、孔德昌(东华街道)、付兰英(联盟街道)、"
    "李正荣(金辰街道)、何美仙(青云街道)、张国栋(龙泉街道)、岳桂珍(茨坝街道)、谢有才(双龙街道)。"
)


def _listed(text: str) -> dict[str, str]:
    found = listed_people(segmenter.tokens(text), text, SURNAMES, plausible_person)
    return {c.key: c.reason for c in found}


def _suggested(body: str, title: str = "社区新闻") -> dict[str, tuple[str, str]]:
    found = suggest(ArticleContent(title, body), FLAT_IDF, limit=40, ranker=default_ranker())
    return {s.name: (s.kind, s.reason) for s in found}


@pytest.mark.parametrize(
    "text",
    [
        HONOURED,
        HONOURED.replace("(", "（").replace(")", "）"),  # full-width brackets
        HONOURED.replace("他们是(按姓氏笔画排序):", "获评的有"),  # words before the first name
        HONOURED.replace("街道)", "社区居委会)"),  # another affiliation
    ],
)
def test_every_person_of_a_bracketed_list_is_listed(text: str) -> None:
    listed = _listed(text)
    for name in ("马永福", "王淑芬", "孔德昌", "付兰英", "李正荣", "何美仙", "张国栋", "岳桂珍", "谢有才"):
        assert listed.get(name) == "list", (name, listed)
    assert not any(key.endswith(("街道", "居委会")) for key in listed)


def test_a_plain_list_gives_its_names_first_and_last_too() -> None:
    listed = _listed("本次获评的有丁国强、范丽萍、俞卫东、汤秋月、贺志刚等5人。")
    assert set(listed) == {"丁国强", "范丽萍", "俞卫东", "汤秋月", "贺志刚"}


@pytest.mark.parametrize(
    "text",
    [
        "上海大学(宝山校区)、复旦大学(邯郸校区)、同济大学(四平路校区)三所高校参加。",
        "集市上有苹果、香蕉、橘子和西瓜。",
        "社区、街道、居委会等单位参加了会议。",
        "活动设书法(楷书)、绘画(国画)、剪纸(窗花)三个项目。",
    ],
)
def test_a_list_of_things_is_no_list_of_people(text: str) -> None:
    assert _listed(text) == {}


def test_the_listed_people_are_suggested_as_people_in_both_scripts() -> None:
    body = "本报讯 近日,盘龙区文明办评出首届“最美楼栋长”,十名楼栋长获得表彰。\n" + HONOURED
    for text in (body, traditional(body)):
        found = _suggested(text)
        people = [name for name, (kind, reason) in found.items() if kind == "person" and reason == "list"]
        assert len(people) >= 8, found


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("盘龙区青云实验小学与岩峰小学结对共建。", "岩峰小学", "小学与岩峰小学"),
        ("兰展由景星花鸟市场管理办公室和昆明市兰花协会主办。", "昆明市兰花协会", "办公室和昆明市兰花协会"),
        ("区文化和旅游局、区卫生健康委员会参加。", "文化和旅游局", "旅游局"),
        ("五华区林业和草原局开展检查。", "五华区林业和草原局", "草原局"),
    ],
)
def test_two_names_joined_by_and_stay_two(text: str, wanted: str, not_wanted: str) -> None:
    keys = {f.key for f in suffixed(segmenter.tokens(text), text, text, set())}
    assert wanted in keys
    assert not_wanted not in keys
    found = _suggested(text)
    assert wanted in found
    assert not_wanted not in found


@pytest.mark.parametrize(
    ("text", "whole", "cut"),
    [
        ("12月2日,崂山区中韩街道组织机关干部参加献血。", "中韩街道", "韩街道"),
        ("去年在合欢苑小区8个楼栋的南面加装了电梯。", "合欢苑小区", "苑小区"),
    ],
)
def test_no_street_or_estate_is_named_by_one_character(text: str, whole: str, cut: str) -> None:
    for body in (text, "　　" + text, traditional(text)):
        found = _suggested(body)
        names = {n for n in found}
        assert traditional(whole) in names or whole in names, found
        assert cut not in names and traditional(cut) not in names


def test_a_one_character_street_after_a_preposition_is_not_offered_as_a_suffix_name() -> None:
    text = "记者在韩街道采访。"
    keys = {f.key for f in suffixed(segmenter.tokens(text), text, text, set())}
    assert "韩街道" not in keys
    assert "在韩街道" not in keys


@pytest.mark.parametrize(
    ("text", "glued", "name"),
    [
        ("记者采访了莲秀社区党委书记王淑英。", "了莲秀社区", "莲秀社区"),
        ("中秋将至,思明区侨联和嘉莲街道联合举办游园会。", "侨联和嘉莲街道", "嘉莲街道"),
    ],
)
def test_a_name_glued_to_the_particle_before_it_is_cut_from_it(text: str, glued: str, name: str) -> None:
    words = [t.word for t in split_conjunction_places(segmenter.tokens(text))]
    assert any(w == name[: len(w)] and len(w) >= 2 for w in words)
    found = _suggested(text)
    assert name in found
    assert glued not in found


def test_a_disease_named_once_is_a_candidate() -> None:
    body = (
        "本报讯 湛山街道社区卫生服务中心开始为老人接种流感疫苗。中心医生说,流感疫苗今年供应充足;"
        "有高血压、糖尿病的老人,接种流感疫苗前要先量血压。流感疫苗接种点设在中心二楼,"
        "接种流感疫苗后需留观三十分钟,已有八百多名老人接种了流感疫苗。"
    )
    for text in (body, traditional(body)):
        found = suggest(ArticleContent("老人接种流感疫苗", text), FLAT_IDF, limit=60, ranker=None)
        names = {fold(s.name): s.reason for s in found}
        assert names.get("糖尿病") == "keyword", names
        assert names.get("高血压") == "keyword", names
        assert "本报讯" not in names
