"""Stories over narrow columns and across pages, read from line boxes (no OCR: boxes as a page sets them)."""

from __future__ import annotations

from reader.core.page_layout import PageLine, PageRead, lay_out_page
from reader.core.page_layout_text import compose_text
from reader.core.segment import segment
from reader.core.segment.geometry import LineLook

H = 30  # body line height, a character's width
STEP = 48  # body line pitch
GUTTER = 40

STORY = (
    "五月十日是第三个中国品牌日街道党工委携手十一家老字号企业共同绣制国旗"
    "以此献礼新中国成立七十周年并且展示中国自主品牌的风采据计算活动现场的十一家老字"
    "号历史加起来超过一千六百年来自这些老字号的年轻力量在恒源祥绒绣工作室年轻的"
    "传承人的指导下一针一线表达对祖国的热爱。"
)
NEXT = (
    "本月重修开放的宝兴老年人日间照料中心迎来了它一周岁的生日为了感谢社区居民一直以来的支持"
    "日照中心联合宝兴居委特举办了一场社区义诊活动活动邀请了多家医疗机构的医护人员为社区老人"
    "提供测量血压血糖口腔检查视力筛查等义诊服务深受社区居民的好评。"
)


def _lines(text: str, width: int, *, indent: int = 0) -> list[str]:
    """``text`` wrapped at ``width`` characters, its first line ``indent`` characters in."""
    rows = [text[: width - indent]]
    rest = text[width - indent :]
    while rest:
        rows.append(rest[:width])
        rest = rest[width:]
    return rows


def _column(x: int, y: int, rows: list[str], *, indent: int = 0) -> list[PageLine]:
    return [
        PageLine(row, (x + (indent * H if n == 0 else 0), y + n * STEP, H * len(row), H), 0.99)
        for n, row in enumerate(rows)
    ]


def _headline(text: str, x: int, y: int) -> PageLine:
    return PageLine(text, (x, y, 56 * len(text), 62), 0.99)


def _two_pages() -> tuple[PageRead, PageRead]:
    """A story in four 11-character columns running over to the head of page 2, then a wide story."""
    rows = _lines(STORY, 11, indent=2)
    page1: list[PageLine] = [_headline("老字号企业人同绣国旗", 40, 40)]
    per_column = 2
    for number in range(4):
        part = rows[number * per_column : (number + 1) * per_column]
        page1 += _column(40 + number * (11 * H + GUTTER), 160, part, indent=2 if number == 0 else 0)
    spill = rows[4 * per_column :]
    assert len(spill) >= 4  # the story runs on at the head of page 2
    page2: list[PageLine] = _column(40, 60, spill)
    top = 60 + len(spill) * STEP + 80
    page2.append(_headline("专场活动来助阵社区居民乐欢颜", 40, top))
    wide = _lines(NEXT, 24, indent=2)
    half = (len(wide) + 1) // 2
    page2 += _column(40, top + 120, wide[:half], indent=2)
    page2 += _column(40 + 24 * H + GUTTER, top + 120, wide[half:])
    return PageRead(1600, 1200, tuple(page1)), PageRead(1600, 1200, tuple(page2))


def test_a_story_in_narrow_columns_running_on_to_the_next_page_is_one_article_and_one_paragraph() -> None:
    composed = compose_text([lay_out_page(page) for page in _two_pages()])
    geometry = {line.start: LineLook(line.role.value, line.size) for line in composed.lines}
    parsed = segment(composed.text, geometry)
    assert [article.title for article in parsed.articles] == [
        "老字号企业人同绣国旗",
        "专场活动来助阵社区居民乐欢颜",
    ]
    first, second = parsed.articles
    # the paragraph cut by the page break is joined, and none of its 11-character lines is a heading
    assert [block.role.value for block in first.blocks] == ["title", "paragraph"]
    assert "".join(first.blocks[1].text.split()) == STORY
    assert "".join(second.blocks[-1].text.split()) == NEXT


SIDEBAR_BODY = "党建中心搭平台，主题教育引力强。第二批主题教育启动以来，花木街道筑牢社区党建服务中心主阵地。"


def _sidebar(kicker_tail: str, tail_box: tuple[int, int, int, int]) -> PageRead:
    """A sidebar column 11 characters wide: a kicker wrapped over two lines, a title over three, its body."""
    kicker = PageLine("筑牢党建“主”阵地", (930, 170, 253, 32), 0.98)
    title = [
        PageLine("花木街道主题", (928, 262, 243, 45), 0.99),
        PageLine("教育向深向实", (931, 326, 238, 40), 0.99),
        PageLine("开展", (927, 388, 85, 44), 0.99),
    ]
    rows = _lines(SIDEBAR_BODY, 11, indent=2)
    body = [
        PageLine(row, (930 + (44 if n == 0 else 0), 470 + n * 36, 22 * len(row), 26), 0.99)
        for n, row in enumerate(rows)
    ]
    return PageRead(1240, 1500, (kicker, PageLine(kicker_tail, tail_box, 0.98), *title, *body))


def test_a_kicker_wrapped_over_two_lines_of_a_narrow_column_is_one_kicker() -> None:
    for tail, box in [
        ("激发时代“心”动力", (935, 214, 227, 33)),  # a full second line, measured by its glyph pitch
        ("激发", (932, 214, 60, 40)),  # a short one, measured by its box (taller than its type size)
    ]:
        layout = lay_out_page(_sidebar(tail, box))
        composed = compose_text([layout])
        geometry = {line.start: LineLook(line.role.value, line.size) for line in composed.lines}
        [article] = segment(composed.text, geometry).articles
        kicker = "".join(b.text for b in article.blocks if b.role.value == "kicker")
        assert kicker == f"筑牢党建“主”阵地{tail}", (tail, composed.text)
        assert article.title == "花木街道主题教育向深向实开展"


def test_vertical_lines_set_closer_than_a_gutter_are_read_right_to_left_in_tiers() -> None:
    """The model's boxes of vertical lines nearly touch; one starts lower (its opening quote missed)."""
    tiers = []
    for tier, top in enumerate((60, 600)):
        tiers.append(
            [
                PageLine(
                    f"第{tier}段第{n}列竖排文字内容",
                    (900 - n * 52, top + (30 if n == 2 else 0), 42, 440),
                    0.99,
                )
                for n in range(5)
            ]
        )
    lines = [line for tier in reversed(tiers) for line in reversed(tier)]  # in no useful order
    layout = lay_out_page(PageRead(1000, 1100, tuple(lines)))
    read = [line.text for block in layout.blocks for line in block.lines]
    assert read == [f"第{tier}段第{n}列竖排文字内容" for tier in range(2) for n in range(5)]


def test_a_line_read_a_character_longer_than_its_column_does_not_cut_its_paragraph() -> None:
    """The model read a quotation mark twice: the next line, as full, looks a character short."""
    rows = [
        "街道“张理群书记工作室”与“牟建林书记工作室”",  # 23 read, 22 set after a 2-character indent
        "负责人分别以“坚守初心使命，做好社区团队建设”、",
        "利用社区资源，解决社区矛盾”为主题进行了心得分享。",
        "大家一致认为要把经验带回居民区去。",
    ]
    lines = [
        PageLine(
            row,
            (40 + (2 * H if n == 0 else 0), 160 + n * STEP, H * len(row) - (30 if n == 0 else 0), H),
            0.99,
        )
        for n, row in enumerate(rows)
    ]
    page = PageRead(1000, 600, (_headline("社区书记交流工作经验", 40, 40), *lines))
    composed = compose_text([lay_out_page(page)])
    geometry = {line.start: LineLook(line.role.value, line.size) for line in composed.lines}
    [article] = segment(composed.text, geometry).articles
    assert [block.role.value for block in article.blocks] == ["title", "paragraph"]
    assert article.blocks[1].text == "".join(rows)
