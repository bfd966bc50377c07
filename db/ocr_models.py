"""OCR line geometry of issues imported from page scans (``python main.py import PAGES…``).

Every printed line the model read is one :class:`OcrLine`: its span in the
issue's original text (``span_start`` to ``span_end``), its page and box in
page coordinates (see :mod:`db.scan_models`), the model's confidence for the
line and for each of its characters (a JSON list, or None when the model gave
none), and what the page layout made of it: its role (headline, body,
caption, small), its size (its height over the page's body line height) and
the number of its layout block on the page.  ``unsure`` marks a line whose
reading the proofreader has not yet accepted although the model was unsure of
it; accepting the reading clears it (a review decision records who and when).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class OcrLine(Base):
    """One line read on a page scan, with where it lies in the text and on the page."""

    __tablename__ = "ocr_line"
    __table_args__ = (
        UniqueConstraint("issue_id", "position"),
        CheckConstraint("span_end >= span_start AND span_start >= 0", name="span"),
        CheckConstraint("w >= 0 AND h >= 0", name="box"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"))
    page_id: Mapped[int] = mapped_column(ForeignKey("scan_page.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # reading order within the issue, from 0
    span_start: Mapped[int]
    span_end: Mapped[int]
    x: Mapped[int]
    y: Mapped[int]
    w: Mapped[int]
    h: Mapped[int]
    confidence: Mapped[float] = mapped_column(Float)
    char_confidences: Mapped[str | None] = mapped_column(Text)  # JSON list of floats, one per character
    role: Mapped[str] = mapped_column(String(20))
    size: Mapped[float] = mapped_column(Float)
    block: Mapped[int]  # layout block on its page, from 0 in reading order
    unsure: Mapped[bool] = mapped_column(default=False, server_default="0")
