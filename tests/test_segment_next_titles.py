"""A heading right under an article's last line, with no blank line, that opens the next article
(qaseg27's classes C1 and C3).

- Classified ads set one after another: each ends on its contact line (``请电:陈先生 (718) 555-2310``,
  ``简历请寄:hr@example.com``, ``有意者请电:…``); that line closes its ad and the heading under it is
  the next ad's title, never a subheading of the ad above nor the next ad's kicker.
- A short list heading (``侨团动态``) over brief notes set with triangles (``△…``, read as captions)
  after a story's prose is an article of its own, and so is the heading after those notes.

Variants: with and without blank lines, indented, hard-wrapped, traditional script, reordered.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.model import ParsedIssue, Role
from reader.core.segment.whole_lines import is_contact_line
from tests.corpus_shapes import hard_wrap, squeeze
from tests.segment_support import cut, traditional

Ad = tuple[str, str, str]

ADS: tuple[Ad, ...] = (
    (
        "法拉盛中餐馆诚聘",
        "法拉盛缅街川菜馆诚聘炒锅师傅一名、企台两名。要求有工作经验,能讲国语或粤语。包吃,薪金面议。",
        "请电:陈先生 (718) 555-2310(下午三点后)",
    ),
    (
        "布碌崙日落公园诊所请助理",
        "内科诊所请前台助理一名,懂中英文,会电脑操作,全职,周一至周五,提供医疗保险及带薪假期。",
        "简历请寄:sunsetclinic.hr@example.com",
    ),
    (
        "新泽西商铺出租",
        "爱迪生华人商业区临街商铺出租,面积一千五百平方尺,适合开餐馆或补习班,首三个月免租。",
        "有意者请电:(732) 555-2080 林先生",
    ),
    (
        "荃湾工厂大厦单位出售",
        "荃湾德士古道工厂大厦单位出售,实用面积八百平方尺,连租约,业主急售,价钱可议。",
        "请致电:2345 6789 黄生",
    ),
)
MASTHEAD = "华埠新闻周报 · 分类广告 CLASSIFIED · B8\n"


def _ads(ads: tuple[Ad, ...], *, blank: bool = False, indent: str = "") -> str:
    gap = "\n\n" if blank else "\n"
    return MASTHEAD + gap.join("\n".join(f"{indent}{line}" for line in ad) for ad in ads) + "\n"


def _same(text: str) -> str:
    return text


def _check_ads(parsed: ParsedIssue, ads: tuple[Ad, ...], convert: Callable[[str], str] = _same) -> None:
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(convert(t)) for t, _, _ in ads]
    for k, (article, (_, _, contact)) in enumerate(zip(parsed.articles, ads, strict=True)):
        assert squeeze(article.blocks[-1].text) == squeeze(convert(contact))
        assert [block.role for block in article.blocks].count(Role.TITLE) == 1
        assert Role.SUBHEADING not in [block.role for block in article.blocks]
        assert k == 0 or article.blocks[0].role is Role.TITLE  # no contact line above it as a kicker


@pytest.mark.parametrize("ads", [ADS, ADS[::-1], ADS[1:3]])
@pytest.mark.parametrize("blank", [False, True])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
def test_an_ads_contact_line_closes_it_and_the_next_title_opens_the_next(
    ads: tuple[Ad, ...], blank: bool, indent: str
) -> None:
    _check_ads(cut(_ads(ads, blank=blank, indent=indent)), ads)


@pytest.mark.parametrize("config", ["s2t", "s2hk"])
def test_ads_in_traditional_script(config: str) -> None:
    def convert(text: str) -> str:
        return traditional(text, config)

    _check_ads(cut(convert(_ads(ADS))), ADS, convert)


@pytest.mark.parametrize("width", [30, 36])  # (narrower, the contact line itself is wrapped)
def test_ads_hard_wrapped(width: int) -> None:
    parsed = cut(hard_wrap(_ads(ADS), width))
    assert [squeeze(a.title or "") for a in parsed.articles] == [squeeze(t) for t, _, _ in ADS]


@pytest.mark.parametrize(
    "line",
    [
        "请电:陈先生 (718) 555-2310(下午三点后)",
        "简历请寄:sunsetclinic.hr@example.com",
        "有意者请电:(732) 555-2080 林先生",
        "请电或短信:(929) 555-1166",
        "報名請電：0574-65523456",
    ],
)
def test_contact_lines_by_their_number_or_address(line: str) -> None:
    assert is_contact_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "图片新闻征稿:欢迎读者投稿,邮箱 photo@example.com",  # a sentence, not a contact line
        "比分:78-65",
        "时间:2024年6月30日",
        "外国语学校 78－65 第三中学",
    ],
)
def test_lines_that_are_no_contact_line(line: str) -> None:
    assert not is_contact_line(line)


STORY = (
    "工业区华人企业招聘会吸引千人",
    "罗勇府工业区日前举行华人企业专场招聘会,四十多家中资及泰华企业提供一千二百多个职位。",
    "主办单位表示,明年将在春武里府再办一场。",
)
NOTES = (
    "侨团动态",
    "△泰国客属总会定于本月十五日举行第三十届理事就职典礼。",
    "△泰国海南会馆妇女组将于本月二十日举办慈善义卖会。",
    "△泰国潮州会馆青年组下周六举办中文书法比赛。",
)
AFTER = (
    "曼谷中华学校举行建校八十周年校庆",
    "曼谷中华学校日前举行建校八十周年校庆,历届校友三百多人回校参加。",
    "校方表示,将设立奖学金资助清寒学生。",
)


def _issue(*parts: tuple[str, ...], blank: bool = False, indent: str = "") -> str:
    gap = "\n\n" if blank else "\n"
    return "泰华商报 第七版 社团侨情\n" + gap.join("\n".join(indent + x for x in p) for p in parts) + "\n"


@pytest.mark.parametrize("convert", [_same, traditional])
@pytest.mark.parametrize("indent", ["", "\u3000\u3000"])
@pytest.mark.parametrize("notes", [NOTES, NOTES[:3]])
def test_a_triangle_list_under_a_short_heading_is_an_article(
    convert: Callable[[str], str], indent: str, notes: tuple[str, ...]
) -> None:
    parsed = cut(convert(_issue(STORY, notes, AFTER, indent=indent)))
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(t)) for t in (STORY[0], notes[0], AFTER[0])
    ]
    listed = parsed.articles[1]
    assert squeeze(listed.blocks[-1].text) == squeeze(convert(notes[-1]))
    assert all(
        squeeze(convert(note)) in squeeze("".join(block.text for block in listed.blocks))
        for note in notes[1:]
    )


def test_a_triangle_list_first_then_a_story() -> None:
    parsed = cut(_issue(NOTES, STORY, blank=False))
    assert [a.title for a in parsed.articles] == [NOTES[0], STORY[0]]


@pytest.mark.parametrize("convert", [_same, traditional])
def test_the_wrapped_tail_of_a_contact_line_opens_no_article(convert: Callable[[str], str]) -> None:
    text = (
        "2027年上半年征兵报名工作开始\n"
        "本报讯 2027年上半年征兵网上报名工作已经开始，截止时间为2027年2月10日。\n"
        "咨询电话：区征兵办公室 023\n-67850000\n江北区报社出版 邮编400020 电话023-67851234 零售价1.50元\n"
    )
    parsed = cut(convert(text))
    assert len(parsed.articles) == 1
    assert all(block.role is not Role.TITLE for block in parsed.articles[0].blocks[1:])


SERIES = (
    (
        "乒乓球：师大附中包揽团体双冠",
        "市中学生乒乓球团体赛日前结束，师大附中男、女队分别击败对手，包揽团体赛两项冠军。",
    ),
    (
        "排球：外国语学校女排逆转晋级",
        "在12月1日进行的市中学生排球联赛女子组半决赛中，外国语学校女排连扳三局，逆转晋级决赛。",
    ),
    ("田径：高二男生打破市纪录", "第二中学高二学生赵天宇以9秒98的成绩获得男子100米冠军，打破市纪录。"),
)


@pytest.mark.parametrize("series", [SERIES, SERIES[::-1]])
@pytest.mark.parametrize("convert", [_same, traditional])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_titles_under_topic_labels_open_a_series_of_articles(
    series: tuple[tuple[str, str], ...], convert: Callable[[str], str], colon: str
) -> None:
    text = "体坛周刊·校园版　第47期\n" + "".join(f"{t.replace('：', colon)}\n{b}\n" for t, b in series)
    parsed = cut(convert(text))
    assert [squeeze(a.title or "") for a in parsed.articles] == [
        squeeze(convert(t.replace("：", colon))) for t, _ in series
    ]
