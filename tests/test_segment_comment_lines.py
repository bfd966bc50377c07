"""An editor's comment or a reply behind its bracketed label (``【编后】…``, ``【回复】…``) closes its item
(qaseg32's class 2 and 6): it is a paragraph of the item, never a subheading or an article of its own,
and the title under it opens the next item.  A reader's letter keeps its signature, the reply and the
editors' comment.  A brief item's bracketed title glued to its text (``【杏林社区开展义诊】5月7日…``)
still opens an item.

In several shapes: one paragraph a line or wrapped at a column, flush or indented, with or without blank
lines, traditional script, reordered, other labels and another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import Role
from reader.core.segment.comment_lines import closes_with_comment, opens_comment
from reader.core.segment.furniture import is_qr_blurb
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional, wrapped

MASTHEAD = "东港港务报　职工之声"
ITEMS = (
    (
        "装卸三队创下单船作业效率新纪录",
        (
            "十一月三日，装卸三队在十二号泊位以每小时一百八十六自然箱的效率，刷新了公司单船作业效率纪录。",
            "队长陈国栋说，纪录是全队一百多号人一起干出来的。",
        ),
        "纪录背后是精细的组织，更是一线职工的汗水。",
    ),
    (
        "食堂推出“夜班套餐”",
        (
            "公司后勤中心从十一月起在第二职工食堂推出“夜班套餐”，每天凌晨零点至两点供应，每份八元。",
            "开业第一周，每晚就餐人数都在一百五十人以上。",
        ),
        "职工的小事就是企业的大事。",
    ),
    (
        "安全帽上的“二维码”",
        ("近日，港区所有作业人员的安全帽上都贴上了一枚二维码，扫码即可看到姓名、血型和紧急联系人。",),
        "小小二维码，体现的是对生命的尊重。",
    ),
    (
        "机修车间老师傅带出新徒弟",
        (
            "机修车间钳工班的王德顺今年五十八岁，再有两年就要退休，这几个月他把空闲时间都花在了徒弟身上。",
            "今年，三个徒弟中已有两人通过了高级工考核。",
        ),
        "手艺的传承，靠的是一颗愿意倾囊相授的心。",
    ),
)
LETTER = (
    "读者来信：希望增开通勤班车",
    (
        "编辑同志：",
        "我是住在新城区的职工，每天上下班要换乘两趟公交车，单程将近一个半小时。能否考虑开通一条新城区至港区的通勤班车？",
    ),
    "装卸二队　李晓燕",
    "公司工会已将此建议转交行政部，拟于明年一月开通试运行线路。",
    "建议提得实在，回应也及时。",
)
NEXT = (
    "港口开放日迎来千名市民",
    "十一月八日是公司第三届“港口开放日”，一千二百余名市民参观了集装箱码头。",
    "开放日还设置了港口知识问答、安全体验等互动环节。",
)


def _items_page(items: tuple, label: str, *, width: int | None, indent: str, blank: bool) -> str:
    lines = [MASTHEAD]
    for title, paragraphs, comment in items:
        if blank:
            lines.append("")
        lines.append(title)
        for paragraph in paragraphs:
            lines.extend(wrapped(paragraph, width, indent))
        lines.extend(wrapped(f"【{label}】{comment}", width, indent))
    return "\n".join(lines) + "\n"


# (Re-flow, not this class: a full line that ends a sentence right at the column, over a title, reads as
# wrapped on, and short runs at a narrow column are measured wrong; at 28 no line here is either.)
SHAPES = [(None, "", False), (None, "", True), (None, "\u3000\u3000", False), (28, "\u3000\u3000", False)]


@pytest.mark.parametrize("items", [ITEMS, ITEMS[::-1], ITEMS[1:3]])
@pytest.mark.parametrize("label", ["编后", "编后语", "点评"])
@pytest.mark.parametrize(("width", "indent", "blank"), SHAPES)
@pytest.mark.parametrize("convert", [same, traditional])
def test_items_closed_by_an_editors_comment_are_each_an_article(
    items: tuple, label: str, width: int | None, indent: str, blank: bool, convert: Callable[[str], str]
) -> None:
    text = convert(_items_page(items, label, width=width, indent=indent, blank=blank))
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in items]
    for i, (_, paragraphs, comment) in enumerate(items):
        assert owner_of(parsed, text, convert(paragraphs[0][:8]), across_lines=True) == i
        assert owner_of(parsed, text, convert(comment[-8:]), across_lines=True) == i
        roles = [b.role for b in parsed.articles[i].blocks]
        assert Role.SUBHEADING not in roles


def _letter_page(*, width: int | None, indent: str, blank: bool, reply: str, first: bool) -> str:
    title, paragraphs, signature, answer, comment = LETTER
    letter = [title]
    for paragraph in paragraphs:
        letter.extend(wrapped(paragraph, width, indent))
    letter += [
        signature,
        *wrapped(f"【{reply}】{answer}", width, indent),
        *wrapped(f"【编后】{comment}", width, indent),
    ]
    other = [NEXT[0], *wrapped(NEXT[1], width, indent), *wrapped(NEXT[2], width, indent)]
    blocks = [letter, other] if first else [other, letter]
    sep = [""] if blank else []
    return "\n".join([MASTHEAD, *sep, *blocks[0], *sep, *blocks[1]]) + "\n"


@pytest.mark.parametrize("reply", ["回复", "编辑回复", "答复"])
@pytest.mark.parametrize(("width", "indent", "blank"), SHAPES)
@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_reply_under_a_letter_stays_in_the_letter(
    reply: str, width: int | None, indent: str, blank: bool, first: bool, convert: Callable[[str], str]
) -> None:
    text = convert(_letter_page(width=width, indent=indent, blank=blank, reply=reply, first=first))
    parsed = cut(text)
    titles = [LETTER[0], NEXT[0]] if first else [NEXT[0], LETTER[0]]
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t in titles]
    letter = 0 if first else 1
    for snippet in (LETTER[1][0][:4], LETTER[3][:8], LETTER[4][-8:]):
        assert owner_of(parsed, text, convert(snippet), across_lines=True) == letter
    assert owner_of(parsed, text, convert(NEXT[2][-8:]), across_lines=True) == 1 - letter


@pytest.mark.parametrize("convert", [same, traditional])
def test_glued_brief_titles_still_open_items(convert: Callable[[str], str]) -> None:
    text = convert(
        "社区简讯\n"
        "【杏林社区开展义诊】5月7日上午，杏林社区联合社区卫生服务中心开展义诊活动，为居民测量血压。\n"
        "【阳光小区完成加装电梯】阳光小区三号楼加装电梯近日完工，十八户居民告别了爬楼的日子。\n"
        "【编后】小事连着民心，办好了就是大事。\n"
    )
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert("【杏林社区开展义诊】")),
        squeeze(convert("【阳光小区完成加装电梯】")),
    ]
    assert owner_of(parsed, text, convert("办好了就是大事"), across_lines=True) == 1


@pytest.mark.parametrize(
    ("line", "opens", "closes"),
    [
        ("【编后】纪录背后是精细的组织。", True, True),
        ("【編後語】手藝的傳承，靠的是心。", True, True),
        ("〖回复〗公司工会已将此建议转交行政部。", True, True),
        ("【编者按】本刊开设“来信摘登”栏目。", True, False),  # opens the item it stands in
        ("【杏林社区开展义诊】5月7日上午，…", False, False),  # a brief's title
        ("【编后】", False, False),  # a label alone on its line
        ("编后：纪录背后是精细的组织。", False, False),
    ],
)
def test_comment_labels(line: str, opens: bool, closes: bool) -> None:
    assert opens_comment(line) is opens
    assert closes_with_comment(line) is closes


@pytest.mark.parametrize(
    ("line", "blurb"),
    [
        ("安全帽上的“二维码”", False),  # a title naming the code, in quotes
        ("「二維碼」上牆了", False),
        ("扫码关注“外滩街道”微信公众号", True),
        ("关注本报微信公众号", True),
        ("公众号：外滩街道", True),
    ],
)
def test_a_quoted_qr_word_is_a_title_not_a_blurb(line: str, blurb: bool) -> None:
    assert is_qr_blurb(line) is blurb


REPORT = (
    "代表建议办理情况一览",
    "截至九月底，代表提出的一百二十六件建议，已全部办结答复，代表对办理工作表示满意和基本满意的一百二十四件。",
    "县人大常委会将对未落实的两件建议继续跟踪督办。",
)
COLUMN = (
    "来信摘登",
    "本刊开设“来信摘登”栏目，选登代表和群众来信，欢迎来稿。",
    "石门镇代表张德明来信反映：镇上的农贸市场年久失修，建议列入明年改造计划。",
    "城关镇居民王某来信建议：县城公交线路应延伸至新建的高铁站。",
)


@pytest.mark.parametrize("note", ["编者按：", "编者的话："])
@pytest.mark.parametrize(("width", "indent", "blank"), SHAPES)
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_title_over_an_editors_note_opens_its_column(
    note: str, width: int | None, indent: str, blank: bool, convert: Callable[[str], str]
) -> None:
    report = [REPORT[0], *wrapped(REPORT[1], width, indent), *wrapped(REPORT[2], width, indent)]
    column = [COLUMN[0], *wrapped(note + COLUMN[1], width, indent)]
    column += [line for paragraph in COLUMN[2:] for line in wrapped(paragraph, width, indent)]
    sep = [""] if blank else []
    text = convert("\n".join(["代表工作通讯　2026年第5期", *sep, *report, *sep, *column]) + "\n")
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(REPORT[0])),
        squeeze(convert(COLUMN[0])),
    ]
    assert owner_of(parsed, text, convert(REPORT[2][-8:]), across_lines=True) == 0
    assert owner_of(parsed, text, convert(COLUMN[1][:8]), across_lines=True) == 1
    assert owner_of(parsed, text, convert(COLUMN[3][-8:]), across_lines=True) == 1


@pytest.mark.parametrize("signature", ["密支那　读者　董光明", "读者 董光明", "——老读者 董光明"])
@pytest.mark.parametrize("note", ["编者按：", "编者的话："])
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_letters_signature_over_an_editors_note_stays_with_the_letter(
    signature: str, note: str, convert: Callable[[str], str]
) -> None:
    # the writer's line closes the letter; the note under it opens nothing (qaseg33 10_yangon_vertical)
    letter = [
        "读者来函",
        "编辑同志：我是贵报的老读者，每周六必读副刊。希望副刊多刊登一些反映侨胞生活的文章。",
        "我今年七十三岁了，年轻时在玉石场做过工，肚子里有不少故事，愿意写出来投稿。",
        signature,
        note + "本版园地欢迎侨胞投稿，来稿请寄本报副刊部。",
    ]
    text = convert("\n".join([REPORT[0], REPORT[1], REPORT[2], *letter]) + "\n")
    parsed = cut(text)
    owner = owner_of(parsed, text, convert("肚子里有不少故事"), across_lines=True)
    assert owner >= 0
    titles = [squeeze(a.title or "") for a in parsed.articles]
    assert squeeze(convert(signature)) not in titles, titles
    assert owner_of(parsed, text, convert(signature)[-3:], across_lines=True) in (owner, -1)


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_lunar_date_in_a_sentence_is_no_almanac_line(convert: Callable[[str], str]) -> None:
    """``本会农历七月十四日假…`` opening a paragraph wrapped at a narrow column is its first line, not an
    almanac box's line (``农历三月廿九``) standing alone."""
    text = convert(
        "中元普度圆满结束\n"
        "　　本会农历七月十四日假牛干冬大伯公\n庙前空地举办中元普度，前后约有六百名\n街坊及善信参加。\n"
        "　　福物竞标所得，扣除开销后将全数拨\n入敬老基金。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1
    assert [b.role for b in parsed.articles[0].blocks] == [Role.TITLE, Role.PARAGRAPH, Role.PARAGRAPH]
