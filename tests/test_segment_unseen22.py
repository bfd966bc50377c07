"""Lines complete of their own kind, from the QA pass on unseen layouts (qaseg22).

A contact line closing an article, a weather or almanac box, an advertisement
and the issue's contents are never a heading nor half of a cut sentence; a
notice's deadline is never the issue's date.  Each in several variants (spaces,
full-width colons, both brackets, traditional script, no blank lines) and in the
shapes other OCR engines give, with no character lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Issue, Leftover
from reader.core.model import ParsedIssue, Role
from reader.core.segment import segment
from reader.core.segment.confidence import Reason, assess
from reader.services.importing import Outcome, import_files
from tests.corpus_shapes import SHAPES, hard_wrap, reshaped, signature, squeeze
from tests.segment_support import cut as _cut
from tests.test_segment_coverage import assert_covers_exactly

FIRST = "社区书场重新开张\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,每周二、四下午演出。\n"
SECOND_TITLE = "杏林社区开展义诊"
SECOND_BODY = "5月6日上午,杏林社区联合区中心医院在社区广场开展义诊活动。"


def _outline(parsed: ParsedIssue) -> list[list[str]]:
    return [[str(block.role) for block in article.blocks] for article in parsed.articles]


def _titles(parsed: ParsedIssue) -> list[str | None]:
    return [article.title for article in parsed.articles]


def _leftover_text(parsed: ParsedIssue) -> str:
    return "".join(squeeze(left.text) for left in parsed.leftovers)


# -- 1. a contact line closes the article above; a box is a leftover --------------------------
@pytest.mark.parametrize(
    "contact",
    [
        "咨询电话:021-12345678",
        "咨询电话：021－12345678",
        "联系电话 13800138000",
        "服务热线:12345",
        "地址:梅园路88号",
        "联系人:王老师",
        "微信:meiyuan2024",
        "电子邮箱:meiyuan@example.com",
        "諮詢電話：021-12345678",
    ],
)
@pytest.mark.parametrize(
    "dateline", ["本报讯 ", "本报讯", "本报讯:", "本报讯(记者 孙悦) ", "据新华社电 ", ""]
)
def test_a_contact_line_closes_the_article_above(contact: str, dateline: str) -> None:
    text = f"{FIRST}{contact}\n\n{SECOND_TITLE}\n{dateline}{SECOND_BODY}\n"
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph", "paragraph"], ["title", "paragraph"]]
    assert _titles(parsed) == ["社区书场重新开张", SECOND_TITLE]
    assert parsed.articles[0].blocks[-1].text == contact
    assert not parsed.leftovers


def test_several_contact_lines_after_a_blank_line_close_the_article_above() -> None:
    contacts = "地址:梅园路100号\n联系人:王老师\n联系电话 13800138000\n"
    text = f"{FIRST}\n{contacts}\n{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n"
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"] + ["paragraph"] * 3, ["title", "paragraph"]]


def test_a_contact_line_in_wrapped_ocr_output_stands_alone() -> None:
    text = (
        "社区书场重新开张\n本报讯 5月5日,修缮一新的梅\n园社区书场重新开张,每周二、\n"
        "四下午为居民演出评弹节目。\n"
        "咨询电话:021-12345678\n杏林社区开展义诊\n本报讯 5月6日上午,杏林社区\n联合区中心医院在社区广场开\n"
        "展义诊活动,为居民测量血压。\n"
    )
    parsed = _cut(text)
    assert _titles(parsed) == ["社区书场重新开张", SECOND_TITLE]
    assert squeeze(parsed.articles[0].blocks[-1].text) == "咨询电话:021-12345678"


def test_an_unpunctuated_last_line_is_not_glued_over_a_title_into_the_next_story() -> None:
    text = (
        "社区书场重新开张\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,每周二、四下午演出\n\n"
        f"{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n"
    )
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"], ["title", "paragraph"]]
    assert _titles(parsed) == ["社区书场重新开张", SECOND_TITLE]


WEATHER = "今日天气\n多云转晴 18℃~27℃\n东南风3-4级\n空气质量:良\n"
ALMANAC = "今日农历\n甲辰年 三月三十\n宜:出行 祭祀 会友\n忌:动土 开仓\n"
FORECAST = "天气预报\n今天夜里 多云 最低气温18℃\n明天白天 小雨 最高气温23℃\n"
LEAD = "梅园街道完成加装电梯\n街道首批四十台电梯已经投入运行,两千余户居民告别了“爬楼难”,居民们纷纷点赞。\n"


@pytest.mark.parametrize(
    "box",
    [
        WEATHER,
        ALMANAC,
        WEATHER + "\n" + ALMANAC,
        "【今日天氣】\n晴轉多雲 20°C~28°C\n西北風 2-3級\n",
        "今日天气\n多云转晴 18℃~27℃\n",
    ],
)
def test_a_weather_or_almanac_box_is_a_leftover_never_a_heading(box: str) -> None:
    touching = hard_wrap(f"{box}{LEAD}", 16)  # no blank line: the wrapped body tells the column
    for text in (f"{box}\n{LEAD}", touching, f"{LEAD}\n{FORECAST}", f"{box}\n{LEAD}\n{FORECAST}"):
        parsed = _cut(text)
        assert _outline(parsed) == [["title", "paragraph"]], text
        assert squeeze(parsed.articles[0].title or "") == "梅园街道完成加装电梯"
        assert all(str(left.kind) == "layout" for left in parsed.leftovers)


# -- 2. advertisements and contact lines are never headings -------------------------------------
AD_LINES = "金牌家政 专业保洁\n钟点工 月嫂 育儿嫂\n电话:021-12345678\n地址:梅园路88号2楼\n微信扫码 立享优惠\n"


# No label and no blank line: test_an_advertisement_with_no_label_and_no_blank_line_is_flagged.
_AD_SHAPES = [
    (label, blank)
    for label in ("广告\n", "【广告】\n", "广 告\n", "(广告)\n", "廣告\n", "")
    for blank in ("\n", "")
    if label or blank
]


@pytest.mark.parametrize(("label", "blank"), _AD_SHAPES)
def test_an_advertisement_is_a_leftover_never_the_next_articles_heading(label: str, blank: str) -> None:
    first = "社区书场重新开张\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,评弹演员为居民们献上了选段。\n"
    text = f"{first}{blank}{label}{AD_LINES}{blank}{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n"
    if not blank:  # no blank line at all: line-based OCR output, its paragraphs wrapped
        text = hard_wrap(text, 16)
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"], ["title", "paragraph"]], text
    assert [squeeze(title or "") for title in _titles(parsed)] == ["社区书场重新开张", SECOND_TITLE]
    assert _leftover_text(parsed) == squeeze(label + AD_LINES)


def test_an_advertisement_with_no_label_and_no_blank_line_is_flagged() -> None:
    first = "社区书场重新开张\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,评弹演员为居民们献上了选段。\n"
    text = hard_wrap(f"{first}{AD_LINES}{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n", 16)
    parsed = _cut(text)
    assert squeeze(parsed.articles[-1].title or "") == SECOND_TITLE
    for article in parsed.articles[1:]:  # the advertisement read as headings: each article that holds it
        assert assess([(block.role, block.text) for block in article.blocks]).doubtful


@pytest.mark.parametrize(
    "contact", ["电子邮箱:meiyuan@example.com", "1.电子邮箱：meiyuan@example.com", "电话:021-12345678"]
)
def test_a_contact_line_under_a_numbered_heading_is_body_text_not_a_title(contact: str) -> None:
    text = (
        "征文启事\n街道文化中心特举办“我家的老物件”征文活动,欢迎广大居民踊跃投稿。\n一、征文要求\n"
        f"内容真实,围绕一件老物件讲述家庭故事。\n二、投稿方式\n{contact}\n三、评奖办法\n征文设一等奖1名、二等奖3名。\n"
    )
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"] + ["subheading", "paragraph"] * 3]
    assert parsed.articles[0].blocks[5].text == contact


def test_a_notices_contacts_under_a_label_after_a_blank_line_are_its_body_not_an_advertisement() -> None:
    text = (
        "暑期少儿书法班招生启事\n街道文化中心暑期少儿书法班开始招生,欢迎7至12岁的小朋友报名。\n\n"
        f"报名方式\n电话:021-66668888\n地址:梅园路100号\n\n{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n"
    )
    parsed = _cut(text)
    assert _outline(parsed) == [
        ["title", "paragraph", "subheading", "paragraph", "paragraph"],
        ["title", "paragraph"],
    ]
    assert not parsed.leftovers


def test_a_sentence_cut_by_a_break_around_a_dropped_caption_is_still_joined() -> None:
    text = (
        "社区书场重新开张\n\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,今年的农历三月三\n\n\n\n"
        "▲评弹演员在书场演出\n\n\n\n恰逢周末,居民们纷纷前来。\n\n演出将持续到月底。\n"
    )
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph", "caption", "paragraph"]]
    assert squeeze(parsed.articles[0].blocks[1].text).endswith("农历三月三恰逢周末,居民们纷纷前来。")


def test_a_pages_imprint_and_publication_date_stay_furniture() -> None:
    text = (
        "滨江社区报\n2024年5月8日 星期三\n\n"
        "梅园街道完成加装电梯\n本报讯 5月6日,梅园街道首批四十台电梯已经投入运行。\n\n"
        f"滨江社区报 第2版\n出版日期:2024年5月8日\n\n{SECOND_TITLE}\n本报讯 {SECOND_BODY}\n"
        "地址:梅园路1号 邮编:200000 电话:021-12345678\n"
    )
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"], ["title", "paragraph"]]
    assert [str(left.kind) for left in parsed.leftovers][-2:] == ["masthead", "masthead"]


NOTICE = (
    "暑期少儿书法班招生启事\n街道文化中心暑期少儿书法班开始招生,欢迎7至12岁的小朋友报名。\n报名方式\n"
    "联系电话：021-66668888\n{deadline}\n活动地点:街道文化中心三楼\n"
)


@pytest.mark.parametrize(
    "deadline", ["截稿日期:2024年6月30日", "报名截止时间：2024年6月30日", "截止日期 2024年6月30日"]
)
def test_a_notices_deadline_is_its_body_never_the_issues_date(deadline: str) -> None:
    text = NOTICE.format(deadline=deadline)
    parsed = _cut(text)
    assert parsed.date is None
    assert _outline(parsed) == [["title", "paragraph", "subheading", "paragraph", "paragraph", "paragraph"]]
    masthead = "滨江社区报\n2024年5月8日 星期三\n\n"
    parsed = _cut(masthead + text)
    assert (parsed.title, parsed.date) == ("滨江社区报", "2024年5月8日")


# -- 3. the issue's contents -----------------------------------------------------------------------
ARTICLE = "梅园街道十二个小区今年完成加装电梯\n本报讯 5月6日,梅园街道首批四十台电梯已经投入运行。\n"


@pytest.mark.parametrize(
    "index",
    [
        "本期导读\nA1 梅园街道十二个小区今年完成加装电梯\nA2 区政府召开防汛工作会议\nC4 弄堂春秋(连载十二)\n",
        "本期目录\nA1 梅园街道十二个小区今年完成加装电梯\nA2 区政府召开防汛工作会议\nC4 弄堂春秋(连载十二)\n",
        "本期目录\n梅园街道十二个小区今年完成加装电梯………A1\n区政府召开防汛工作会议………A2\n",
        "要闻\n梅园街道十二个小区今年完成加装电梯 2版\n区政府召开防汛工作会议 3版\n",
        "【本期导读】\n第2版 梅园街道十二个小区今年完成加装电梯\n第3版｜区政府召开防汛工作会议\n"
        "弄堂春秋(连载十二)……4版\n",
        "本期目錄\nA1 梅園街道十二個小區今年完成加裝電梯\nA2 區政府召開防汛工作會議\n",
        "目录\n要闻\nA1 梅园街道十二个小区今年完成加装电梯\n社区\n"
        "B1 杏林社区推出十项便民服务 / B2 社区书场重新开张\n"
        "副刊\nC4 弄堂春秋(连载十二)\n",
        "A1 梅园街道十二个小区今年完成加装电梯\nA2 区政府召开防汛工作会议\n",
    ],
)
@pytest.mark.parametrize("blank", ["\n", ""])
def test_the_issues_contents_are_leftovers_and_the_article_after_keeps_its_title(
    index: str, blank: str
) -> None:
    text = index + blank + ARTICLE
    parsed = _cut(text)
    assert _outline(parsed) == [["title", "paragraph"]], text
    assert squeeze(parsed.articles[0].title or "") == squeeze(ARTICLE.split("\n")[0])
    assert _leftover_text(parsed) == squeeze(index)


def test_a_page_code_with_a_section_word_alone_is_not_an_index() -> None:
    text = f"{FIRST}\nB2 社区新闻\n\n{SECOND_TITLE}\n本报讯(记者 孙悦) {SECOND_BODY}\n"
    parsed = _cut(text)
    assert _titles(parsed) == ["社区书场重新开张", SECOND_TITLE]


# -- the same in the shapes other OCR engines give ------------------------------------------------
COMBINED = (
    "今日天气\n多云转晴 18℃~27℃\n东南风3-4级\n\n"
    "本期导读\nA1 加装电梯惠及百户\nA2 防汛工作会议召开\n\n"
    "社区书场重新开张\n本报讯 5月5日,修缮一新的梅园社区书场重新开张,每周二、四下午演出。\n"
    "咨询电话:12345678\n\n"
    "广告\n金牌家政 专业保洁\n电话:021-12345678\n\n"
    "杏林社区开展义诊\n本报讯 5月6日上午,杏林社区联合区中心医院在社区广场开展义诊活动。\n"
)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_same_in_other_shapes(shape: str) -> None:
    parsed = segment(COMBINED)
    assert _titles(parsed) == ["社区书场重新开张", SECOND_TITLE]
    shaped = reshaped(COMBINED, shape, {"hard": 16, "indent": 18, "masthead": 20}[shape])
    again = segment(shaped)
    assert_covers_exactly(shaped, again)
    assert signature(again) == signature(parsed)


# -- confidence: where the rules cannot decide, the article is doubtful -----------------------------
BODY = "梅园街道首批四十台电梯已经投入运行,两千余户居民告别了“爬楼难”,居民们纷纷点赞。"


@pytest.mark.parametrize(
    "heading", ["电话:021-12345678", "宜:出行 祭祀 会友", "A1 梅园街道十二个小区今年完成加装电梯", "广告"]
)
def test_a_heading_that_is_a_contact_box_index_or_ad_line_is_doubtful(heading: str) -> None:
    blocks = [(Role.KICKER, heading), (Role.TITLE, "梅园街道完成加装电梯"), (Role.PARAGRAPH, BODY)]
    assert Reason.MASTHEAD_LIKE in assess(blocks).reasons
    assert not assess([(Role.TITLE, "梅园街道完成加装电梯"), (Role.PARAGRAPH, BODY)]).doubtful


# -- through the real importer ---------------------------------------------------------------------
def test_the_importer_keeps_boxes_index_and_ads_out_of_articles(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "issue.txt"
    path.write_text(
        "滨江社区报\n2024年5月8日 星期三\n\n"
        + COMBINED
        + "\n"
        + NOTICE.format(deadline="截稿日期:2024年6月30日"),
        encoding="utf-8",
    )
    with library.write_session() as session:
        report = import_files(session, [path])
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED]
    with library.session() as session:
        issue = session.scalars(select(Issue)).one()
        assert issue.publication_date == "2024年5月8日"
        titles = list(session.scalars(select(Article.title).order_by(Article.position)))
        leftovers = "".join(session.scalars(select(Leftover.text).order_by(Leftover.id)))
    assert titles == ["社区书场重新开张", SECOND_TITLE, "暑期少儿书法班招生启事"]
    for furniture in ("多云转晴 18℃~27℃", "A1 加装电梯惠及百户", "金牌家政 专业保洁", "广告"):
        assert furniture in leftovers
    assert "咨询电话" not in leftovers and "截稿日期" not in leftovers


# -- 4. a main title over two lines; a page header is no paper's name ------------------------------
THREE_DECKS = (
    "老旧小区改造再提速\n梅园街道十二个小区\n今年完成加装电梯\n——首批四十台电梯已投入运行\n"
    "本报讯 今年以来,梅园街道把老旧小区加装电梯作为民生实事项目来抓,首批四十台电梯已经投入运行。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        THREE_DECKS,
        "梅园社区报\n2024年5月8日 星期三 第156期\n\n" + THREE_DECKS,
        THREE_DECKS.replace("——", "—— "),
        "老舊小區改造再提速\n梅園街道十二個小區\n今年完成加裝電梯\n——首批四十台電梯已投入運行\n"
        "本報訊(記者 王五) 今年以來,梅園街道把老舊小區加裝電梯作為民生實事項目來抓。\n",
    ],
)
def test_a_main_title_over_two_lines_under_a_kicker_is_one_title(text: str) -> None:
    parsed = _cut(text)
    article = parsed.articles[0]
    assert _outline(parsed)[0][:4] == ["kicker", "title", "subtitle", "paragraph"]
    assert (article.kicker or "")[:2] in ("老旧", "老舊")
    assert squeeze(article.title or "") in (
        "梅园街道十二个小区今年完成加装电梯",
        "梅園街道十二個小區今年完成加裝電梯",
    )
    assert not assess([(block.role, block.text) for block in article.blocks]).reasons


def test_a_kicker_and_a_title_stay_two_headings() -> None:
    parsed = _cut(THREE_DECKS.replace("老旧小区改造再提速\n", ""))
    assert (parsed.articles[0].kicker, parsed.articles[0].title) == ("梅园街道十二个小区", "今年完成加装电梯")
    spaced = _cut(THREE_DECKS.replace("梅园街道十二个小区\n", "梅园街道十二个小区\n\n"))
    assert _outline(spaced)[0][:3] == ["kicker", "kicker", "title"]  # a blank line between: not one title


@pytest.mark.parametrize(
    ("masthead", "title"),
    [
        ("第3版 社区·民生 2024年5月8日 星期三 责任编辑 张三\n", None),
        ("A3 社区 2024年5月8日 星期三\n", None),
        ("第3版 2024年5月8日\n", None),
        ("滨江社区报 2024年5月8日 第156期\n", "滨江社区报"),
    ],
)
def test_a_page_header_on_the_first_line_is_no_issue_title(masthead: str, title: str | None) -> None:
    text = masthead + "\n社区图书室成了居民的“第二客厅”\n梅园社区图书室藏书五千余册,每天接待读者近百人次。\n"
    parsed = _cut(text)
    assert (parsed.title, parsed.date) == (title, "2024年5月8日")
    assert _titles(parsed) == ["社区图书室成了居民的“第二客厅”"]
