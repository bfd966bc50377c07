"""Layouts a QA pass found cut wrongly (qaseg22): datelines without brackets, 【title】text briefs,
titles over a first paragraph with no dateline, English running heads and section labels.

Every text here is checked for nothing lost, and in the shapes other OCR engines write
(hard-wrapped, indented and wrapped, under a masthead) for the same articles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.model import ParsedIssue
from reader.core.script import han_simplified
from reader.core.segment import segment
from reader.core.segment.confidence import Reason, assess
from reader.core.segment.datelines import bare_dateline_end
from reader.core.segment.running_heads import is_pipe_running_header
from reader.services.confidence import doubtful_articles
from reader.services.importing import Outcome, import_files
from tests.corpus_shapes import SHAPES, hard_wrap, reshaped, squeeze
from tests.segment_support import converter
from tests.test_segment_coverage import assert_covers_exactly


def _outline(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(b.role) for b in a.blocks] for a in parsed.articles]


def _titles(parsed: ParsedIssue) -> list[str]:
    return [next((b.text for b in a.blocks if str(b.role) == "title"), "") for a in parsed.articles]


def _article_texts(text: str, parsed: ParsedIssue) -> list[str]:
    return [squeeze(text[a.span[0] : a.span[1]]) for a in parsed.articles]


def _traditional(text: str) -> str:
    convert = converter("s2t").convert
    out = convert(text)
    return out if len(out) == len(text) else "".join(convert(c) for c in text)


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
        ("【本报讯】记者从市交通委获悉,下周起新开通三条公交线路。", "【本报讯】"),
        ("[新华社北京5月7日电] 国家粮食和物资储备局7日表示。", "[新华社北京5月7日电]"),
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
        "本报道组成员走访了电力公司。",  # a line of a wrapped paragraph
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
        BARE.replace("本报讯 记者", "【本报讯】记者").replace(
            "新华社北京5月7日电 ", "【新华社北京5月7日电】"
        ),
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


# -- 2. a plain title over a first paragraph with no dateline ----------------------------------
FEATURES = """\
第5版 人物

邻里情
家住梅园新村的王阿姨今年七十八岁,老伴去世后一直独居。楼下的小刘每天上班前都会敲门问一声“阿姨好”。
去年冬天王阿姨突发心脏病,正是小刘及时发现,把她送到了医院。
(记者 孙悦)

老党员的菜园
退休老党员陈伯伯在小区角落开辟了一块“共享菜园”,成熟了就分给楼里的老人们。
陈伯伯说,种菜是乐趣,分享是快乐。
文/周洁

“我就是想帮大家做点事”
——记杏林社区志愿者李阿姨
□ 通讯员 周洁
李阿姨今年六十五岁,退休后一直在社区做志愿者,十年来累计服务时长超过三千小时。

“有事就打我电话”
社区里谁家水管坏了、谁家老人要去医院,只要打个电话,李阿姨就会赶来帮忙。

“做志愿者让我很充实”
李阿姨说,退休后的生活本来有些空虚,做了志愿者以后,每天都过得很充实。

书香
梅园社区图书室藏书五千余册,每天接待读者近百人次。图书室由退休教师张老师义务管理。

点评
社区的温度,藏在一件件小事里,也藏在每一位普通居民的善意里。
"""


def test_a_closing_byline_ends_its_article_and_a_plain_line_after_quoted_subheads_is_a_title() -> None:
    parsed = _segment(FEATURES)
    assert _titles(parsed) == ["邻里情", "老党员的菜园", "“我就是想帮大家做点事”", "书香"]
    assert _outline(parsed)[1] == ["title", "paragraph", "paragraph", "byline"]
    assert _outline(parsed)[2].count("subheading") == 2
    # 点评 over one short paragraph: nothing tells a title from a subheading, so it stays one, flagged
    assert _outline(parsed)[3] == ["title", "paragraph", "subheading", "paragraph"]
    verdicts = [assess([(str(b.role), b.text) for b in a.blocks]) for a in parsed.articles]
    assert [Reason.LONE_SUBHEADING in v.reasons for v in verdicts] == [False, False, False, True]
    assert verdicts[3].doubtful


def test_numbered_subheads_then_a_plain_title() -> None:
    text = (
        "老旧小区加装电梯提速\n本报讯 今年以来,街道全力推进十二个小区的加装电梯工作。\n\n"
        "一、摸清底数\n街道组织社区工作者逐楼逐户上门走访。\n\n二、多方协商\n社区搭建议事平台,化解分歧六十多起。\n\n"
        "社区书场重新开张\n修缮一新的梅园社区书场重新开张,每周二、四下午演出。\n"
    )
    parsed = _segment(text)
    assert _titles(parsed) == ["老旧小区加装电梯提速", "社区书场重新开张"]
    assert _outline(parsed)[0].count("subheading") == 2


def test_a_closing_label_after_numbered_subheads_stays_in_its_article() -> None:
    text = (
        "老旧小区加装电梯提速\n本报讯 今年以来,街道全力推进十二个小区的加装电梯工作。\n\n"
        "一、摸清底数\n街道组织社区工作者逐楼逐户上门走访。\n\n二、多方协商\n社区搭建议事平台,化解分歧六十多起。\n\n"
        "记者手记\n加装电梯难在协商,贵在坚持。\n"
    )
    parsed = _segment(text)
    assert len(parsed.articles) == 1
    assert _outline(parsed)[0].count("subheading") == 3


def test_a_long_feature_with_plain_subheads_stays_one_article_and_is_trusted() -> None:
    sections = [
        ("弄堂口的老虎灶", "八十二岁的周阿婆记得,小时候弄堂口有一家老虎灶,一分钱就能打一热水瓶开水。"),
        ("石库门里的七十二家房客", "老街两侧是成片的石库门房子,后来住进了七八户人家。"),
        ("晒台上的万国旗", "天气晴好的日子,老街的晒台上挂满了被单和衣服。"),
        ("新邻居", "改造后的老街也迎来了一些新面孔。"),
    ]
    body = "\n\n".join(f"{head}\n{para}" for head, para in sections)
    text = f"一条老街的七十年\n□ 记者 陈晓\n\n清晨六点,老街还笼罩在薄雾里。\n\n{body}\n文/陈晓 图/李四\n"
    parsed = _segment(text)
    assert len(parsed.articles) == 1
    assert _outline(parsed)[0].count("subheading") == 4
    assert not assess([(str(b.role), b.text) for b in parsed.articles[0].blocks]).doubtful


def test_a_lone_plain_subheading_under_a_news_lead_is_kept_but_flagged() -> None:
    text = (
        "社区卫生中心延长服务时间\n本报讯(记者 陈晓) 从本周起,梅园社区卫生服务中心门诊延长至晚上八点。\n\n"
        "社区图书室成了居民的“第二客厅”\n梅园社区图书室藏书五千余册,每天接待读者近百人次,由退休教师张老师义务管理。\n"
    )
    parsed = _segment(text)
    assert _outline(parsed) == [["title", "paragraph", "subheading", "paragraph"]]
    verdict = assess([(str(b.role), b.text) for b in parsed.articles[0].blocks])
    assert verdict.doubtful and Reason.LONE_SUBHEADING in verdict.reasons


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("width", [18, 22])
def test_features_in_other_shapes(shape: str, width: int) -> None:
    shaped = reshaped(FEATURES, shape, width)
    parsed = _segment(shaped)
    assert [squeeze(t) for t in _titles(parsed)] == _titles(segment(FEATURES))


def test_a_plain_line_after_one_quoted_subhead_stays_but_the_article_is_flagged() -> None:
    text = FEATURES.replace("“有事就打我电话”\n", "")
    parsed = _segment(text)
    assert _titles(parsed)[2:] == ["“我就是想帮大家做点事”"]
    assert _outline(parsed)[2].count("subheading") == 3
    verdict = assess([(str(b.role), b.text) for b in parsed.articles[2].blocks])
    assert verdict.doubtful and Reason.LONE_SUBHEADING in verdict.reasons


# -- 4. an English running header between pipes, plain section labels ----------------------------
SECTIONS = """\
P4 | COMMUNITY NEWS | May 8, 2024

COMMUNITY NEWS
社区新闻

杏林社区举办邻里节
本报讯 5月5日,杏林社区举办第三届邻里节,居民们带来自家做的美食。

梅园社区开设“四点半课堂”
本报讯 梅园社区利用党群服务中心的闲置空间开设“四点半课堂”。

HEALTH
健康

夏季如何预防中暑
社区卫生服务中心提醒,高温天气外出要做好防晒,多喝水。
"""


@pytest.mark.parametrize(
    "header",
    [
        "P4 | COMMUNITY NEWS | May 8, 2024",
        "A4 ｜ 社区新闻 ｜ 2024年5月8日",
        "第4版 丨 社区 丨 2024年5月8日 星期三",
        "Page 4 | RIVERSIDE WEEKLY | Wed, May 8, 2024",
        "COMMUNITY NEWS | 8 May 2024",
    ],
)
def test_a_running_header_between_pipes_is_page_furniture(header: str) -> None:
    assert is_pipe_running_header(header)
    parsed = _segment(SECTIONS.replace("P4 | COMMUNITY NEWS | May 8, 2024", header))
    assert header in [left.text for left in parsed.leftovers]
    assert _titles(parsed) == ["杏林社区举办邻里节", "梅园社区开设“四点半课堂”", "夏季如何预防中暑"]


def test_an_item_title_between_pipes_is_no_running_header() -> None:
    assert not is_pipe_running_header("联洋二 | 感受红色文化")
    assert not is_pipe_running_header("居民说 | 这条路终于修好了")


def test_a_plain_section_label_set_apart_is_the_pages_section_not_a_kicker() -> None:
    parsed = _segment(SECTIONS)
    section = ["section", "title", "paragraph"]
    assert _outline(parsed) == [section, ["title", "paragraph"], section]
    assert [a.blocks[0].text for a in parsed.articles if str(a.blocks[0].role) == "section"] == [
        "社区新闻",
        "健康",
    ]


def test_a_short_kicker_close_to_its_title_stays_a_kicker() -> None:
    text = "深读\n一条老街的七十年\n□ 记者 陈晓\n\n清晨六点,老街还笼罩在薄雾里。\n"
    assert _outline(_segment(text)) == [["kicker", "title", "byline", "paragraph"]]
    spaced = "喜迎端午\n\n街道举办端午节主题活动\n\n6月20日,街道举办端午节主题活动。\n"
    assert _outline(_segment(spaced)) == [["kicker", "title", "paragraph"]]


@pytest.mark.parametrize("shape", SHAPES)
def test_sections_in_other_shapes(shape: str) -> None:
    shaped = reshaped(SECTIONS, shape, 18)
    assert [squeeze(t) for t in _titles(_segment(shaped))] == _titles(segment(SECTIONS))


@pytest.mark.parametrize("width", [16, 20])
@pytest.mark.parametrize("name", ["datelines", "briefs"])
def test_wrapped_at_a_column_with_no_blank_line_anywhere(name: str, width: int) -> None:
    text = {"datelines": BARE, "briefs": INLINE_BRIEFS}[name]
    dense = hard_wrap("\n".join(line for line in text.split("\n") if line), width)
    parsed = _segment(dense)
    assert [squeeze(t) for t in _titles(parsed)] == _titles(segment(text))
    assert _article_texts(dense, parsed) == _article_texts(text, segment(text))


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


def test_the_importer_stores_bracketed_briefs_features_and_sections(library: Library, tmp_path: Path) -> None:
    paths = []
    for name, text in (("briefs.txt", INLINE_BRIEFS), ("features.txt", FEATURES), ("sections.txt", SECTIONS)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with library.write_session() as session:
        report = import_files(session, paths)
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED] * 3
    with library.session() as session:
        by_issue: dict[int, list[str | None]] = {}
        for issue_id, title in session.execute(
            select(Article.issue_id, Article.title).order_by(Article.issue_id, Article.position)
        ):
            by_issue.setdefault(issue_id, []).append(title)
        doubtful = [
            item.id
            for item in doubtful_articles(session)
            if Reason.LONE_SUBHEADING in item.confidence.reasons
        ]
        last_feature = session.scalars(select(Article.id).where(Article.title == "书香")).one()
    assert list(by_issue.values()) == [
        INLINE_TITLES,
        ["邻里情", "老党员的菜园", "“我就是想帮大家做点事”", "书香"],
        ["杏林社区举办邻里节", "梅园社区开设“四点半课堂”", "夏季如何预防中暑"],
    ]
    assert doubtful == [last_feature]  # 点评 under it: kept as a subheading, flagged
