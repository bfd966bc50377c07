"""A plain short title after a finished article opens a new article when its setting says so (qaseg24's
class C), and a feature's subheadings stay in it.

Layout evidence, never the words: a title set letter-spaced (``更　正``, ``讣　告``: one character a word)
is a notice's; a Chinese title line with its English title right under it (or after it on its line) is a
title pair, which a bilingual paper sets over each story; a Markdown heading at the level of the article's
own heading (``# …`` under an article headed ``# …``) is the next article's, a level down (``## …``) a
subheading.  A closing label (``结　语``, ``# 编者按``) stays.  In several shapes: with and without blank
lines, indented, traditional script, reordered, other wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment.subheads import is_spaced_title, markdown_level
from reader.core.segment.title_pairs import is_bilingual_heading, is_latin_title
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, traditional

FEATURE = (
    "让“工匠精神”在班组落地生根",
    (
        "我在装配车间干了二十二年，带过三十多个徒弟。工匠精神不是挂在墙上的口号，而是拧好每一颗螺丝。",
        "班组是企业的细胞。只有每个班组都把标准刻进骨子里，企业才能真正强起来。",
    ),
)
NOTICES = (
    ("更　正", "本报第411期第2版《一分厂开展技能比武》一文中，“参赛选手86名”应为“参赛选手68名”。特此更正。"),
    ("讣　告", "先父陈公荣生老大人，痛于十一月二十四日寿终正寝，享寿九十二岁。定于本月二十九日上午举殡。"),
    ("鸣　谢", "先母仙逝，治丧期间，承蒙各界亲友亲临吊唁，隆情厚谊，未能一一踵谢，谨此鸣谢。"),
    ("启　事", "本报热线电话自下月起调整为每日上午八时至晚上八时，欢迎读者继续来电提供新闻线索。"),
)


def _same(text: str) -> str:
    return text


def _titles(parsed: ParsedIssue) -> list[str]:
    return [squeeze(a.title or "") for a in parsed.articles]


@pytest.mark.parametrize("notice", NOTICES)
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_letter_spaced_title_after_an_article_opens_a_notice(
    notice: tuple[str, str], blank: bool, indent: str, convert: Callable[[str], str]
) -> None:
    gap = "\n\n" if blank else "\n"
    title, paragraphs = FEATURE
    body = gap.join(f"{indent}{p}" for p in paragraphs)
    text = convert(f"{title}\n□ 三分厂　刘建军\n{body}{gap}{notice[0]}\n{indent}{notice[1]}\n")
    parsed = cut(text)
    assert _titles(parsed) == [squeeze(convert(title)), squeeze(convert(notice[0]))]
    assert squeeze(parsed.articles[1].paragraphs[0]) == squeeze(convert(notice[1]))


@pytest.mark.parametrize("blank", [True, False])
def test_two_letter_spaced_notices_in_a_row(blank: bool) -> None:
    gap = "\n\n" if blank else "\n"
    title, paragraphs = FEATURE
    text = f"{title}\n" + gap.join(paragraphs) + gap + gap.join(f"{t}\n{b}" for t, b in NOTICES[::-1]) + "\n"
    parsed = cut(text)
    assert _titles(parsed) == [squeeze(title)] + [squeeze(t) for t, _ in NOTICES[::-1]]


@pytest.mark.parametrize("blank", [True, False])
def test_a_features_subheadings_and_a_spaced_closing_label_stay(blank: bool) -> None:
    gap = "\n\n" if blank else "\n"
    text = gap.join(
        [
            "老街巷里的新生活",
            "本报讯 今年以来，东湖街道对辖区十二条老街巷实施改造，居民生活环境明显改善。",
            "弄堂口的老虎灶",
            "改造后的老虎灶成了居民喝茶聊天的好去处，每天早上都坐满了老街坊。",
            "结　语",
            "老街巷的改造还在继续，居民们期待着更多的变化。",
        ]
    )
    parsed = cut(text + "\n")
    assert _titles(parsed) == ["老街巷里的新生活"]
    roles = [b.role for b in parsed.articles[0].blocks]
    assert roles.count(Role.SUBHEADING) == 2


PAIRS = (
    (
        "古北市民中心冬季国际文化节12月开幕",
        "Gubei Civic Center Winter Culture Festival Opens in December",
        "由古北市民中心主办的第六届冬季国际文化节将于12月12日至14日举行。",
        "The sixth Winter International Culture Festival will be held from December 12 to 14.",
    ),
    (
        "社区垃圾分类新规：大件垃圾须预约清运",
        "New Rule: Bulky Waste Collection by Appointment Only",
        "自12月1日起，大件垃圾须提前预约清运，不得随意堆放在垃圾厢房或楼道。",
        "Starting December 1, bulky waste must be collected by appointment.",
    ),
    (
        "居民风采：用镜头记录古北二十年",
        "Resident Profile: Twenty Years of Gubei Through a Lens",
        "来自德国的退休工程师汉斯在古北住了二十年，拍下了三万多张社区照片。",
        "Hans, a retired engineer from Germany, has taken over 30,000 photos of the community.",
    ),
)


@pytest.mark.parametrize("pairs", [PAIRS, PAIRS[::-1], PAIRS[1:]])
@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("convert", [_same, traditional])
def test_title_pairs_open_their_articles(
    pairs: tuple[tuple[str, str, str, str], ...], blank: bool, convert: Callable[[str], str]
) -> None:
    gap = "\n\n" if blank else "\n"
    text = "\n\n".join(f"{cn}\n{en}{gap}{body}{gap}{body_en}" for cn, en, body, body_en in pairs) + "\n"
    parsed = cut(convert(text))
    assert _titles(parsed) == [squeeze(convert(cn)) for cn, *_ in pairs]
    for article, (_, en, _, body_en) in zip(parsed.articles, pairs, strict=True):
        assert article.subtitle == en
        assert squeeze(article.paragraphs[-1]) == squeeze(body_en)


@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_title_pair_on_one_line_after_a_bilingual_story_opens_an_item(
    convert: Callable[[str], str],
) -> None:
    cn, en, body, body_en = PAIRS[0]
    text = (
        f"{cn}\n{en}\n\n{body}\n\n{body_en}\n\n实用信息 Useful Information\n"
        "社区卫生服务中心：虹桥路1200号，电话62701234。\n外籍人士服务站：古北路555号，每周一至周五开放。\n"
    )
    parsed = cut(convert(text))
    assert _titles(parsed) == [squeeze(convert(cn)), squeeze(convert("实用信息 Useful Information"))]


MARKDOWN = (
    "# 梅陇镇“家门口”服务站实现全覆盖\n\n通讯员 韩晓燕\n\n"
    "日前，随着曹中居委“家门口”服务站正式启用，全镇服务站实现全覆盖。\n\n"
    "## 一站办理二十项事务\n\n服务站普遍设置了综合受理窗口，居民可就近办理二十项事务。\n\n"
    "# 编者按\n\n> 服务站建成只是第一步，用好才是关键。\n\n"
    "下一步，镇里将推动更多事项下沉到服务站。\n\n"
    "# 梅陇派出所：年底谨防三类骗局\n\n年关将至，各类诈骗案件进入高发期。民警提醒居民提高警惕。\n\n"
    "- **冒充“社保局”**：以“社保卡异常”为由要求转账。\n"
)


@pytest.mark.parametrize("convert", [_same, traditional])
def test_a_markdown_heading_at_the_articles_level_opens_the_next(convert: Callable[[str], str]) -> None:
    parsed = cut(convert(MARKDOWN))
    assert [squeeze(a.title or "").lstrip("#") for a in parsed.articles] == [
        squeeze(convert("梅陇镇“家门口”服务站实现全覆盖")),
        squeeze(convert("梅陇派出所：年底谨防三类骗局")),
    ]
    subheadings = [b.text for b in parsed.articles[0].blocks if b.role is Role.SUBHEADING]
    assert convert("## 一站办理二十项事务") in subheadings


@pytest.mark.parametrize("line", ["更　正", "讣 告", "鳴　謝", "启  事", "天 气 预 报"])
def test_spaced_titles(line: str) -> None:
    assert is_spaced_title(line)


@pytest.mark.parametrize("line", ["更正", "结　语", "后 记", "天气预报 多云", "一 二 三 四 五"])
def test_lines_that_are_no_spaced_title(line: str) -> None:
    assert not is_spaced_title(line)


def test_markdown_levels() -> None:
    assert [markdown_level(t) for t in ("# 标题", "## 小标题", "#标题", "标题", "### 三级")] == [
        1,
        2,
        0,
        0,
        3,
    ]


@pytest.mark.parametrize(
    ("line", "latin", "pair"),
    [
        ("New Rule: Bulky Waste Collection by Appointment Only", True, False),
        ("Starting December 1, bulky waste must be collected.", False, False),
        ("实用信息 Useful Information", False, True),
        ("社区新闻 Community News", False, True),
        ("Gubei", False, False),
        ("2026年第11期 Issue 11, November 2026", False, False),
    ],
)
def test_latin_titles_and_pairs(line: str, latin: bool, pair: bool) -> None:
    assert is_latin_title(line) is latin
    assert is_bilingual_heading(line) is pair
