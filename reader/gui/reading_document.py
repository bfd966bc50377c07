"""Building the reading pane's QTextDocument from an article or an issue page.

Every piece of text goes through ``convert`` (the chosen script) as it is
inserted; stored text is never changed.  Block formats carry the typography:
a large title, indented body paragraphs with a comfortable line height for
Chinese, framed captions with a 图 marker, a right-aligned source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from reader.gui.labels import leftover_label, status_label

if TYPE_CHECKING:
    from reader.services.browsing import IssuePage

Convert = Callable[[str], str]
BODY_LINE_HEIGHT = 1.75  # line pitch in ems: airy enough for Chinese
HEADING_LINE_HEIGHT = 1.35
CAPTION_MARKER = "图"  # marks a photo caption, whatever the interface language


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    """Font and colours of the reading pane."""

    family: str | None
    size: float  # base point size
    text: QColor
    muted: QColor
    accent: QColor
    frame: QColor
    frame_background: QColor

    @classmethod
    def from_palette(cls, palette: QPalette, family: str | None, size: float) -> ReadingStyle:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        muted = QColor(
            (text.red() * 3 + base.red() * 2) // 5,
            (text.green() * 3 + base.green() * 2) // 5,
            (text.blue() * 3 + base.blue() * 2) // 5,
        )
        dark = base.lightness() < 128
        accent = QColor("#e0806a") if dark else QColor("#a3322a")  # a newspaper red
        frame = QColor(
            (text.red() + base.red() * 3) // 4,
            (text.green() + base.green() * 3) // 4,
            (text.blue() + base.blue() * 3) // 4,
        )
        return cls(family, size, text, muted, accent, frame, palette.color(QPalette.ColorRole.AlternateBase))

    def line_height(self, ems: float, scale: float = 1.0) -> float:
        """The proportional line height (percent of the font's own spacing) giving ``ems`` per line."""
        metrics = QFontMetricsF(self.font(scale))
        natural = metrics.lineSpacing()
        em = metrics.horizontalAdvance("中")  # a CJK character is one em wide
        return max(100.0, 100.0 * ems * em / natural) if natural > 0 else 100.0

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(self.family) if self.family else QFont()
        font.setPointSizeF(self.size * scale)
        font.setBold(bold)
        return font


@dataclass(slots=True)
class RenderedBlock:
    """Where one article block's displayed text sits in the document."""

    role: str
    start: int
    text: str  # as displayed (converted)
    original: str

    @property
    def end(self) -> int:
        """The document position just after the block's displayed text."""
        return self.start + len(self.text)

    def shown_offset(self, offset: int, convert: Convert) -> int:
        """The offset in the displayed text of an offset in the stored text."""
        offset = max(0, min(offset, len(self.original)))
        if len(self.text) == len(self.original):
            return offset
        return min(len(convert(self.original[:offset])), len(self.text))

    def stored_offset(self, shown: int, convert: Convert) -> int:
        """The offset in the stored text of an offset in the displayed text (script conversion may
        change lengths)."""
        shown = max(0, min(shown, len(self.text)))
        if len(self.text) == len(self.original):
            return shown
        lo, hi = 0, len(self.original)
        while lo < hi:  # the first stored offset whose converted prefix reaches ``shown``
            mid = (lo + hi) // 2
            if len(convert(self.original[:mid])) < shown:
                lo = mid + 1
            else:
                hi = mid
        return lo


@dataclass(slots=True)
class RenderedArticle:
    """The article blocks as laid out, in the order of the article's ``blocks``."""

    blocks: list[RenderedBlock] = field(default_factory=list)

    def block_at(self, position: int) -> int | None:
        """The index of the block whose displayed text holds a document position (its end included)."""
        for index, block in enumerate(self.blocks):
            if block.start <= position <= block.end:
                return index
        return None


def _char(
    style: ReadingStyle, scale: float = 1.0, *, bold: bool = False, color: QColor | None = None
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(
        style.font(scale, bold=bold), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll
    )
    fmt.setForeground(QBrush(color if color is not None else style.text))
    return fmt


def _block(
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    *,
    line_height: float = 100.0,
    top: float = 0.0,
    bottom: float = 0.0,
    indent: float = 0.0,
) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(alignment)
    fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setTextIndent(indent)
    return fmt


def _start(doc: QTextDocument, style: ReadingStyle) -> QTextCursor:
    doc.clear()
    doc.setDefaultFont(style.font())
    doc.setDocumentMargin(max(16.0, style.size * 2))
    return QTextCursor(doc)


class _Writer:
    """Appends blocks to a document; the first block reuses the document's empty one."""

    def __init__(self, doc: QTextDocument, style: ReadingStyle) -> None:
        self.doc = doc
        self.style = style
        self.cursor = _start(doc, style)
        self._first = True

    def paragraph(self, block: QTextBlockFormat, pieces: list[tuple[str, QTextCharFormat]]) -> int:
        """Append one block made of formatted pieces; returns where its last piece starts."""
        if self._first:
            self.cursor.setBlockFormat(block)
            self._first = False
        else:
            self.cursor.insertBlock(block)
        start = self.cursor.position()
        for text, fmt in pieces:
            start = self.cursor.position()
            self.cursor.insertText(text, fmt)
        return start

    def block(
        self,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        *,
        ems: float = BODY_LINE_HEIGHT,
        scale: float = 1.0,
        top: float = 0.0,
        bottom: float = 0.0,
        indent: float = 0.0,
    ) -> QTextBlockFormat:
        """A block format whose lines are ``ems`` apart (0: the font's own spacing)."""
        height = self.style.line_height(ems, scale) if ems else 100.0
        return _block(alignment, line_height=height, top=top, bottom=bottom, indent=indent)

    def leave_frame(self) -> None:
        """Continue after the frame just written, in the empty block Qt keeps after it."""
        self.cursor = self.doc.rootFrame().lastCursorPosition()
        self._first = True


def render_article(
    doc: QTextDocument,
    article: dict[str, Any],
    style: ReadingStyle,
    convert: Convert,
    context: str = "",
) -> RenderedArticle:
    """Lay out an article document (``reader.services.documents.article_document``)."""
    w = _Writer(doc, style)
    s = style.size
    rendered = RenderedArticle()
    em = QFontMetricsF(style.font()).horizontalAdvance("中")
    status = status_label(str(article.get("status", "")))
    head = " · ".join(p for p in (convert(context), status) if p)
    w.paragraph(w.block(ems=0, bottom=s * 0.8), [(head, _char(style, 0.8, color=style.muted))])
    for block in article["blocks"]:
        role = str(block["role"])
        original = str(block["text"])
        text = convert(original)
        if role == "section":
            start = w.paragraph(
                w.block(ems=1.5, scale=0.9, bottom=s * 0.3),
                [(text, _char(style, 0.9, bold=True, color=style.accent))],
            )
        elif role == "kicker":
            start = w.paragraph(
                w.block(Qt.AlignmentFlag.AlignHCenter, ems=HEADING_LINE_HEIGHT, scale=1.1, top=s * 0.3),
                [(text, _char(style, 1.1, color=style.muted))],
            )
        elif role == "title":
            start = w.paragraph(
                w.block(
                    Qt.AlignmentFlag.AlignHCenter,
                    ems=HEADING_LINE_HEIGHT,
                    scale=1.75,
                    top=s * 0.3,
                    bottom=s * 0.3,
                ),
                [(text, _char(style, 1.75, bold=True))],
            )
        elif role == "subtitle":
            start = w.paragraph(
                w.block(Qt.AlignmentFlag.AlignHCenter, ems=HEADING_LINE_HEIGHT, scale=1.15, bottom=s * 0.3),
                [(text, _char(style, 1.15, color=style.muted))],
            )
        elif role == "byline":
            start = w.paragraph(
                w.block(Qt.AlignmentFlag.AlignHCenter, ems=1.5, scale=0.9, top=s * 0.2, bottom=s * 0.6),
                [(text, _char(style, 0.9, color=style.muted))],
            )
        elif role == "subheading":
            start = w.paragraph(
                w.block(ems=1.5, scale=1.05, top=s * 0.9, bottom=s * 0.3),
                [(text, _char(style, 1.05, bold=True))],
            )
        elif role == "caption":
            start = _caption(w, text, style)
        elif role == "source":
            start = w.paragraph(
                w.block(Qt.AlignmentFlag.AlignRight, ems=1.5, scale=0.9, top=s * 0.4),
                [(text, _char(style, 0.9, color=style.muted))],
            )
        elif role == "furniture":
            start = w.paragraph(
                w.block(ems=1.5, scale=0.8, bottom=s * 0.3), [(text, _char(style, 0.8, color=style.muted))]
            )
        else:  # paragraph, and any role added later
            start = w.paragraph(
                w.block(Qt.AlignmentFlag.AlignJustify, bottom=s * 0.6, indent=2 * em), [(text, _char(style))]
            )
        rendered.blocks.append(RenderedBlock(role, start, text, original))
    return rendered


def _caption(w: _Writer, text: str, style: ReadingStyle) -> int:
    """A photo caption in a light frame, after a 图 marker; returns where its text starts."""
    s = style.size
    frame = QTextFrameFormat()
    frame.setBorder(1)
    frame.setBorderBrush(QBrush(style.frame))
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    frame.setBackground(QBrush(style.frame_background))
    frame.setPadding(s * 0.6)
    frame.setTopMargin(s * 0.4)
    frame.setBottomMargin(s * 0.9)
    frame.setLeftMargin(s * 1.5)
    frame.setRightMargin(s * 1.5)
    if w._first:  # a frame cannot open the document: give it a block to follow
        w.paragraph(w.block(ems=0), [])
    w.cursor.insertFrame(frame)
    w.cursor.setBlockFormat(w.block(ems=1.6, scale=0.9))
    w.cursor.insertText(CAPTION_MARKER + "  ", _char(style, 0.85, bold=True, color=style.accent))
    start = w.cursor.position()
    w.cursor.insertText(text, _char(style, 0.9, color=style.muted))
    w.leave_frame()
    return start


def render_issue_page(
    doc: QTextDocument,
    page: IssuePage,
    label: str,
    style: ReadingStyle,
    convert: Convert,
    review: Sequence[tuple[str, str]] = (),
    doubts: Sequence[tuple[str, str]] = (),
) -> None:
    """Lay out an issue's own page: its metadata, its review counts, the articles whose layout needs a
    look (``doubts``: label, why), the blocks that belong to no article."""
    w = _Writer(doc, style)
    s = style.size
    w.paragraph(
        w.block(ems=0, bottom=s * 0.4),
        [(QCoreApplication.translate("Reading", "Issue"), _char(style, 0.85, color=style.muted))],
    )
    w.paragraph(
        w.block(ems=HEADING_LINE_HEIGHT, bottom=s * 0.8),
        [(convert(label), _char(style, 1.6, bold=True))],
    )
    imported = page.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
    rows = [
        (QCoreApplication.translate("Reading", "Source file"), page.source_name),
        (QCoreApplication.translate("Reading", "Encoding"), page.encoding),
        (QCoreApplication.translate("Reading", "Imported at"), imported),
        (QCoreApplication.translate("Reading", "Characters"), f"{page.char_count:,}"),
        (QCoreApplication.translate("Reading", "Articles"), str(page.article_count)),
    ]
    names = [  # what Issue Properties sets, under the names it gives them (the title is no publication)
        (QCoreApplication.translate("Reading", "Title"), page.title),
        (QCoreApplication.translate("Reading", "Publication"), page.publication),
        (QCoreApplication.translate("Reading", "Date"), page.publication_date),
        (QCoreApplication.translate("Reading", "Number"), page.number),
    ]
    rows[:0] = [(name, convert(value)) for name, value in names if value]
    _table(w, rows, style, label_scale=0.9)
    if review:  # (label, value) lines: articles per review status
        w.paragraph(
            w.block(top=s * 1.2, bottom=s * 0.4, ems=HEADING_LINE_HEIGHT),
            [(QCoreApplication.translate("Reading", "Review"), _char(style, 1.1, bold=True))],
        )
        _table(w, list(review), style, label_scale=0.9)
    if doubts:
        w.paragraph(
            w.block(top=s * 1.2, bottom=s * 0.4, ems=HEADING_LINE_HEIGHT),
            [(QCoreApplication.translate("Reading", "Layout needs a look"), _char(style, 1.1, bold=True))],
        )
        _table(
            w, [(convert(label), why) for label, why in doubts], style, label_scale=0.85, whole_labels=False
        )
    w.paragraph(
        w.block(top=s * 1.2, bottom=s * 0.4, ems=HEADING_LINE_HEIGHT),
        [(QCoreApplication.translate("Reading", "Blocks outside any article"), _char(style, 1.1, bold=True))],
    )
    if page.leftovers:
        _table(
            w, [(leftover_label(lo.kind), convert(lo.text)) for lo in page.leftovers], style, label_scale=0.85
        )
    else:
        w.paragraph(
            w.block(),
            [
                (
                    QCoreApplication.translate("Reading", "None: every block belongs to an article."),
                    _char(style, color=style.muted),
                )
            ],
        )


def _table(
    w: _Writer,
    rows: list[tuple[str, str]],
    style: ReadingStyle,
    *,
    label_scale: float,
    whole_labels: bool = True,
) -> None:
    """Label and value rows; ``whole_labels``: a label is never wrapped (the value column gives way),
    for the short names of fields, which the value column's 80% otherwise cut mid-word (Publicati/on)."""
    if not rows:
        return
    w.paragraph(w.block(ems=0), [])
    fmt = QTextTableFormat()
    fmt.setBorder(0)
    fmt.setCellPadding(style.size * 0.3)
    fmt.setCellSpacing(0)
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.VariableLength, 0), QTextLength(QTextLength.Type.PercentageLength, 80)]
    )
    table = w.cursor.insertTable(len(rows), 2, fmt)
    for n, (label, value) in enumerate(rows):
        cell = table.cellAt(n, 0).firstCursorPosition()
        label_block = w.block(ems=1.5)
        label_block.setNonBreakableLines(whole_labels)
        cell.setBlockFormat(label_block)
        cell.insertText(label, _char(style, label_scale, color=style.muted))
        cell = table.cellAt(n, 1).firstCursorPosition()
        cell.setBlockFormat(w.block(ems=1.5))
        cell.insertText(value, _char(style))
    w.leave_frame()


def render_message(doc: QTextDocument, title: str, text: str, style: ReadingStyle) -> None:
    """A short centred note (nothing chosen yet, nothing found…)."""
    w = _Writer(doc, style)
    s = style.size
    w.paragraph(
        w.block(Qt.AlignmentFlag.AlignHCenter, top=s * 4, bottom=s * 0.6, ems=HEADING_LINE_HEIGHT),
        [(title, _char(style, 1.3, bold=True, color=style.muted))],
    )
    if text:
        w.paragraph(w.block(Qt.AlignmentFlag.AlignHCenter), [(text, _char(style, 1.0, color=style.muted))])
