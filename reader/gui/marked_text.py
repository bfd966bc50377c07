"""Insertions and deletions laid out in a QTextDocument, in colours that read on light and dark palettes.

Deleted text is struck through in red on a pale red ground, inserted text
underlined in green on a pale green ground (deeper grounds and lighter text
on a dark palette), so a change shows even without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor

from reader.core.diffing import Mark, Segment
from reader.gui.labels import role_label

if TYPE_CHECKING:
    from reader.services.tracking.revisions import BlockDiff


@dataclass(frozen=True, slots=True)
class MarkColors:
    """Text and ground colours of marked runs for one palette."""

    text: QColor
    muted: QColor
    deleted: QColor
    deleted_ground: QColor
    inserted: QColor
    inserted_ground: QColor

    @classmethod
    def for_palette(cls, palette: QPalette) -> MarkColors:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        muted = QColor(
            (text.red() + base.red()) // 2,
            (text.green() + base.green()) // 2,
            (text.blue() + base.blue()) // 2,
        )
        if base.lightness() < 128:
            return cls(
                text, muted, QColor("#ff9e97"), QColor("#5a2424"), QColor("#8ee3a0"), QColor("#1d4a2a")
            )
        return cls(text, muted, QColor("#a3161b"), QColor("#fde2e1"), QColor("#116329"), QColor("#d6f5dd"))


def mark_format(mark: Mark, colors: MarkColors, base: QTextCharFormat | None = None) -> QTextCharFormat:
    """The character format of a run of text marked ``mark``."""
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    if mark is Mark.DELETED:
        fmt.setForeground(QBrush(colors.deleted))
        fmt.setBackground(QBrush(colors.deleted_ground))
        fmt.setFontStrikeOut(True)
    elif mark is Mark.INSERTED:
        fmt.setForeground(QBrush(colors.inserted))
        fmt.setBackground(QBrush(colors.inserted_ground))
        fmt.setFontUnderline(True)
    else:
        fmt.setForeground(QBrush(colors.text))
    return fmt


def insert_segments(
    cursor: QTextCursor, segments: Sequence[Segment], colors: MarkColors, base: QTextCharFormat | None = None
) -> list[tuple[int, int]]:
    """Insert marked runs at the cursor; returns the document span of each run."""
    spans = []
    for segment in segments:
        start = cursor.position()
        cursor.insertText(segment.text, mark_format(segment.mark, colors, base))
        spans.append((start, cursor.position()))
    return spans


def label_format(colors: MarkColors, scale: float = 0.85) -> QTextCharFormat:
    """A small muted format for a block's role above its text."""
    fmt = QTextCharFormat()
    fmt.setForeground(QBrush(colors.muted))
    fmt.setFontPointSize(max(6.0, QFont().pointSizeF() * scale))
    return fmt


def spaced_block(top: float = 6.0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    return fmt


def write_block_diffs(cursor: QTextCursor, diffs: Sequence[BlockDiff], colors: MarkColors) -> None:
    """Lay out block diffs: each block's role, then its text with what changed marked."""
    if not diffs:
        cursor.insertText(
            QCoreApplication.translate("MarkedText", "No difference: the texts are the same."),
            label_format(colors, 1.0),
        )
        return
    first = True
    for diff in diffs:
        if not first:
            cursor.insertBlock(spaced_block(10.0))
        first = False
        old_role, new_role = diff.old_role, diff.new_role
        if old_role is None:
            label = QCoreApplication.translate("MarkedText", "%1 (added)").replace(
                "%1", role_label(new_role or "")
            )
        elif new_role is None:
            label = QCoreApplication.translate("MarkedText", "%1 (removed)").replace(
                "%1", role_label(old_role)
            )
        elif old_role != new_role:
            label = f"{role_label(old_role)} → {role_label(new_role)}"
        else:
            label = role_label(new_role)
        cursor.insertText(label, label_format(colors))
        cursor.insertBlock(spaced_block(2.0))
        insert_segments(cursor, diff.segments, colors)


def legend(colors: MarkColors) -> str:
    """HTML naming the two marks, for a label above a marked text."""
    deleted = QCoreApplication.translate("MarkedText", "deleted")
    inserted = QCoreApplication.translate("MarkedText", "inserted")
    return (
        f'<span style="color:{colors.deleted.name()};background:{colors.deleted_ground.name()};'
        f'text-decoration:line-through">{deleted}</span> · '
        f'<span style="color:{colors.inserted.name()};background:{colors.inserted_ground.name()};'
        f'text-decoration:underline">{inserted}</span>'
    )
