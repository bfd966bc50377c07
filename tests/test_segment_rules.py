"""The segmentation rules one by one, on short inputs written for the purpose."""

from __future__ import annotations

import pytest

from reader.core.model import LeftoverKind, ParsedArticle, ParsedIssue, Person, Role
from reader.core.segment import segment
from reader.core.segment.article_blocks import make_block, settle_block_order
from reader.core.segment.byline import is_byline, parse_byline
from reader.core.segment.classify import LineKind, classify_line, classify_lines
from reader.core.segment.furniture import (
    furniture_kind,
    is_layout_word,
    is_masthead_line,
    is_qr_blurb,
    masthead_date,
    masthead_title,
)
from reader.core.segment.heading_groups import assign_heading_roles, collect_heading_group
from reader.core.segment.lines import scan_lines, split_leading_label, typical_gap
from reader.core.segment.repair import (
    is_cut_fragment,
    join_cut_paragraphs,
    lift_dropped_captions,
    reads_as_clause,
)
from reader.core.segment.rules import (
    continuation_start,
    ends_sentence,
    ends_with_bare_closer,
    is_balanced,
    is_complete,
    is_enumerated,
    is_exclaimed_title,
    is_heading_like,
    is_item_title,
    is_jump_marker,
    is_marked_caption,
    is_marked_subheading,
    is_photo_section,
    is_section_label,
    is_source_line,
    is_subtitle,
    opens_article,
    split_trailing_source,
)

BREAK = "\n\n\n\n"  # a page/column break: a run of blank lines
GAP = "\n\n"  # the usual single blank line between blocks

# Short invented body text (complete paragraphs).
P1 = "近日,街道召开工作推进会,部署下一阶段重点任务。"
P2 = "会议要求各部门加强协作,确保各项工作落到实处。"
P3 = "居民们纷纷表示,活动内容丰富,很有意义。"


def issue(*parts: str) -> str:
    """Join blocks with single blank lines; a part that is BREAK stands for a run."""
    out: list[str] = []
    for part in parts:
        if part == BREAK:
            out.append(BREAK)
        else:
            if out and out[-1] != BREAK:
                out.append(GAP)
            out.append(part)
    return "".join(out) + "\n"


def kinds(text: str) -> list[LineKind]:
    return [tagged.kind for tagged in classify_lines(scan_lines(text))]


def only_article(parsed: ParsedIssue) -> ParsedArticle:
    assert len(parsed.articles) == 1, [a.title for a in parsed.articles]
    return parsed.articles[0]


# -- lines ---------------------------------------------------------------------------------
class TestLines:
    def test_spans_are_of_stripped_content(self) -> None:
        text = "  标题 \n\n\u3000正文。\n"
        lines = scan_lines(text)
        assert [(text[line.start : line.end], line.gap_before) for line in lines] == [
            ("标题", 0),
            ("正文。", 1),
        ]

    def test_a_longer_run_of_blank_lines_is_a_break(self) -> None:
        lines = scan_lines("甲\n\n乙\n\n丙\n\n\n\n丁\n\n戊")
        assert [line.break_before for line in lines[1:]] == [False, False, True, False]

    def test_dense_text_makes_any_blank_line_a_break(self) -> None:
        lines = scan_lines("甲\n乙\n丙\n\n丁")
        assert [line.break_before for line in lines[1:]] == [False, False, True]

    def test_typical_gap(self) -> None:
        assert typical_gap([1, 1, 3, 1, 3]) == 1
        assert typical_gap([]) == 1
        assert typical_gap([2, 1]) == 1  # a tie goes to the smaller gap

    def test_a_label_glued_to_a_heading_is_split_off(self) -> None:
        assert split_leading_label("【党政】街道召开会议") == len("【党政】")
        assert split_leading_label("【党政】") == 0
        assert split_leading_label("街道【党政】") == 0
        text = "【党政】 街道召开会议\n"
        lines = scan_lines(text)
        assert [line.text for line in lines] == ["【党政】", "街道召开会议"]
        assert lines[1].gap_before == 0 and not lines[1].break_before

    def test_empty_and_blank_text(self) -> None:
        assert scan_lines("") == []
        assert scan_lines(" \n\u3000\n\t") == []


# -- punctuation shape -----------------------------------------------------------------------
class TestPunctuation:
    @pytest.mark.parametrize("text", ["一句话。", "真好!", "好吗?", "他说:“好。”", "等等……", "一是;"])
    def test_ends_sentence(self, text: str) -> None:
        assert ends_sentence(text)

    @pytest.mark.parametrize("text", ["提高学习理", "发言,", "把“长板做长”", "(新民晚报)"])
    def test_does_not_end_sentence(self, text: str) -> None:
        assert not ends_sentence(text)

    def test_is_complete(self) -> None:
        assert is_complete("提出四项重点要求:")
        assert is_complete("确保辖区安全稳定。")
        assert is_complete("主题是“初心”")
        assert not is_complete("提高学习理")
        assert not is_complete("代表们踊跃发言,")
        assert not is_complete("")

    def test_bare_closer(self) -> None:
        assert ends_with_bare_closer("更好地把“初心”")
        assert not ends_with_bare_closer("他说:“好。”")
        assert not ends_with_bare_closer("正文。")

    def test_is_balanced(self) -> None:
        assert is_balanced("聚焦“零距离家园”建设")
        assert not is_balanced("现场就“如何利用社会资源")
        assert not is_balanced("社区矛盾”以及")

    @pytest.mark.parametrize("text", ["学、带着问题学", "绍,随后,观看", ",随后", "”以及"])
    def test_continuation_start(self, text: str) -> None:
        assert continuation_start(text)

    @pytest.mark.parametrize("text", ["近日,街道召开", "一、成立小组", "5月7日,街道", ""])
    def test_not_continuation_start(self, text: str) -> None:
        assert not continuation_start(text)

    @pytest.mark.parametrize(
        "text", ["5月7日,街道工会", "2019年5月7日,", "近日,东城七居委", "为了弘扬农耕文化"]
    )
    def test_opens_article(self, text: str) -> None:
        assert opens_article(text)

    def test_does_not_open_article(self) -> None:
        assert not opens_article("瓶颈破解,有效实现")


# -- headings ----------------------------------------------------------------------------
class TestHeadings:
    @pytest.mark.parametrize(
        "text",
        [
            "花木街道主题教育向深向实开展",
            "坚持以职工为中心,竭诚服务职工群众",  # a kicker may hold one comma
            "探索街道特色 把“长板做长、亮点擦亮”",
            "聚焦主题重点学",
        ],
    )
    def test_heading_like(self, text: str) -> None:
        assert is_heading_like(text)

    @pytest.mark.parametrize(
        "text",
        [
            "安全稳定。",  # ends a sentence
            "代表们踊跃发言,",  # leaves a clause open
            "以“调查研究贯穿始终”的",  # ends in a function word
            "现场就“如何利用社会资源,高效解决",  # an open quote
            "选定一批“参考书”。书籍是传承历史文",  # a full stop inside
            "甲,乙,丙",  # two commas: a sentence
            "很" * 40,  # too long
            "",
        ],
    )
    def test_not_heading_like(self, text: str) -> None:
        assert not is_heading_like(text)

    def test_exclaimed_title(self) -> None:
        assert is_exclaimed_title("垃圾分类,我们在行动!")
        assert is_heading_like("垃圾去哪了?")
        assert not is_heading_like("“太好了!”")  # quoted speech
        assert not is_heading_like("活动很成功。")

    def test_subtitle(self) -> None:
        assert is_subtitle("——街道“书记工作室”举办第二季活动")
        assert not is_subtitle("——这是一句完整的话。")
        assert not is_subtitle("街道举办活动")

    def test_marked_subheading(self) -> None:
        assert is_marked_subheading("● 学习互鉴")
        assert is_marked_subheading("◆经验分享")
        assert not is_marked_subheading("● 这是一个完整的句子。")
        assert not is_marked_subheading("学习互鉴")

    def test_item_title(self) -> None:
        assert is_item_title("联洋二 | 感受红色文化")
        assert is_item_title("培花一丨了解处理垃圾")
        assert not is_item_title("感受红色文化")

    def test_section_label(self) -> None:
        assert is_section_label("【党政】")
        assert is_section_label("图片新闻")
        assert not is_section_label("图片新闻真好看")
        assert is_photo_section("图片新闻") and is_photo_section("【图片新闻】")
        assert not is_photo_section("【党政】")

    def test_enumerated(self) -> None:
        assert is_enumerated("一、成立领导小组")
        assert is_enumerated("(二)加强宣传")
        assert is_enumerated("3.总结经验")
        assert not is_enumerated("成立领导小组")

    def test_marked_caption(self) -> None:
        assert is_marked_caption("▲ 志愿者在社区忙碌")
        assert is_marked_caption("图为活动现场")
        assert not is_marked_caption("志愿者在社区忙碌")

    @pytest.mark.parametrize(
        ("kinds_", "roles"),
        [
            ([LineKind.HEADING], [Role.TITLE]),
            ([LineKind.HEADING, LineKind.HEADING], [Role.KICKER, Role.TITLE]),
            ([LineKind.HEADING, LineKind.SUBTITLE], [Role.TITLE, Role.SUBTITLE]),
            (
                [LineKind.HEADING, LineKind.HEADING, LineKind.SUBTITLE],
                [Role.KICKER, Role.TITLE, Role.SUBTITLE],
            ),
            ([LineKind.HEADING] * 3, [Role.KICKER, Role.TITLE, Role.SUBTITLE]),
            ([LineKind.SUBTITLE], [Role.SUBTITLE]),
        ],
    )
    def test_assign_heading_roles(self, kinds_: list[LineKind], roles: list[Role]) -> None:
        assert assign_heading_roles(kinds_) == roles

    def test_collect_heading_group_stops_after_the_subtitle(self) -> None:
        text = issue("引题", "标题", "——副题", "另一行", P1)
        units = join_cut_paragraphs(classify_lines(scan_lines(text)))
        group = collect_heading_group(units, 0)
        assert [unit.text for unit in group.headings] == ["引题", "标题", "——副题"]
        assert group.end == 3


# -- bylines -------------------------------------------------------------------------------
class TestBylines:
    @pytest.mark.parametrize(
        ("text", "people"),
        [
            ("□ 通讯员 卢文华 朱翎", [("卢文华", "通讯员"), ("朱翎", "通讯员")]),
            ("□文 徐云", [("徐云", "文")]),
            ("记者 张三", [("张三", "记者")]),
            ("记者 张三 通讯员 李四", [("张三", "记者"), ("李四", "通讯员")]),
            ("□ 文/图 王五", [("王五", "文/图")]),
            ("□ 摄影:赵六", [("赵六", "摄影")]),
            ("□通讯员张三", [("张三", "通讯员")]),
            ("□ 张三、李四", [("张三", ""), ("李四", "")]),
            ("本报记者 欧阳娜娜 报道", [("欧阳娜娜", "本报记者")]),
            ("文/张三 图/李四", [("张三", "文"), ("李四", "图")]),
        ],
    )
    def test_parse_byline(self, text: str, people: list[tuple[str, str]]) -> None:
        assert parse_byline(text) == tuple(Person(name, role) for name, role in people)

    @pytest.mark.parametrize(
        "text",
        [
            "记者节座谈会",  # a role word glued to a heading, no square
            "文明创建 深入人心",
            "● 学习互鉴",
            "□ 学习互鉴活动",  # a square with no role takes short names only
            "近日,记者 张三 来到社区。",
            "",
        ],
    )
    def test_not_a_byline(self, text: str) -> None:
        assert not is_byline(text)


# -- sources -------------------------------------------------------------------------------
class TestSources:
    @pytest.mark.parametrize("text", ["(街道党群办)", "(新民晚报)", "（社区自治办）", "(花木安全家园)"])
    def test_source_line(self, text: str) -> None:
        assert is_source_line(text)

    @pytest.mark.parametrize("text", ["(下转第2版)", "(一)", "(,。)", "街道党群办", "(一句话。)"])
    def test_not_a_source_line(self, text: str) -> None:
        assert not is_source_line(text)

    def test_trailing_source_after_a_full_stop(self) -> None:
        text = "一针一线表达对祖国的热爱。(新民晚报)"
        assert split_trailing_source(text) == text.index("(")

    def test_trailing_source_naming_an_office(self) -> None:
        text = "代表们踊跃发言,(街道社区发展办)"
        assert split_trailing_source(text) == text.index("(")

    def test_no_trailing_source_inside_a_sentence(self) -> None:
        assert split_trailing_source("消防、公安等相关职能部门(单位)") is None
        assert split_trailing_source("参加会议(单位)。") is None
        assert split_trailing_source("(街道党群办)") is None

    def test_jump_marker(self) -> None:
        assert is_jump_marker("(下转第2版)")
        assert is_jump_marker("上接第1版")
        assert not is_jump_marker("(街道党群办)")


# -- furniture -------------------------------------------------------------------------------
class TestFurniture:
    def test_masthead(self) -> None:
        line = "外滩 第123期 2019年5月15日"
        assert is_masthead_line(line)
        assert masthead_title(line) == "外滩"
        assert masthead_date(line) == "2019年5月15日"
        assert is_masthead_line("2019年5月15日 星期三")
        assert is_masthead_line("主办:外滩街道党工委")
        assert masthead_title("第123期") is None

    def test_not_masthead(self) -> None:
        assert not is_masthead_line("书记沙龙第3期开讲")
        assert not is_masthead_line("2019年5月15日,街道召开会议。")

    def test_qr_blurb(self) -> None:
        assert is_qr_blurb("扫码关注“外滩街道”微信公众号")
        assert is_qr_blurb("外滩街道微信公众号")
        assert not is_qr_blurb("居民可以通过扫码预约的方式参加活动,十分方便,受到居民好评。")

    @pytest.mark.parametrize(
        "text", ["HEADLINE", "第2版", "第2版 要闻", "A3", "- 4 -", "责任编辑:王五", "(下转第2版)"]
    )
    def test_layout_words(self, text: str) -> None:
        assert is_layout_word(text)
        assert furniture_kind(text) is LeftoverKind.LAYOUT

    def test_furniture_kind(self) -> None:
        assert furniture_kind("扫码关注我们") is LeftoverKind.QR_CODE
        assert furniture_kind("第5期 2020年1月1日") is LeftoverKind.MASTHEAD
        assert furniture_kind("街道召开会议") is None


# -- classification ----------------------------------------------------------------------------
class TestClassify:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("街道工会召开二届三次代表大会", LineKind.HEADING),
            ("——街道举办第二季活动", LineKind.SUBTITLE),
            ("联洋二 | 感受红色文化", LineKind.ITEM_TITLE),
            ("● 学习互鉴", LineKind.SUBHEADING),
            ("□ 通讯员 梁炜晶", LineKind.BYLINE),
            ("(街道党群办)", LineKind.SOURCE),
            ("【党政】", LineKind.SECTION),
            ("图为活动现场", LineKind.CAPTION),
            ("HEADLINE", LineKind.FURNITURE),
            (P1, LineKind.PARAGRAPH),
        ],
    )
    def test_kinds(self, text: str, kind: LineKind) -> None:
        assert kinds(text) == [kind]

    def test_paragraph_with_trailing_source(self) -> None:
        text = "活动圆满结束。(社区自治办)"
        tagged = classify_line(scan_lines(text)[0])
        assert tagged.kind is LineKind.PARAGRAPH
        assert tagged.body_end == text.index("(")
        assert tagged.source == (text.index("("), len(text))
        assert tagged.complete

    def test_incomplete_paragraph(self) -> None:
        tagged = classify_line(scan_lines("社区问题多种多样,要充分认识到学习的重要性,提高学习理")[0])
        assert tagged.kind is LineKind.PARAGRAPH and not tagged.complete


# -- structural repair ----------------------------------------------------------------------
class TestRepair:
    def test_join_a_paragraph_cut_by_a_break(self) -> None:
        text = issue("标题", "要充分认识到学习的重要性,提高学习理", BREAK, "论知识的主动性。要发挥作用。")
        units = join_cut_paragraphs(classify_lines(scan_lines(text)))
        assert [unit.kind for unit in units] == [LineKind.HEADING, LineKind.PARAGRAPH]
        assert len(units[1].parts) == 2

    def test_join_a_chain_of_cuts(self) -> None:
        text = issue("一行人来到服务站。详细听取了工作人员的介", "绍,随后观看了短片,气氛非", "常活跃。")
        units = join_cut_paragraphs(classify_lines(scan_lines(text)))
        assert len(units) == 1 and len(units[0].parts) == 3

    def test_lift_a_dropped_caption(self) -> None:
        tagged = classify_lines(
            scan_lines(
                issue(
                    "继续找不足、补短板,加快推动", BREAK, "代表们检查社区垃圾分类情况", "瓶颈破解,实现目标。"
                )
            )
        )
        found = lift_dropped_captions(tagged, 1)
        assert found is not None
        dropped, at = found
        assert [d.kind for d in dropped] == [LineKind.CAPTION] and at == 2

    def test_no_continuation_behind_a_byline(self) -> None:
        tagged = classify_lines(scan_lines(issue("提高学习理", "新的标题", "□ 通讯员 张三", P1)))
        assert lift_dropped_captions(tagged, 1) is None

    def test_no_continuation_that_opens_an_article(self) -> None:
        tagged = classify_lines(
            scan_lines(issue("提高学习理", BREAK, "社区义诊暖人心", "5月7日,街道举办义诊。"))
        )
        assert lift_dropped_captions(tagged, 1) is None

    def test_heading_like_fragment_with_a_comma_before_a_break(self) -> None:
        text = issue(
            P1, "检视问题推进学", "街道党政班子率先示范,带着责任", BREAK, "学、带着问题学、联系实际学。"
        )
        tagged = classify_lines(scan_lines(text))
        assert tagged[2].kind is LineKind.HEADING
        assert is_cut_fragment(tagged, 2)
        assert not is_cut_fragment(tagged, 1)

    def test_a_kicker_with_a_comma_is_not_a_fragment(self) -> None:
        text = issue(P1, "坚持以职工为中心,竭诚服务职工群众", "街道工会召开代表大会", "□ 通讯员 张三", P2)
        assert not is_cut_fragment(classify_lines(scan_lines(text)), 1)

    def test_a_title_after_a_break_is_not_a_fragment(self) -> None:
        text = issue(P1, BREAK, "街道召开会议,部署工作", P2)
        assert not is_cut_fragment(classify_lines(scan_lines(text)), 1)

    def test_reads_as_clause(self) -> None:
        assert reads_as_clause("率先示范,带着责任")
        assert reads_as_clause("服务办、事务受理服务中心")
        assert not reads_as_clause("社区义诊暖人心")

    def test_a_bare_closing_quote_is_cut_only_around_a_caption(self) -> None:
        text = issue(P1, "更好地把“初心”", BREAK, "志愿者在社区忙碌", "“使命”具体落实到干事创业上。")
        units = join_cut_paragraphs(classify_lines(scan_lines(text)))
        assert len(units) == 2 and len(units[1].parts) == 2 and len(units[1].lifted) == 1
        plain = issue(P1, "更好地把“初心”", "“使命”具体落实到干事创业上。")
        assert len(join_cut_paragraphs(classify_lines(scan_lines(plain)))) == 3


# -- block order --------------------------------------------------------------------------------
class TestBlockOrder:
    def test_joined_paragraph_ending_an_article_goes_behind_its_caption(self) -> None:
        text = "标题\n\n甲乙\n\n丙\n\n丁"
        title = make_block(text, Role.TITLE, [(0, 2)])
        paragraph = make_block(text, Role.PARAGRAPH, [(4, 6), (11, 12)])
        caption = make_block(text, Role.CAPTION, [(8, 9)])
        assert paragraph.text == "甲乙丁"
        assert settle_block_order(text, [title, paragraph, caption]) == [title, caption, paragraph]

    def test_a_lone_joined_paragraph_is_unjoined_around_its_caption(self) -> None:
        text = "甲乙\n\n丙\n\n丁"
        paragraph = make_block(text, Role.PARAGRAPH, [(0, 2), (7, 8)])
        caption = make_block(text, Role.CAPTION, [(4, 5)])
        blocks = settle_block_order(text, [paragraph, caption])
        assert [(b.role, b.text) for b in blocks] == [
            (Role.PARAGRAPH, "甲乙"),
            (Role.CAPTION, "丙"),
            (Role.PARAGRAPH, "丁"),
        ]


# -- articles end to end on small issues ------------------------------------------------------
class TestArticles:
    def test_empty_text(self) -> None:
        parsed = segment("")
        assert parsed.articles == [] and parsed.leftovers == []
        assert parsed.title is None and parsed.date is None

    def test_kicker_title_byline(self) -> None:
        text = issue(
            "坚持以职工为中心,竭诚服务职工群众", "街道工会召开代表大会", "□ 通讯员 卢文华 朱翎", P1, P2
        )
        article = only_article(segment(text))
        assert article.kicker == "坚持以职工为中心,竭诚服务职工群众"
        assert article.title == "街道工会召开代表大会"
        assert article.people == [Person("卢文华", "通讯员"), Person("朱翎", "通讯员")]
        assert article.paragraphs == [P1, P2]

    def test_title_and_subtitle(self) -> None:
        text = issue("聚焦家园建设 助推社区发展", "——街道举办第二季活动", "□ 通讯员 张三", P1)
        article = only_article(segment(text))
        assert (article.kicker, article.title, article.subtitle) == (
            None,
            "聚焦家园建设 助推社区发展",
            "——街道举办第二季活动",
        )

    def test_subheadings_stay_inside(self) -> None:
        text = issue("标题一行", P1, "聚焦主题重点学", P2, "● 学习互鉴", P3, "(街道党群办)")
        article = only_article(segment(text))
        assert [b.role for b in article.blocks] == [
            Role.TITLE,
            Role.PARAGRAPH,
            Role.SUBHEADING,
            Role.PARAGRAPH,
            Role.SUBHEADING,
            Role.PARAGRAPH,
            Role.SOURCE,
        ]

    def test_two_heading_lines_start_a_new_article(self) -> None:
        text = issue("第一篇标题", P1, "迎接新中国成立70周年", "老字号企业人同绣国旗", P2)
        parsed = segment(text)
        assert [(a.kicker, a.title) for a in parsed.articles] == [
            (None, "第一篇标题"),
            ("迎接新中国成立70周年", "老字号企业人同绣国旗"),
        ]

    def test_a_source_ends_the_article(self) -> None:
        text = issue("第一篇标题", P1, "(社区自治办)", "社区义诊暖人心", P2)
        parsed = segment(text)
        assert [a.title for a in parsed.articles] == ["第一篇标题", "社区义诊暖人心"]
        assert parsed.articles[0].source == "(社区自治办)"

    def test_trailing_source_splits_the_last_paragraph(self) -> None:
        text = issue("标题", "活动圆满结束。(社区自治办)")
        article = only_article(segment(text))
        assert [(b.role, b.text) for b in article.blocks[1:]] == [
            (Role.PARAGRAPH, "活动圆满结束。"),
            (Role.SOURCE, "(社区自治办)"),
        ]

    def test_cut_paragraph_with_a_dropped_caption(self) -> None:
        text = issue(
            "标题", "继续找不足、补短板,加快推动", BREAK, "代表们检查社区垃圾分类情况", "瓶颈破解,实现目标。"
        )
        article = only_article(segment(text))
        assert article.paragraphs == ["继续找不足、补短板,加快推动瓶颈破解,实现目标。"]
        assert article.captions == ["代表们检查社区垃圾分类情况"]
        paragraph = next(b for b in article.blocks if b.role is Role.PARAGRAPH)
        assert len(paragraph.pieces) == 2

    def test_photo_news_items_stay_apart(self) -> None:
        text = issue(
            "标题",
            P1,
            "(党群办)",
            BREAK,
            "图片新闻",
            BREAK,
            P2,
            BREAK,
            P3,
            BREAK,
            "另一篇标题",
            "□ 记者 张三",
            P1,
        )
        parsed = segment(text)
        assert [(a.section, a.title) for a in parsed.articles] == [
            (None, "标题"),
            ("图片新闻", None),
            (None, None),
            (None, "另一篇标题"),
        ]
        assert parsed.articles[1].paragraphs == [P2]
        assert parsed.articles[2].paragraphs == [P3]

    def test_photo_news_after_an_unsourced_article(self) -> None:
        text = issue("标题", P1, P3, P1, BREAK, P2, BREAK, P3)
        parsed = segment(text)
        assert [a.paragraphs for a in parsed.articles] == [[P1, P3, P1], [P2], [P3]]

    def test_caption_under_a_photo_label(self) -> None:
        text = issue("图片新闻", "志愿者在社区忙碌", P1)
        article = only_article(segment(text))
        assert (article.section, article.title, article.captions) == ("图片新闻", None, ["志愿者在社区忙碌"])

    def test_item_titles(self) -> None:
        text = issue("联洋二 | 感受红色文化", BREAK, P1, "培花一 | 了解处理垃圾", BREAK, P2)
        assert [a.title for a in segment(text).articles] == ["联洋二 | 感受红色文化", "培花一 | 了解处理垃圾"]

    def test_section_label_opens_the_next_article(self) -> None:
        text = issue("【党政】", "街道召开会议", P1)
        article = only_article(segment(text))
        assert article.section == "【党政】" and article.blocks[0].role is Role.SECTION

    def test_a_section_label_with_nothing_after_it_is_a_leftover(self) -> None:
        parsed = segment(issue("标题", P1, "【党政】"))
        assert [(left.kind, left.text) for left in parsed.leftovers] == [(LeftoverKind.SECTION, "【党政】")]

    def test_masthead_and_furniture(self) -> None:
        text = issue(
            "外滩",
            "第123期 2019年5月15日",
            "HEADLINE",
            BREAK,
            "街道召开会议",
            "会议要求加强协作,",
            "第2版",
            "确保工作落实。",
            "责任编辑:王五",
            "扫码关注“外滩街道”微信公众号",
        )
        parsed = segment(text)
        assert (parsed.title, parsed.date) == ("外滩", "2019年5月15日")
        article = only_article(parsed)
        assert article.paragraphs == ["会议要求加强协作,确保工作落实。"]
        assert [b.text for b in article.blocks if b.role is Role.FURNITURE] == ["第2版"]
        assert [(left.kind, left.text) for left in parsed.leftovers] == [
            (LeftoverKind.MASTHEAD, "外滩"),
            (LeftoverKind.MASTHEAD, "第123期 2019年5月15日"),
            (LeftoverKind.LAYOUT, "HEADLINE"),
            (LeftoverKind.LAYOUT, "责任编辑:王五"),
            (LeftoverKind.QR_CODE, "扫码关注“外滩街道”微信公众号"),
        ]

    def test_no_masthead(self) -> None:
        parsed = segment(issue("街道召开会议", P1))
        assert parsed.title is None and parsed.date is None

    def test_a_quoted_source_mid_article_does_not_end_it(self) -> None:
        text = issue("标题", "活动圆满结束。(新民晚报)", P2, "● 小标题", P3)
        article = only_article(segment(text))
        assert article.paragraphs == ["活动圆满结束。", P2, "● 小标题", P3]

    def test_byline_without_heading_opens_an_untitled_article(self) -> None:
        parsed = segment(issue("标题", P1, "(党群办)", "□ 通讯员 张三", P2))
        assert [a.title for a in parsed.articles] == ["标题", None]
        assert parsed.articles[1].people == [Person("张三", "通讯员")]

    def test_a_lone_heading_at_the_end_is_a_leftover(self) -> None:
        parsed = segment(issue("标题", P1, "(党群办)", "没有正文的标题"))
        assert [a.title for a in parsed.articles] == ["标题"]
        assert [(left.kind, left.text) for left in parsed.leftovers] == [
            (LeftoverKind.OTHER, "没有正文的标题")
        ]
