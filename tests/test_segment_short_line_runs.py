"""Runs of short lines (verse, schedules, tables) are body text, never a stack of headings (qaseg24's
class B), and the title after a run still opens the next article.

Layout: a poem's lines under its title and author line (``◎林小满``, ``初一（4）班 林小满``), up to the
next title (the line over another author line or over a paragraph); three rows or more of one shape (led
by a time, split into cells by wide spaces or pipes) with the short labels between them; a printed rule
(``****``) is layout.  In several shapes: with and without blank lines, verse indented or flush,
traditional script, reordered, other papers' wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.byline import author_name
from reader.core.segment.furniture import is_rule_line
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional

POEMS = (
    ("冬晨", "◎林小满", ("路灯还没睡醒", "我呵出一朵云", "它飘到窗台上", "变成了霜")),
    ("粉笔", "初二（1）班 赵一鸣", ("它站在黑板前", "把自己写短了", "把我们", "写长了")),
    ("山中", "◎林　溪", ("松针落在石阶上", "没有声音", "山用沉默", "回答每一个来访者")),
)
ESSAY = (
    "读《乡村记忆》有感",
    "◎陈　默",
    (
        "翻开《乡村记忆》，仿佛走进了一条时光隧道。作者以细腻的笔触，记录了上世纪八九十年代皖北乡村的风土人情。",
        "这本书的可贵之处，在于它让我们看清了自己从哪里来。",
    ),
)


def _poems_text(poems: tuple[tuple[str, str, tuple[str, ...]], ...], *, blank: bool, indent: str) -> str:
    gap = "\n\n" if blank else "\n"
    parts = [f"{t}\n{a}\n" + "\n".join(indent + v for v in verse) for t, a, verse in poems]
    title, author, paragraphs = ESSAY
    parts.append(f"{title}\n{author}\n" + "\n".join("\u3000\u3000" + p for p in paragraphs))
    return gap.join(parts) + "\n"


@pytest.mark.parametrize("poems", [POEMS, POEMS[::-1], POEMS[:1]])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_poems_are_articles_of_their_own_and_the_essay_after_them_too(
    poems: tuple[tuple[str, str, tuple[str, ...]], ...],
    blank: bool,
    indent: str,
    convert: Callable[[str], str],
) -> None:
    text = convert(_poems_text(poems, blank=blank, indent=indent))
    parsed = cut(text)
    titles = [t for t, _, _ in poems] + [ESSAY[0]]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t in titles]
    for i, (_, author, verse) in enumerate(poems):
        article = parsed.articles[i]
        assert [b.role for b in article.blocks][:2] == [Role.TITLE, Role.BYLINE]
        assert all(owner_of(parsed, text, convert(line)) == i for line in verse)
        assert squeeze(article.blocks[1].text) == squeeze(convert(author))


def test_a_poem_with_another_inside_keeps_it_when_the_verse_is_indented() -> None:
    text = (
        "秋收（外一首）\n◎周　野\n　　稻子低下头\n　　是在向土地致谢\n　　父亲弯下腰\n　　是在向稻子致谢\n"
        "霜降\n　　一夜之间\n　　瓦片白了\n　　母亲的鬓角\n　　也白了\n"
        "读《乡村记忆》有感\n◎陈　默\n　　翻开《乡村记忆》，仿佛走进了一条时光隧道，记录了乡村的风土人情。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["秋收（外一首）", "读《乡村记忆》有感"]
    assert "霜降" in [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING]


SCHEDULE = (
    "本周末电视节目预告",
    "12月5日（星期六）",
    "上海新闻综合",
    "06:30 新闻早班车",
    "12:00 午间新闻",
    "18:30 新闻报道",
    "东方卫视",
    "07:00 看东方",
    "19:30 综艺：欢乐喜剧人",
    "12月6日（星期日）",
    "上海新闻综合",
    "06:30 新闻早班车",
    "19:30 电视剧：繁花似锦（25、26）",
    "东方卫视",
    "19:30 综艺：我们的歌",
    "上海都市频道",
    "09:00 生活广角",
    "21:30 电影：流浪地球",
)
TABLE = (
    "本周菜价行情",
    "据区商务委监测，本周全区标准化菜市场主要蔬菜价格小幅上涨。",
    "品名　　单位　　本周均价　　涨跌",
    "青菜　　500克　3.20元　　↑0.30",
    "大白菜　500克　1.80元　　↑0.10",
    "土豆　　500克　2.30元　　持平",
    "鸡蛋　　500克　5.60元　　持平",
)
PIPE_TABLE = (
    "# 梅陇镇民生实事项目完成情况",
    "截至11月20日，梅陇镇年初确定的10项民生实事项目已完成9项。",
    "| 序号 | 项目 | 目标 | 完成情况 |",
    "| --- | --- | --- | --- |",
    "| 1 | 新建社区长者食堂 | 2家 | 已完成 |",
    "| 2 | 老旧小区加装电梯 | 30台 | 已完成32台 |",
    "| 3 | 改造积水点 | 6处 | 已完成 |",
    "未完成的1项为朱梅路口袋公园，预计12月底前建成开放。",
)
NEWS = (
    "两条公交线路12月10日起调整",
    "本报讯 记者从区交通委获悉，因轨交15号线南延伸段施工，两条公交线路将调整走向。",
)


@pytest.mark.parametrize("table", [SCHEDULE, TABLE, PIPE_TABLE])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_table_is_one_article_and_the_title_after_it_opens_the_next(
    table: tuple[str, ...], indent: str, convert: Callable[[str], str]
) -> None:
    lines = [table[0], *(indent + line for line in table[1:]), NEWS[0], indent + NEWS[1]]
    text = convert("\n".join(lines) + "\n")
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(t)) for t in (table[0], NEWS[0])
    ]
    assert all(owner_of(parsed, text, convert(line)) == 0 for line in table[1:])
    assert parsed.articles[1].blocks[0].role is Role.TITLE


@pytest.mark.parametrize("table", [TABLE, PIPE_TABLE])
def test_a_table_between_two_stories_with_blank_lines(table: tuple[str, ...]) -> None:
    text = (
        f"{NEWS[0]}\n{NEWS[1]}\n\n"
        + "\n".join(table)
        + "\n\n区图书馆延长开放时间\n本报讯 区图书馆自下周起每晚延长开放至九时。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [NEWS[0], table[0], "区图书馆延长开放时间"]


@pytest.mark.parametrize("rule", ["*" * 40, "---", "━━━━━━━━━━", "＝＝＝＝＝＝"])
def test_a_printed_rule_is_layout(rule: str) -> None:
    assert is_rule_line(rule)
    text = f"{rule}\n青溪副刊\n{rule}\n老屋的灯\n◎苏　晴\n　　老屋在村子的最东头，门前有一棵枣树。\n"
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == ["老屋的灯"]
    assert all(b.role is Role.FURNITURE for b in parsed.articles[0].blocks if rule in b.text)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("◎林小满", "林小满"),
        ("◎陈　默", "陈默"),
        ("初一（4）班 林小满", "林小满"),
        ("学生记者 高二（5）班 陈可欣", "陈可欣"),
        ("◎ 学习互鉴", None),
        ("社区 新风尚", None),
        ("东湖街道 王小明", None),
    ],
)
def test_author_lines(line: str, name: str | None) -> None:
    assert author_name(line) == name


AWARDS = (
    "科技节获奖名单",
    "机器人挑战赛",
    "一等奖：初二（3）班 追光者队",
    "二等奖：高一（6）班 星火队、初一（1）班 小飞侠队",
    "纸桥承重赛",
    "一等奖：高一（2）班",
    "二等奖：初三（4）班、高二（1）班",
    "科幻画创作",
    "一等奖：初一（5）班 周雨桐《火星上的图书馆》",
)


@pytest.mark.parametrize("convert", [same, traditional])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_a_list_of_winners_is_one_article_between_two_labels(
    convert: Callable[[str], str], indent: str
) -> None:
    lines = [
        "科技节闭幕",
        "本报讯 11月28日，第十届校园科技节闭幕，校长为获奖团队颁奖。",
        "（指导教师：刘红）",
    ]
    lines += [AWARDS[0], *(indent + line for line in AWARDS[1:]), "【诗歌园地】", "冬晨", "◎林小满"]
    lines += ["路灯还没睡醒", "我呵出一朵云", "它飘到窗台上"]
    text = convert("\n".join(lines) + "\n")
    parsed = cut(text)
    titles = [squeeze(a.title or "") for a in parsed.articles]
    assert titles == [squeeze(convert(t)) for t in ("科技节闭幕", AWARDS[0], "冬晨")]
    assert all(owner_of(parsed, text, convert(line)) == 1 for line in AWARDS[1:])


STORY = (
    "第十届校园科技节落下帷幕",
    "11月24日至28日，我校第十届校园科技节举行，全校两千多名同学参加了二十多个项目的比赛。",
    "机器人挑战赛是最受关注的项目。初二（3）班设计的巡线机器人，在复杂赛道上一路领先。",
    "纸桥承重赛同样精彩。同学们只能用报纸和胶水搭建纸桥，最终承重达到十二公斤。",
)


@pytest.mark.parametrize("byline", ["学生记者 高二（5）班 陈可欣", "◎陈可欣", "初一（4）班 林小满"])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_story_signed_by_its_writer_keeps_its_paragraphs_set_apart_by_blank_lines(
    byline: str, convert: Callable[[str], str]
) -> None:
    text = (
        "育英中学报\n第86期 2026年12月1日\n\n"
        + f"{STORY[0]}\n{byline}\n{STORY[1]}\n\n"
        + "\n\n".join(STORY[2:])
    )
    text = convert(text + "\n（指导教师：刘红）\n")
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(STORY[0]))]
    assert [b.role for b in parsed.articles[0].blocks][:2] == [Role.TITLE, Role.BYLINE]
