"""Layouts a QA pass found cut wrongly (qaseg22): datelines without brackets, 【title】text briefs,
titles over a first paragraph with no dateline, English running heads and section labels.

Every text here is checked for nothing lost, and in the shapes other OCR engines write
(hard-wrapped, indented and wrapped, under a masthead) for the same articles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import opencc
import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.model import ParsedIssue
from reader.core.script import han_simplified
from reader.core.segment import segment
from reader.core.segment.datelines import bare_dateline_end
from reader.services.importing import Outcome, import_files
from tests.corpus_shapes import SHAPES, reshaped, squeeze
from tests.test_segment_coverage import assert_covers_exactly


def _outline(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(b.role) for b in a.blocks] for a in parsed.articles]


def _titles(parsed: ParsedIssue) -> list[str]:
    return [next((b.text for b in a.blocks if str(b.role) == "title"), "") for a in parsed.articles]


def _article_texts(text: str, parsed: ParsedIssue) -> list[str]:
    return [squeeze(text[a.span[0] : a.span[1]]) for a in parsed.articles]


def _traditional(text: str) -> str:
    out = opencc.OpenCC("s2t").convert(text)
    return out if len(out) == len(text) else "".join(opencc.OpenCC("s2t").convert(c) for c in text)


def _segment(text: str) -> ParsedIssue:
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    return parsed


# -- 1. datelines without brackets -------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("本报讯 记者从市交通委获悉,下周起新开通三条公交线路。", "本报讯"),
        ("本报讯\u3000记者从市交通委获悉,下周起新开通三条公交线路。", "本报讯"),
        ("本报讯:近日,社区开展垃圾分类宣传。", "本报讯"),
        ("本报讯\uff1a近日,社区开展垃圾分类宣传。", "本报讯"),
        ("本报讯记者从市交通委获悉,下周起新开通三条公交线路。", "本报讯"),
        ("本报5月7日讯 记者从区建管委获悉,道路改造已进入收尾阶段。", "本报5月7日讯"),
        ("本报北京5月7日电 全国夏粮收购工作今天启动。", "本报北京5月7日电"),
        ("本报综合消息 近日,多地出台新规。", "本报综合消息"),
        ("据新华社电 国家统计局今天发布数据。", "据新华社电"),
        ("新华社北京5月7日电 国家粮食和物资储备局7日表示。", "新华社北京5月7日电"),
        ("新华社华盛顿五月七日电 美国商务部7日公布数据。", "新华社华盛顿五月七日电"),
        ("中新网5月7日电 据气象部门预报,本周将有强降雨。", "中新网5月7日电"),
        ("央视网消息:日前,多部门联合发布通知。", "央视网消息"),
        ("长江日报讯 近日,武汉新开三条公交线路。", "长江日报讯"),
    ],
)
def test_a_dateline_without_brackets_is_read(line: str, dateline: str) -> None:
    assert bare_dateline_end(line) == len(dateline)
    traditional = _traditional(line)
    assert bare_dateline_end(han_simplified(traditional)) == len(dateline)


@pytest.mark.parametrize(
    "line",
    [
        "本报记者从市电力公司获悉,用电高峰将至。",  # 记者 is no place
        "据新华社报道,全国夏粮收购启动。",  # goes on in the middle of articles
        "家里来电话说老人摔了一跤。",
        "新华社记者近日走访了十余个村庄。",
        "本月起,社区食堂延长供餐时间。",
        "据悉,活动将持续一周。",
    ],
)
def test_sentences_holding_such_words_are_no_datelines(line: str) -> None:
    assert bare_dateline_end(line) == 0


BARE = """\
区政府召开防汛工作会议
本报讯(记者 李明) 5月7日,区政府召开防汛防台工作会议,部署今年汛期各项准备工作。会议要求排查低洼地区。

我市新增三条公交线路
本报讯 记者从市交通委获悉,下周一起我市将新开通三条公交线路,方便城郊居民出行。

据新华社电 国家统计局今天发布数据,四月份全国居民消费价格同比上涨0.3%。

中新网5月7日电 据气象部门预报,本周南方地区将迎来新一轮强降雨过程。

社区食堂推出夏季新菜单
本报综合消息 入夏以来,各社区长者食堂陆续推出夏季新菜单,清淡可口。

全国夏粮收购工作启动
新华社北京5月7日电 国家粮食和物资储备局7日表示,今年夏粮收购工作全面启动。

社区卫生中心延长服务时间
本报记者 陈晓
本报讯:从本周起,梅园社区卫生服务中心门诊延长至晚上八点,方便上班族就医。
"""

BARE_OUTLINE = [
    ["title", "paragraph"],
    ["title", "paragraph"],
    ["paragraph"],
    ["paragraph"],
    ["title", "paragraph"],
    ["title", "paragraph"],
    ["title", "byline", "paragraph"],
]


def test_a_dateline_without_brackets_starts_an_article_and_the_line_above_is_its_title() -> None:
    parsed = _segment(BARE)
    assert _outline(parsed) == BARE_OUTLINE
    assert _titles(parsed)[1] == "我市新增三条公交线路"


def test_bare_datelines_with_ideographic_spaces_and_full_width_colons_and_no_separator() -> None:
    variants = [
        BARE.replace("本报讯 记者", "本报讯\u3000记者").replace("本报讯:从", "本报讯\uff1a从"),
        BARE.replace("本报讯 记者", "本报讯记者").replace("新华社电 ", "新华社电"),
        BARE.replace("本报讯 记者", "本报5月7日讯 记者"),
    ]
    for text in variants:
        assert _outline(_segment(text)) == BARE_OUTLINE


def test_bare_datelines_in_traditional_script() -> None:
    text = _traditional(BARE)
    assert "本報訊 記者" in text
    assert _outline(_segment(text)) == BARE_OUTLINE


def test_bare_datelines_in_one_paragraph_per_line_without_blank_lines() -> None:
    text = "\n".join(line for line in BARE.split("\n") if line)
    parsed = _segment(text)
    assert [len(a.blocks) for a in parsed.articles] == [len(o) for o in BARE_OUTLINE]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [14, 18, 22])
def test_bare_datelines_in_other_shapes(shape: str, width: int) -> None:
    shaped = reshaped(BARE, shape, width)
    parsed = _segment(shaped)
    # the same articles and titles (a wrapped line with a comma in a lead set right under its title may
    # still be lifted as a dropped caption: the repair pass's rule, not the datelines')
    assert [squeeze(t) for t in _titles(parsed)] == _titles(segment(BARE))
    assert _article_texts(shaped, parsed) == _article_texts(BARE, segment(BARE))


def test_a_bare_dateline_paragraph_keeps_every_character() -> None:
    parsed = _segment(BARE)
    body = [b.text for a in parsed.articles for b in a.blocks if str(b.role) == "paragraph"]
    assert squeeze("".join(body)).startswith("本报讯(记者李明)")
    assert "本报讯记者从市交通委获悉" in squeeze("".join(body))


# -- through the real importer -------------------------------------------------------------------
def test_the_importer_stores_the_bare_dateline_stories_as_articles(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "datelines.txt"
    path.write_text(BARE, encoding="utf-8")
    with library.write_session() as session:
        report = import_files(session, [path])
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED]
    with library.session() as session:
        titles = list(session.scalars(select(Article.title).order_by(Article.position)))
    assert titles == [
        "区政府召开防汛工作会议",
        "我市新增三条公交线路",
        None,
        None,
        "社区食堂推出夏季新菜单",
        "全国夏粮收购工作启动",
        "社区卫生中心延长服务时间",
    ]


# -- 3. 【title】text brief items, one per line --------------------------------------------------
INLINE_BRIEFS = """\
第2版 社区

短讯
【梅园街道举办消防演练】5月6日,梅园街道联合区消防救援支队在梅园新村举办消防应急演练,二百余名居民参加。
【杏林社区开展义诊】5月7日上午,杏林社区联合区中心医院开展义诊活动,为居民测量血压、血糖。
【老年大学春季班结业】本学期老年大学共开设书法、摄影、合唱等12门课程,近日举行结业典礼。
【“垃圾分类”宣传进校园】街道绿化市容所的工作人员走进梅园小学,给孩子们上了一堂垃圾分类课。
【社区书屋免费开放】社区书屋藏书五千余册,欢迎居民借阅。

居民运动会下月开幕
本报讯(记者 孙悦) 梅园街道第五届居民运动会将于6月8日开幕,设乒乓球、羽毛球等十个项目。
"""
INLINE_TITLES = [
    "【梅园街道举办消防演练】",
    "【杏林社区开展义诊】",
    "【老年大学春季班结业】",
    "【“垃圾分类”宣传进校园】",
    "【社区书屋免费开放】",
    "居民运动会下月开幕",
]


def test_bracketed_title_and_text_lines_are_one_item_each() -> None:
    parsed = _segment(INLINE_BRIEFS)
    assert _titles(parsed) == INLINE_TITLES
    assert _outline(parsed)[1:] == [["title", "paragraph"]] * 5
    assert parsed.articles[3].blocks[1].text.startswith("街道绿化市容所")


@pytest.mark.parametrize(
    "variant",
    [
        lambda text: text.replace("短讯\n", ""),  # no briefs label: the line's shape says it all
        lambda text: text.replace("【", "〖").replace("】", "〗"),
        lambda text: text.replace(
            "短讯\n", "社区新闻\n\n梅园社区举办邻里节\n本报讯 5月5日,梅园社区举办邻里节。\n"
        ),
        lambda text: _traditional(text),
    ],
    ids=["unlabelled", "white brackets", "after an article", "traditional"],
)
def test_bracketed_items_in_other_variants(variant: Callable[[str], str]) -> None:
    text = variant(INLINE_BRIEFS)
    titles = [squeeze(t) for t in _titles(_segment(text))]
    assert titles[-6:] == [squeeze(variant(t)) for t in INLINE_TITLES]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [14, 18, 22])
def test_bracketed_items_wrapped_at_a_column(shape: str, width: int) -> None:
    shaped = reshaped(INLINE_BRIEFS, shape, width)
    parsed = _segment(shaped)
    assert [squeeze(t) for t in _titles(parsed)] == INLINE_TITLES
    assert _article_texts(shaped, parsed) == _article_texts(INLINE_BRIEFS, segment(INLINE_BRIEFS))


def test_a_bracketed_subheading_on_its_own_line_stays_in_its_article() -> None:
    text = "老街的故事\n清晨六点,老街还笼罩在薄雾里。\n\n【结语】\n老街正在以新的方式延续它的故事。\n"
    assert _outline(_segment(text)) == [["title", "paragraph", "subheading", "paragraph"]]
