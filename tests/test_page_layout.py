"""Reading order, roles and text of a page from OCR line boxes (no OCR: boxes laid out as a page would be)."""

from __future__ import annotations

from reader.core.page_layout import PageLine, PageRead, Role, lay_out_page, reading_order
from reader.core.page_layout_text import PAGE_BREAK, compose_text
from reader.core.segment import segment

H = 30  # body line height
STEP = 48  # body line pitch


def column(x: int, y: int, texts: list[str], *, indent: tuple[int, ...] = ()) -> list[PageLine]:
    """Body lines set top-down from (x, y), a character ``H`` wide each; lines in ``indent`` open two in."""
    lines = []
    for row, text in enumerate(texts):
        left = x + (2 * H if row in indent else 0)
        lines.append(PageLine(text, (left, y + row * STEP, H * len(text), H), 0.99))
    return lines


def full(prefix: str, chars: int = 10) -> str:
    """A line of ``chars`` characters starting with ``prefix``."""
    wide = prefix.translate(str.maketrans("0123456789", "零一二三四五六七八九"))  # all full width
    return (wide + "文" * chars)[:chars]


def test_a_headline_spanning_three_columns_is_read_first_then_each_column_top_down() -> None:
    headline = PageLine("大标题横跨三栏", (40, 40, 7 * 60, 68), 0.99)
    columns = [column(40 + i * 330, 160, [full(f"栏{i}行{r}") for r in range(5)]) for i in range(3)]
    lines = [line for col in reversed(columns) for line in col] + [headline]
    ordered = reading_order(lines)
    assert [line.text for line in ordered] == ["大标题横跨三栏"] + [
        full(f"栏{i}行{r}") for i in range(3) for r in range(5)
    ]
    layout = lay_out_page(PageRead(1000, 1000, tuple(lines)))
    assert layout.body_size == H
    assert layout.blocks[0].role is Role.HEADLINE
    assert all(block.role is Role.BODY for block in layout.blocks[1:])


def test_a_sidebar_is_read_after_the_main_story_and_a_masthead_before_everything() -> None:
    masthead = PageLine("社区报", (40, 20, 270, 90), 0.99)
    main = column(40, 160, [full(f"正文{r}", 20) for r in range(6)])
    sidebar = column(700, 160, [full(f"边栏{r}") for r in range(4)])
    ordered = reading_order([*sidebar, *main, masthead])
    assert [line.text for line in ordered] == ["社区报"] + [full(f"正文{r}", 20) for r in range(6)] + [
        full(f"边栏{r}") for r in range(4)
    ]


def test_a_centred_masthead_is_read_before_the_date_line_set_at_the_left_under_it() -> None:
    # the two share no height: the white between them across the page is no column gutter
    masthead = PageLine("江城社区报", (560, 20, 5 * 80, 80), 0.99)
    date = PageLine("2024年3月15日 星期五 第128期", (40, 116, 13 * H, H), 0.99)
    headline = PageLine("植树添新绿共建美丽家园", (40, 200, 11 * 54, 54), 0.99)
    columns = [column(40 + i * 660, 300, [full(f"栏{i}行{r}", 20) for r in range(4)]) for i in range(2)]
    lines = [*columns[1], *columns[0], headline, date, masthead]
    assert [line.text for line in reading_order(lines)] == [
        "江城社区报",
        "2024年3月15日 星期五 第128期",
        "植树添新绿共建美丽家园",
    ] + [full(f"栏{i}行{r}", 20) for i in range(2) for r in range(4)]
    # side by side (sharing height), the same channel still cuts columns
    beside = [
        PageLine("左栏", (40, 20, 2 * H, H), 0.99),
        PageLine("右栏文字", (560, 20 + H // 2, 4 * H, H), 0.99),
    ]
    assert [line.text for line in reading_order(beside)] == ["左栏", "右栏文字"]


def test_tightly_set_lines_whose_boxes_overlap_are_one_paragraph_and_a_masthead_still_comes_first() -> None:
    # a low-resolution, slightly tilted scan: each box reaches 3 px into the next line's
    lines = [
        PageLine(
            full(f"正文{r}", 16) if r else "\u3000\u3000" + full("正文0", 14),
            (34 + r // 3, 312 + r * 20, 208, 23),
            0.97,
        )
        for r in range(6)
    ]
    masthead = PageLine("江城社区报", (286, 30, 184, 42), 0.99)
    date = PageLine("2024年3月15日 星期五", (37, 68, 176, 21), 0.99)  # its box touches the masthead's by 4 px
    headline = PageLine("植树添新绿共建美丽家园", (40, 109, 274, 30), 0.99)
    layout = lay_out_page(PageRead(760, 1000, (*lines, headline, date, masthead)))
    read = [[line.text for line in block.lines] for block in layout.blocks]
    assert read[:3] == [["江城社区报"], ["2024年3月15日 星期五"], ["植树添新绿共建美丽家园"]]
    assert read[3:] == [[line.text for line in lines]]


def test_a_column_beside_the_foot_of_another_is_read_after_it_wherever_its_lines_fall() -> None:
    # the right-hand story starts beside the last lines of the left one, its lines between theirs
    for offset in (0, 10, 24, 40):
        left = column(40, 200, [full(f"左{r}", 16) for r in range(17)])
        right = column(700, 900 + offset, [full(f"右{r}", 16) for r in range(15)])
        ordered = [line.text for line in reading_order([*right, *left])]
        assert ordered == [line.text for line in (*left, *right)], offset


def test_vertical_text_is_read_top_down_in_columns_from_right_to_left() -> None:
    lines = [
        PageLine(f"竖排第{'一二三四'[i]}列文字", (900 - i * 50, 100, 32, 7 * 32), 0.98) for i in range(4)
    ]
    ordered = reading_order(list(reversed(lines)))
    assert [line.text for line in ordered] == [f"竖排第{'一二三四'[i]}列文字" for i in range(4)]
    layout = lay_out_page(PageRead(1000, 600, tuple(lines)))
    assert layout.body_size == 32
    assert [line.text for block in layout.blocks for line in block.lines] == [line.text for line in lines]


def test_small_print_under_an_empty_stretch_is_a_caption_and_the_picture_is_inferred() -> None:
    body = column(40, 100, [full(f"正文第{r}行") for r in range(3)])
    caption = PageLine("图为活动现场", (40, 100 + 3 * STEP + 300, 6 * 22, 24), 0.97)
    after = column(40, 100 + 3 * STEP + 360, ["下文继续"])
    layout = lay_out_page(PageRead(600, 1000, (*body, caption, *after)))
    roles = {block.lines[0].text: block.role for block in layout.blocks}
    assert roles["图为活动现场"] is Role.CAPTION
    [picture] = layout.pictures
    assert picture[1] >= 100 + 2 * STEP + H and picture[1] + picture[3] <= caption.box[1]
    # the same small print with text close above it is no caption
    near = PageLine("小字注释", (40, 100 + 3 * STEP, 4 * 22, 24), 0.97)
    roles = {b.lines[0].text: b.role for b in lay_out_page(PageRead(600, 1000, (*body, near))).blocks}
    assert roles["小字注释"] is Role.SMALL


def test_a_picture_area_from_a_layout_model_makes_small_print_beside_it_a_caption() -> None:
    body = column(40, 100, [full(f"正文第{r}行") for r in range(4)])
    note = PageLine("图为新建的广场", (40, 400, 7 * 22, 24), 0.97)
    page = PageRead(900, 1000, (*body, note), pictures=((220, 380, 300, 200),))
    roles = {block.lines[0].text: block.role for block in lay_out_page(page).blocks}
    assert roles["图为新建的广场"] is Role.CAPTION
    assert lay_out_page(page).pictures == ((220, 380, 300, 200),)  # the model's, none inferred beside it


def test_paragraphs_open_at_an_indent_and_run_on_across_columns() -> None:
    texts = [full("第一段开头", 8), full("第一段续行"), "第一段末", full("第二段开头", 8), full("第二段续")]
    left = column(40, 100, texts, indent=(0, 3))
    right = column(380, 100, [full("第二段再续"), "第二段完"])
    layout = lay_out_page(PageRead(800, 600, (*left, *right)))
    assert [[line.text for line in block.lines] for block in layout.blocks] == [
        texts[:3],
        texts[3:],
        [
            full("第二段再续"),
            "第二段完",
        ],
    ]
    # the last line of the left column is full: its paragraph runs on at the head of the next column
    assert [block.continues for block in layout.blocks] == [False, False, True]
    short = lay_out_page(
        PageRead(800, 600, (*left[:4], PageLine("短", (40, 100 + 4 * STEP, H, H), 0.9), *right))
    )
    assert [block.continues for block in short.blocks] == [False, False, False]


def test_the_composed_text_is_line_based_and_every_line_keeps_its_page_box_and_span() -> None:
    page1 = PageRead(
        1000,
        1000,
        (
            PageLine("社区新闻标题", (40, 40, 6 * 60, 70), 0.95),
            *column(40, 160, ["这是正文的第一行内容", "这是正文第二行。"], indent=(0,)),
        ),
    )
    page2 = PageRead(1000, 1000, tuple(column(40, 100, ["第二页的正文继续写", "完了。"])))
    composed = compose_text([lay_out_page(page1), lay_out_page(page2)])
    blank = "\n" * (PAGE_BREAK + 1)
    ind = "\u3000\u3000"  # the first line opens two characters in
    assert (
        composed.text
        == f"社区新闻标题\n\n{ind}这是正文的第一行内容\n这是正文第二行。{blank}第二页的正文继续写\n完了。\n"
    )
    for line in composed.lines:
        assert "\n" not in composed.text[line.start : line.end]
    assert [(line.page, line.role) for line in composed.lines] == [
        (1, Role.HEADLINE),
        (1, Role.BODY),
        (1, Role.BODY),
        (2, Role.BODY),
        (2, Role.BODY),
    ]
    assert composed.lines[0].box == (40, 40, 360, 70)
    assert composed.lines[1].size == 1.0
    parsed = segment(composed.text)
    assert parsed.articles[0].title == "社区新闻标题"
