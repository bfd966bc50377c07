"""Titles closed by a full stop (qaseg32's class 1): a page that prints every title as one short sentence
(``晉江同鄉會捐贈救災物資。``) on a line of its own, and parts nothing else, is cut at each of them.  A
one-sentence paragraph inside a report stays body: under a plain title, between longer paragraphs, at
the end of an article, or on a page that sets its titles as headings.

In several shapes: one paragraph a line or wrapped at a column, flush or indented, with or without a
blank line before each title, traditional script, reordered, another paper's wording.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.segment.stop_titles import is_stop_title_text
from tests.corpus_shapes import squeeze
from tests.segment_support import cut, owner_of, same, traditional, wrapped

MASTHEAD = "菲华日报　社会版　2026年10月18日"
STORIES = (
    (
        "菲华商联总会第四十二届理事会就职。",
        (
            "菲华商联总会第四十二届理事会就职典礼，于十月十五日晚在马尼拉举行，中外嘉宾六百余人出席。",
            "新任理事长施文彬致词时表示，将继续推动菲中经贸往来。",
        ),
    ),
    (
        "晋江同乡会捐赠救灾物资。",
        (
            "台风横扫吕宋北部，旅菲晋江同乡总会紧急筹集大米一千包、罐头食品五百箱，于十三日运抵灾区。",
            "当地省长特地到场接收物资，并向华社表达谢意。",
        ),
    ),
    (
        "中正学院校友会举办篮球赛。",
        (
            "中正学院校友会第二十届校友篮球联赛，于十月十二日在该院体育馆揭幕，共有十二支队伍参赛。",
            "联赛将进行至十一月底。",
        ),
    ),
    (
        "崇仁医院周日义诊惠及贫民。",
        (
            "菲律宾中华崇仁医院于十月十一日在汤都区举办免费义诊，为当地贫民区居民提供检查及药物。",
            "主办单位欢迎各界人士届时前往参观。",
            "该院院长表示，义诊将每季度举办一次，下一站为巴西市。",
        ),
    ),
)
# Another paper's wording: a Jakarta community page.
OTHER = (
    (
        "印华百家姓协会举办春节联欢会。",
        (
            "印华百家姓协会日前在雅加达举办春节联欢会，会员及家属八百余人出席，场面热闹。",
            "联欢会上还举行了抽奖活动。",
        ),
    ),
    (
        "泗水华文补习班开学。",
        (
            "泗水华文补习班新学期于二月十日开学，本期学员二百三十人，分为六个班级上课。",
            "补习班负责人表示，学员人数逐年增加，明年将增开两个班。",
        ),
    ),
    (
        "棉兰华社捐建乡村诊所。",
        (
            "棉兰华社各界合力捐建的乡村诊所日前落成，可为周边三个村庄的居民提供基本医疗服务。",
            "诊所由当地卫生局派驻医护人员。",
        ),
    ),
)


def _page(stories: tuple, *, width: int | None, indent: str, blank: bool) -> str:
    lines = [MASTHEAD]
    for title, paragraphs in stories:
        if blank:
            lines.append("")
        lines.append(title)
        for paragraph in paragraphs:
            lines.extend(wrapped(paragraph, width, indent))
    return "\n".join(lines) + "\n"


# (A short run between blank lines, wrapped at a narrow column, is re-flowed at the wrong width: not this
# class.)
SHAPES = [
    (None, "", False),
    (None, "", True),
    (None, "\u3000\u3000", False),
    (None, "\u3000\u3000", True),
    (20, "\u3000\u3000", False),
    (24, "\u3000\u3000", False),
    (24, "\u3000\u3000", True),
]


@pytest.mark.parametrize("stories", [STORIES, STORIES[::-1], STORIES[1:], OTHER])
@pytest.mark.parametrize(("width", "indent", "blank"), SHAPES)
@pytest.mark.parametrize("convert", [same, traditional])
def test_a_page_of_titles_closed_by_a_full_stop_is_cut_at_each(
    stories: tuple, width: int | None, indent: str, blank: bool, convert: Callable[[str], str]
) -> None:
    text = convert(_page(stories, width=width, indent=indent, blank=blank))
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _ in stories]
    for i, (_, paragraphs) in enumerate(stories):
        assert owner_of(parsed, text, convert(paragraphs[0][:8]), across_lines=True) == i
        assert owner_of(parsed, text, convert(paragraphs[-1][-8:]), across_lines=True) == i


@pytest.mark.parametrize("convert", [same, traditional])
@pytest.mark.parametrize("blank", [False, True])
def test_one_sentence_paragraphs_under_plain_titles_stay_body(
    convert: Callable[[str], str], blank: bool
) -> None:
    """The page sets its titles as headings: its one-sentence paragraphs are body, however many."""
    sep = "\n\n" if blank else "\n"
    stories = [
        "菲华商联总会理事会就职\n"
        + "\n".join(STORIES[0][1])
        + "\n典礼后设宴联欢。\n商总将设立青年创业基金会。\n"
        "基金首期筹集一千万比索，为有志创业的华裔青年提供低息贷款和导师辅导。",
        "晋江同乡会捐赠救灾物资\n" + "\n".join(STORIES[1][1]) + "\n同乡会会长许志雄到场。\n"
        "许志雄表示，华社取之于菲，用之于菲，在菲律宾人民有难时伸出援手，是理所当然的事。",
    ]
    text = convert(MASTHEAD + "\n" + sep.join(stories) + "\n")
    parsed = cut(text)
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert("菲华商联总会理事会就职")),
        squeeze(convert("晋江同乡会捐赠救灾物资")),
    ]


@pytest.mark.parametrize("convert", [same, traditional])
def test_a_titled_feature_with_short_sentences_stays_one_article(convert: Callable[[str], str]) -> None:
    text = convert(
        "回乡记\n"
        "腊月二十八，我坐了一夜的火车，终于在天亮时回到了阔别三年的小村庄。\n"
        "村口的老槐树还在。\n"
        "老槐树下坐着几位晒太阳的老人，其中一位认出了我，远远地喊着我的小名。\n"
        "母亲早早等在门口。\n"
        "母亲的头发又白了许多，她拉着我的手，一遍又一遍地问路上冷不冷、饿不饿。\n"
        "晚饭是一大桌家乡菜。\n"
        "父亲破例喝了两杯酒，话也比平时多，说起了村里这几年修路、通网的新鲜事。\n"
    )
    parsed = cut(text)
    assert len(parsed.articles) == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("晋江同乡会捐赠救灾物资。", True),
        ("中正學院校友會舉辦籃球賽。", True),
        ("他笑了。", False),  # too short, and a spoken ending
        ("大家终于明白过来了。", False),  # a particle ending
        ("新任理事长致词，宾主尽欢。", False),  # a clause inside
        ("一、加强组织领导工作。", False),  # a numbered point
        ("“我们一定能赢。”", False),  # a quotation
        ("菲华商联总会第四十二届理事会就职典礼在马尼拉大都会酒店隆重举行。", False),  # a paragraph's length
    ],
)
def test_the_title_text_is_one_short_sentence(line: str, expected: bool) -> None:
    assert is_stop_title_text(line) is expected
