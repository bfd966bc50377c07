"""A Latin-script subtitle under a Chinese title is the title's subtitle (qaseg25's class C5).

Layout: a paper for readers of two languages sets, right under each Chinese title, the title in the
country's language (Malay, French, Indonesian, English), not always capitalised like an English
headline and with no full stop.  That line is part of the heading (the article's subtitle), never a
paragraph or a layout word, and the next Chinese title still opens the next article.  In several
shapes: no blank lines, a blank line after every line, indented, traditional script, other languages,
reordered; a writer's credit with a school in brackets under the pair (``文/李若溪(里昂第一大学)``).
"""

from __future__ import annotations

import pytest

from reader.core.model import Role
from reader.core.segment.latin_lines import is_latin_subtitle_text
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

Item = tuple[str, str, tuple[str, ...]]

MALAY: tuple[Item, ...] = (
    (
        "家教协会通告",
        "Notis PIBG",
        (
            "兹通知全体家长,本校家长教师协会第三十届会员大会将于12月6日上午9时正在本校食堂举行。",
            "凡有意竞选理事者,请于11月28日之前向协会秘书索取提名表格。",
        ),
    ),
    (
        "失物招领",
        "Barang Hilang",
        ("上周五在食堂附近拾获蓝色水壶一个、校服外套两件。失主请于办公时间到学校办公室认领。",),
    ),
    (
        "图书馆新书推介",
        "Buku Baharu Perpustakaan",
        (
            "本学期图书馆新添中文、国文及英文图书共四百二十册,欢迎同学们借阅。",
            "图书馆开放时间为上课日上午7时至下午1时,每位学生每次可借书两本。",
        ),
    ),
)
FRENCH: tuple[Item, ...] = (
    (
        "巴黎十三区中文学校学生人数创新高",
        "Record d'inscriptions à l'école chinoise du 13e arrondissement",
        (
            "(本刊讯)巴黎十三区华侨华人中文学校新学年开学已经两个多月,今年注册学生达到一千三百二十人。",
            "学校同时招聘有教学经验的中文教师,有意者可发邮件至学校邮箱。",
        ),
    ),
    (
        "法国调整长期居留申请程序",
        "Titre de séjour: ce qui change en 2027",
        ("法国内政部近日公布,所有长期居留卡的首次申请和续期将统一通过网上平台办理。",),
    ),
    (
        "活动预告",
        "Agenda",
        (
            "11月29日(周六)15:00 旅法华人书画展开幕,地点:巴黎中国文化中心,免费入场。",
            "12月6日(周六)19:30 民乐音乐会,地点:巴黎十三区市政厅礼堂,票价15欧元。",
        ),
    ),
)
INDONESIAN: tuple[Item, ...] = (
    (
        "玛琅华裔青年献血活动",
        "Donor darah pemuda Tionghoa Malang",
        ("玛琅华裔青年联谊会与印尼红十字会合作,于11月16日在联谊会会所举办献血活动。",),
    ),
    (
        "华文教师培训班结业",
        "Pelatihan guru bahasa Mandarin selesai",
        ("第五期华文教师培训班于11月15日在泗水新中三语学校举行结业典礼。", "明年将开办两期培训班。"),
    ),
)


def _text(items: tuple[Item, ...], *, between: str, indent: str = "") -> str:
    lines = [line for title, latin, body in items for line in (title, latin, *body)]
    return between.join(indent + line for line in lines) + "\n"


def _check(text: str, items: tuple[Item, ...], script: str = "simplified") -> None:
    parsed = cut(text)
    convert = (lambda t: traditional(t, "s2hk")) if script == "traditional" else (lambda t: t)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in items]
    for article, (_, latin, body) in zip(parsed.articles, items, strict=True):
        subtitles = [squeeze(b.text) for b in article.blocks if b.role is Role.SUBTITLE]
        assert subtitles == [squeeze(latin)]
        assert [squeeze(p) for p in article.paragraphs] == [squeeze(convert(p)) for p in body]


@pytest.mark.parametrize("items", [MALAY, FRENCH, INDONESIAN], ids=["malay", "french", "indonesian"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"], ids=["flush", "indented"])
def test_a_latin_line_under_a_chinese_title_is_its_subtitle(
    items: tuple[Item, ...], between: str, indent: str
) -> None:
    _check(_text(items, between=between, indent=indent), items)


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["no_blank", "blank_after_every_line"])
def test_in_traditional_script_and_reordered(between: str) -> None:
    items = (MALAY[2], FRENCH[1], INDONESIAN[0], MALAY[0])
    text = traditional(_text(items, between=between), "s2hk")
    _check(text, items, "traditional")


def test_a_writers_credit_with_a_school_in_brackets_under_the_pair() -> None:
    first = FRENCH[1]
    text = _text((first,), between="\n\n") + (
        "\n我在里昂读博士\n\nMon doctorat à Lyon\n\n文/李若溪(里昂第一大学)\n\n"
        "来里昂的第三年,我终于习惯了这里的秋天。\n\n明年夏天我就要答辩了。\n"
    )
    parsed = cut(text)
    assert [a.title for a in parsed.articles] == [first[0], "我在里昂读博士"]
    second = parsed.articles[1]
    assert [b.role for b in second.blocks][:3] == [Role.TITLE, Role.SUBTITLE, Role.BYLINE]
    assert [p.name for p in second.people] == ["李若溪"]


def test_a_latin_line_over_a_chinese_title_is_no_subtitle() -> None:
    # an English section label over a Chinese kicker subtitles nothing
    text = (
        "区议会通讯\n\nCommunity News\n社区消息\n海滨长廊第二期明年动工\n"
        "区议会交通及工程委员会通过海滨长廊第二期设计方案。\n"
    )
    parsed = cut(text)
    subtitles = [b.text for a in parsed.articles for b in a.blocks if b.role is Role.SUBTITLE]
    assert "Community News" not in subtitles


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Notis PIBG", True),
        ("Agenda", True),
        ("Brèves de la communauté", True),
        ("Keputusan Sukan Tahunan Kali ke-41", True),
        ("The library opens at nine. Books are lent for two weeks.", False),
        ("Tel. 01 23 45 67 89.", False),
        ("PIBG", False),
        ("家教协会 Notis", False),
    ],
)
def test_what_a_latin_subtitle_looks_like(text: str, expected: bool) -> None:
    assert is_latin_subtitle_text(text) is expected
