"""Segmentation confidence: how far an article's cut can be trusted, with the reasons (Qt-free).

:func:`assess` looks at an article's blocks as ``(role, text)`` pairs, in
reading order, and names what a proofreader should look at: a title that
reads like a photo caption, no body, a body opening with a heading-like
line, two kickers, a masthead- or furniture-like block, an article very
short or very long, a heading left at its end, lines with wide gaps (columns
read across), a plain subheading standing alone (:mod:`.subheads`: another
article's title run in?).  Each reason is a small named
rule; the score is 1 minus a weight per reason (never below 0).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.model import Role
from reader.core.segment.furniture import furniture_kind
from reader.core.segment.latin_lines import is_latin_subtitle_text
from reader.core.segment.rules import is_heading_like, is_marked_caption
from reader.core.segment.subheads import lone_plain_subheading
from reader.core.segment.whole_lines import is_ad_label, is_ad_line, is_standalone_line

# Body characters below / above which an article is suspicious.
VERY_SHORT_CHARS = 40
VERY_LONG_CHARS = 6000
# An article scoring below this needs a look.
DOUBTFUL_BELOW = 1.0


class Reason(StrEnum):
    """Why an article's cut is doubtful."""

    CAPTION_TITLE = "caption_title"
    NO_BODY = "no_body"
    HEADING_OPENS_BODY = "heading_opens_body"
    TWO_KICKERS = "two_kickers"
    MASTHEAD_LIKE = "masthead_like"
    VERY_SHORT = "very_short"
    VERY_LONG = "very_long"
    TRAILING_HEADING = "trailing_heading"
    COLUMNS_ACROSS = "columns_across"
    LONE_SUBHEADING = "lone_subheading"


WEIGHTS = {
    Reason.CAPTION_TITLE: 0.5,
    Reason.NO_BODY: 0.6,
    Reason.HEADING_OPENS_BODY: 0.3,
    Reason.TWO_KICKERS: 0.3,
    Reason.MASTHEAD_LIKE: 0.4,
    Reason.VERY_SHORT: 0.2,
    Reason.VERY_LONG: 0.2,
    Reason.TRAILING_HEADING: 0.4,
    Reason.COLUMNS_ACROSS: 0.4,
    Reason.LONE_SUBHEADING: 0.3,
}


@dataclass(frozen=True, slots=True)
class Confidence:
    """An article's segmentation confidence in [0, 1] and the reasons that lowered it."""

    score: float
    reasons: tuple[Reason, ...]

    @property
    def doubtful(self) -> bool:
        """True when the article's layout needs a look."""
        return self.score < DOUBTFUL_BELOW


def _texts(blocks: Sequence[tuple[str, str]], *roles: Role) -> list[str]:
    return [text for role, text in blocks if role in roles]


def title_looks_like_caption(blocks: Sequence[tuple[str, str]]) -> bool:
    """The title or kicker is marked like a photo caption (``▲…``, ``图为…``, ``(张三 摄)``)."""
    return any(is_marked_caption(text) for text in _texts(blocks, Role.TITLE, Role.KICKER))


def has_no_body(blocks: Sequence[tuple[str, str]]) -> bool:
    """No paragraph at all."""
    return not _texts(blocks, Role.PARAGRAPH)


def body_opens_with_heading(blocks: Sequence[tuple[str, str]]) -> bool:
    """The first body block is a subheading, or a paragraph short and heading-like (a lost title?)."""
    body = [(role, text) for role, text in blocks if role in (Role.PARAGRAPH, Role.SUBHEADING)]
    if not body:
        return False
    role, text = body[0]
    return role == Role.SUBHEADING or (len(body) > 1 and is_heading_like(text))


def has_two_kickers(blocks: Sequence[tuple[str, str]]) -> bool:
    """More than one kicker (or title): two heading groups ran together."""
    return len(_texts(blocks, Role.KICKER)) > 1 or len(_texts(blocks, Role.TITLE)) > 1


def has_masthead_like_block(blocks: Sequence[tuple[str, str]]) -> bool:
    """A furniture block, or a heading that reads like a masthead, QR blurb or page furniture,
    or a line finished by its kind (a contact, a box line, an index entry, an advertisement's label)."""
    if _texts(blocks, Role.FURNITURE):
        return True
    if any(is_ad_line(text) for text in _texts(blocks, Role.KICKER)):  # 微信扫码 立享优惠 over a title
        return True
    heads = [*_texts(blocks, Role.KICKER, Role.TITLE)]
    heads += [
        text for text in _texts(blocks, Role.SUBTITLE) if not is_latin_subtitle_text(text)
    ]  # Notis PIBG
    return any(
        furniture_kind(text) is not None or is_standalone_line(text) or is_ad_label(text) for text in heads
    )


def body_chars(blocks: Sequence[tuple[str, str]]) -> int:
    """Characters of paragraphs and subheadings."""
    return sum(len(text) for text in _texts(blocks, Role.PARAGRAPH, Role.SUBHEADING))


def ends_with_heading(blocks: Sequence[tuple[str, str]]) -> bool:
    """A title or heading-like furniture after the body: a title the OCR set at the end?"""
    if not blocks:
        return False
    role, text = blocks[-1]
    return (role == Role.TITLE and len(blocks) > 1) or (role == Role.FURNITURE and is_heading_like(text))


# A wide gap inside a line, between words: two columns the OCR read across as one line.
_GAP_INSIDE = re.compile(r"\S[ \t\u3000]{2,}(?=\S)")
COLUMN_GAPS = 2  # lines with such a gap in one block: a layout read across columns


def read_across_columns(blocks: Sequence[tuple[str, str]]) -> bool:
    """Paragraphs or headings whose lines hold wide gaps between words: two stories side by side?"""
    gaps = sum(
        len(_GAP_INSIDE.findall(text))
        for role, text in blocks
        if role in (Role.PARAGRAPH, Role.TITLE, Role.KICKER, Role.SUBHEADING)
    )
    return gaps >= COLUMN_GAPS


def assess(blocks: Sequence[tuple[str, str]]) -> Confidence:
    """The confidence of an article given its ``(role, text)`` blocks in reading order."""
    found: list[Reason] = []
    if title_looks_like_caption(blocks):
        found.append(Reason.CAPTION_TITLE)
    if has_no_body(blocks):
        found.append(Reason.NO_BODY)
    elif body_opens_with_heading(blocks):
        found.append(Reason.HEADING_OPENS_BODY)
    if has_two_kickers(blocks):
        found.append(Reason.TWO_KICKERS)
    if has_masthead_like_block(blocks):
        found.append(Reason.MASTHEAD_LIKE)
    chars = body_chars(blocks)
    if 0 < chars < VERY_SHORT_CHARS:
        found.append(Reason.VERY_SHORT)
    elif chars > VERY_LONG_CHARS:
        found.append(Reason.VERY_LONG)
    if ends_with_heading(blocks):
        found.append(Reason.TRAILING_HEADING)
    if read_across_columns(blocks):
        found.append(Reason.COLUMNS_ACROSS)
    if lone_plain_subheading(_texts(blocks, Role.SUBHEADING)):  # a title run into the article before?
        found.append(Reason.LONE_SUBHEADING)
    score = max(0.0, 1.0 - sum(WEIGHTS[reason] for reason in found))
    return Confidence(round(score, 2), tuple(found))
