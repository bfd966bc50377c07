"""The segmentation pipeline, run on a whole issue or on one stretch of a long one.

:func:`run_pipeline` chains the passes (lines → classify → masthead → repair →
articles) and keeps what they found, so that :mod:`.sections` can decide where
a stretch may be cut.  :class:`Context` says where the text sits in its issue:
only the stretch that opens the issue has a masthead, and the usual gap
between blocks (what makes a longer run of blank lines a break) is counted
over the issue, not over the stretch alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.core.model import ParsedArticle, ParsedLeftover
from reader.core.script import han_simplified
from reader.core.segment.articles import ArticleGrouper
from reader.core.segment.brief_marks import mark_marked_briefs
from reader.core.segment.classify import TaggedLine, classify_lines
from reader.core.segment.closing_lines import mark_closing_lines
from reader.core.segment.closing_tails import mark_closing_tails
from reader.core.segment.decorated_titles import mark_decorated_titles
from reader.core.segment.geometry import BODY_ROLE, Geometry, weigh_geometry
from reader.core.segment.glyph_titles import mark_glyph_titles
from reader.core.segment.label_bylines import mark_credit_bylines
from reader.core.segment.label_values import mark_label_values
from reader.core.segment.layout_titles import mark_layout_titles
from reader.core.segment.letter_closings import mark_letter_closings
from reader.core.segment.lines import Line, mark_breaks, most_common_gap, scan_content_lines
from reader.core.segment.marked_bylines import mark_marked_bylines
from reader.core.segment.masthead import Masthead, mark_masthead, read_masthead, verbatim_masthead
from reader.core.segment.masthead_lines import mark_one_line_masthead
from reader.core.segment.notice_heads import mark_notice_heads
from reader.core.segment.numbered_titles import mark_numbered_titles
from reader.core.segment.page_end_matter import mark_page_end_matter
from reader.core.segment.pipe_breaks import keep_line_end_pipes, unpipe_column_breaks
from reader.core.segment.plain_labels import mark_plain_section_labels
from reader.core.segment.repair import Unit, join_cut_paragraphs
from reader.core.segment.repeated_heads import mark_repeated_heads
from reader.core.segment.row_runs import mark_row_runs
from reader.core.segment.script_lines import mark_script_lines
from reader.core.segment.separator_titles import mark_separator_titles
from reader.core.segment.short_line_runs import mark_short_line_runs
from reader.core.segment.signatures import mark_signatures
from reader.core.segment.source_tails import mark_source_tails
from reader.core.segment.standalone import mark_standalone_lines
from reader.core.segment.stop_titles import mark_stop_titles
from reader.core.segment.subtitle_lines import mark_subtitle_lines
from reader.core.segment.table_rows import mark_drawn_rows, mark_table_rows
from reader.core.segment.title_lines import join_title_lines
from reader.core.segment.title_pairs import mark_title_pairs
from reader.core.segment.unit_bylines import mark_unit_bylines
from reader.core.segment.vertical_titles import join_vertical_titles


@dataclass(frozen=True, slots=True)
class Context:
    """Where the text given to :func:`run_pipeline` sits in its issue.

    The text always starts at the start of a line.  ``at_start``: it opens
    the issue (the masthead rules apply and the first line's gap is no gap
    between blocks).  ``blank_lines_before``: blank lines of the issue just
    before the text.  ``gap_counts``: how often each gap occurred between the
    blocks of the issue before the text.  ``usual_gap``: the issue's usual
    gap when already known (then the counts are not used).
    """

    at_start: bool = True
    blank_lines_before: int = 0
    gap_counts: Mapping[int, int] = field(default_factory=dict)
    usual_gap: int | None = None
    geometry: Geometry | None = None  # how each printed line is set, for text read from page scans


@dataclass(slots=True)
class PipelineRun:
    """Everything one run of the pipeline found, spans relative to its text.

    ``counted`` holds the indices of the lines whose ``gap_before`` lies
    between two blocks (what the usual gap is taken over).
    """

    lines: list[Line]
    counted: list[int]
    usual_gap: int
    tagged: list[TaggedLine]
    units: list[Unit]
    articles: list[ParsedArticle]
    leftovers: list[ParsedLeftover]
    masthead: Masthead
    # where an article opens only for the title before it (a lone heading set like it: .sibling_titles)
    looked_back: frozenset[int] = frozenset()


def run_pipeline(text: str, context: Context | None = None) -> PipelineRun:
    """Segment ``text`` (LF newlines) placed in its issue by ``context`` (default: a whole issue)."""
    where = Context() if context is None else context
    original, text = text, han_simplified(text)  # the rules read simplified Han; blocks keep the original
    piped, text = text, unpipe_column_breaks(text)  # 昆明 | 南站… |: column-break pipes read as blanks
    body_lines = frozenset(start for start, look in (where.geometry or {}).items() if look.role == BODY_ROLE)
    lines, counted = scan_content_lines(
        text, where.blank_lines_before, at_start=where.at_start, body_lines=body_lines
    )
    if where.usual_gap is not None:
        usual = where.usual_gap
    else:
        counts = Counter(where.gap_counts)
        counts.update(lines[i].gap_before for i in counted)
        usual = most_common_gap(counts)
    mark_breaks(lines, usual)
    tagged = weigh_geometry(classify_lines(lines), where.geometry)
    tagged = join_vertical_titles(tagged)  # 故/乡/的/榕/树, one character a line: one title
    tagged = mark_notice_heads(tagged)  # 訃　告, 謝　啟 over a notice: headings, no names
    tagged = mark_repeated_heads(tagged, at_start=where.at_start)  # …内部通讯　2026年第11期　第4页 in a body
    if where.at_start:
        tagged = mark_masthead(mark_one_line_masthead(tagged))  # 县报　第1127期　2026年…　…主办: one line
    tagged = mark_letter_closings(tagged)  # 感谢您…的支持！ over 阳光幼儿园　2026年12月1日: the letter's end
    tagged = mark_closing_lines(tagged)  # 宁海县第二中学 2026年11月23日, 读者 李志伟 上, 本报记者 杨宏伟 摄
    tagged = mark_standalone_lines(tagged)  # contact lines, boxes, the index, advertisements
    tagged = mark_signatures(tagged)  # 读者 孙秀英 under a letter, 张卫东 under a title: bylines
    tagged = mark_unit_bylines(tagged)  # 温州中支理赔部　林蓓蓓 under a title, over the text: a byline
    tagged = mark_marked_bylines(tagged)  # ■ 通讯员 马骁 under a title, over the text: a byline
    tagged = mark_glyph_titles(tagged)  # ▲谷雨农事提醒, ◎本会庆祝…: a page's titles marked with a glyph
    tagged = mark_numbered_titles(tagged)  # 1. 唐人街美食节… 2. 客家会馆…: a page's numbered titles
    tagged = mark_separator_titles(tagged)  # ◆◆◆ / 勐马口岸…: a separator, then the next article's title
    tagged = mark_decorated_titles(tagged, at_start=where.at_start)  # ■好人好事, 〖农事建议〗: titles
    tagged = mark_short_line_runs(text, tagged)  # verse, schedules, tables: body text; ◎林小满: a byline
    tagged = mark_title_pairs(tagged)  # 社区垃圾分类新规… / New Rule: Bulky Waste…: a title and its subtitle
    tagged = mark_subtitle_lines(tagged)  # 失物招领 / Barang Hilang, 奉献报告 / (十一月十五日): subtitles
    tagged = mark_table_rows(tagged)  # 1.东区 56金 41银 38铜, 红星队 3:1 蓝天队: body text
    tagged = mark_drawn_rows(tagged)  # | 代號 | 公司 |, +-----+-----+: a drawn table's body
    tagged = mark_row_runs(tagged)  # 星期四　早餐：…　午餐：… under rows like it: more rows, no title
    tagged = mark_marked_briefs(tagged)  # 简讯 / ▲旗气象台预报，…。: the briefs, no photo captions
    tagged = mark_label_values(tagged)  # 主料： / 羊排500克、白萝卜1根: the label's value, no heading
    tagged = mark_script_lines(tagged)  # 甲：…/乙：嗐！: a cross-talk script's lines, never headings
    tagged = mark_layout_titles(text, tagged)  # centred titles; titles where nothing marks paragraphs
    tagged = mark_stop_titles(text, tagged)  # 晉江同鄉會捐贈救災物資。: a page's titles closed by 。
    tagged = mark_credit_bylines(tagged)  # 第二板块：点歌台 / 播音：林浩然、苏雨晴: a title and its byline
    tagged = mark_page_end_matter(tagged)  # 【图】 + caption, 注释： + ①…② at the text's end: leftovers
    tagged = mark_source_tails(tagged)  # （指导老师：沈佳） / 老师点评：…: the composition's last lines
    tagged = mark_closing_tails(tagged)  # 联络人：…电话：…, ——家属 孙立新 over a title: the item's end
    masthead = read_masthead(tagged, at_start=where.at_start)
    if text is not original:
        masthead = verbatim_masthead(masthead, tagged, original)
    units = join_title_lines(join_cut_paragraphs(tagged), where.geometry)
    units = mark_plain_section_labels(units, at_start=where.at_start)
    grouper = ArticleGrouper(original, units, where.geometry)
    articles, leftovers = grouper.run()
    if text is not piped:
        articles, leftovers = keep_line_end_pipes(original, articles, leftovers)
    looked_back = frozenset(grouper.looked_back)
    return PipelineRun(lines, counted, usual, tagged, units, articles, leftovers, masthead, looked_back)
