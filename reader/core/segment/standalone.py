"""Re-tag the lines complete of their own kind (:mod:`.whole_lines`) before cut paragraphs are joined.

A weather or almanac box, the issue's contents (its label, entries and the section words
between them) and an advertisement become furniture, so they are leftovers and never an
article's kicker, title or half a sentence; a contact or notice field under an article's
text (``咨询电话:021-12345678``, ``截稿日期:2024年6月30日``) becomes a finished paragraph of
that article, never a heading.
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.furniture import is_masthead_line
from reader.core.segment.rules import is_heading_like
from reader.core.segment.whole_lines import (
    BOX_MAX_CHARS,
    STANDALONE_MAX_CHARS,
    is_ad_label,
    is_ad_line,
    is_box_label,
    is_box_value,
    is_classified,
    is_contact_line,
    is_index_entry,
    is_index_label,
    is_labelled_date,
    is_notice_field,
)

# A section word between the entries of an index (要闻, 社区, 副刊) is no longer than this.
INDEX_WORD_MAX_CHARS = 6
# An advertisement runs over at most this many lines.
AD_MAX_LINES = 12

_REKINDABLE = (
    LineKind.HEADING,
    LineKind.PARAGRAPH,
    LineKind.SECTION,
    LineKind.ITEM_TITLE,
    LineKind.SUBHEADING,
    LineKind.SOURCE,  # (广告)
)
# Furniture kinds a contact line gets on its own (``地址:…`` a masthead field, ``微信:…`` a QR line).
_FIELD_LEFTOVERS = (LeftoverKind.MASTHEAD, LeftoverKind.QR_CODE)
# Fields only a paper's imprint prints: a line holding one is the page's, not an article's.
_IMPRINT_WORDS = re.compile(r"邮编|网址|印刷|发行|主办|承办|协办|准印|内部资料|投稿|主编|社长|出版")


def _furniture(line: TaggedLine, leftover: LeftoverKind) -> TaggedLine:
    return line.with_kind(LineKind.FURNITURE, leftover)


def _run_end(tagged: list[TaggedLine], i: int) -> int:
    """Index after the run of lines starting at ``i`` that no blank line interrupts."""
    j = i + 1
    while j < len(tagged) and tagged[j].line.gap_before == 0:
        j += 1
    return j


def _mark_boxes(tagged: list[TaggedLine]) -> None:
    """A weather or almanac box (two box lines or more in a row) is furniture, line by line."""
    i = 0
    while i < len(tagged):
        if len(tagged[i].text) > BOX_MAX_CHARS:
            i += 1  # a box's line is short: most lines are no box's
            continue
        j = i
        while (
            j < len(tagged)
            and tagged[j].kind in _REKINDABLE
            and (is_box_value(tagged[j].text) or is_box_label(tagged[j].text))
        ):
            j += 1
        if j - i >= 2 and any(is_box_value(tagged[k].text) for k in range(i, j)):
            for k in range(i, j):
                tagged[k] = _furniture(tagged[k], LeftoverKind.LAYOUT)
        i = max(j, i + 1)


def _mark_index(tagged: list[TaggedLine]) -> None:
    """The issue's contents: entries with page codes, the section words between them, the label above."""
    i = 0
    while i < len(tagged):
        if len(tagged[i].text) > STANDALONE_MAX_CHARS:
            i += 1  # neither an index's label nor an entry
            continue
        labelled = tagged[i].kind in _REKINDABLE and is_index_label(tagged[i].text)
        start = i + 1 if labelled else i
        entries, j, last = 0, start, start
        while j < len(tagged) and (j == start or tagged[j].line.gap_before == 0):
            text = tagged[j].text
            if (tagged[j].kind in _REKINDABLE and is_index_entry(text)) or (
                labelled and tagged[j].leftover is LeftoverKind.LAYOUT
            ):
                entries, last = entries + 1, j + 1
            elif not (
                tagged[j].kind is LineKind.FURNITURE
                or (len(text) <= INDEX_WORD_MAX_CHARS and is_heading_like(text))
            ):
                break
            j += 1
        if entries >= 2 or (entries and labelled):
            for k in range(i, last):
                if tagged[k].kind is not LineKind.FURNITURE:
                    leftover = LeftoverKind.SECTION if labelled and k == i else LeftoverKind.LAYOUT
                    tagged[k] = _furniture(tagged[k], leftover)
            i = last
        else:
            i += 1


def _ad_end(tagged: list[TaggedLine], i: int, j: int, labelled: bool = False) -> int:
    """Where an advertisement found at lines ``i`` to ``j`` ends.

    It runs to the next blank line; when text follows with none between, the
    heading lines after its last contact or offer are the next article's.  Under
    a label, a short paragraph giving a telephone number is a classified ad.
    """
    end = min(j, i + AD_MAX_LINES)
    k = i
    while k < end and (
        tagged[k].kind is not LineKind.PARAGRAPH
        or is_ad_line(tagged[k].text)
        or (labelled and is_classified(tagged[k].text))
    ):
        k += 1
    if k < len(tagged) and tagged[k].line.gap_before == 0 and k > i:
        while k > i + 1 and not is_ad_line(tagged[k - 1].text):
            k -= 1
    return k


def _mark_ads(tagged: list[TaggedLine], body_from: int) -> None:
    """An advertisement is furniture: under ``广告``, or after a blank line two contacts and the
    advertiser's lines (a name and a slogan, or an offer: ``微信扫码 立享优惠``)."""
    i = 0
    while i < len(tagged):
        line = tagged[i]
        labelled = line.kind in _REKINDABLE and is_ad_label(line.text)
        after_gap = (
            i >= max(body_from, 1) and line.line.gap_before > 0 and tagged[i - 1].kind is not LineKind.HEADING
        )
        if not labelled and (not after_gap or line.kind is LineKind.PARAGRAPH):
            i += 1  # unlabelled, an advertisement starts after a blank line, with no paragraph of text
            continue
        j = _run_end(tagged, i)
        end = _ad_end(tagged, i, j, labelled)
        lines = [tagged[k].text for k in range(i, end)]
        contacts = sum(1 for text in lines if is_contact_line(text))
        others = [text for text in lines if not is_contact_line(text) and not is_notice_field(text)]
        offer = len(others) >= 2 or any(is_ad_line(text) for text in others)  # not a notice's 报名方式
        if labelled or (contacts >= 2 and offer):
            for k in range(i, end):  # an imprint's fields in it are the advertiser's, as its other lines
                if tagged[k].kind is not LineKind.FURNITURE or tagged[k].leftover is LeftoverKind.MASTHEAD:
                    tagged[k] = _furniture(tagged[k], LeftoverKind.OTHER)
            i = max(end, i + 1)
        else:
            i += 1


def _mark_fields(tagged: list[TaggedLine], body_from: int) -> None:
    """A contact or notice field after the first paragraph is a finished line of body text.

    Not in an imprint: a run of them right beside another masthead field (``主办:…``), or a
    line holding an imprint's field (``地址:… 邮编:…``, ``出版日期:…``), stays furniture.
    """
    i = body_from
    while i < len(tagged):
        if len(tagged[i].text) > STANDALONE_MAX_CHARS:
            i += 1  # no field is this long
            continue
        j = i
        while j < len(tagged) and (is_contact_line(tagged[j].text) or is_notice_field(tagged[j].text)):
            j += 1
        if j == i:
            i += 1
            continue
        neighbours = [
            k for k in (i - 1, j) if 0 <= k < len(tagged) and tagged[max(k, i)].line.gap_before == 0
        ]
        imprint = any(
            tagged[k].kind is LineKind.FURNITURE and is_masthead_line(tagged[k].text) for k in neighbours
        )
        for k in range(i, j):
            if not imprint and (tagged[k].kind in _REKINDABLE or _body_field(tagged[k])):
                tagged[k] = tagged[k].with_kind(LineKind.PARAGRAPH)
        i = j


def _body_field(line: TaggedLine) -> bool:
    """True for a line the furniture rules took (``地址:…`` a masthead field, ``微信:…`` a QR line) that
    is an article's contact or a notice's deadline, not a page's imprint (``地址:… 邮编:…``) nor its date."""
    return (
        line.leftover in _FIELD_LEFTOVERS
        and (is_contact_line(line.text) or is_labelled_date(line.text))
        and _IMPRINT_WORDS.search(line.text) is None
    )


def mark_standalone_lines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag the lines complete of their own kind (see the module's doc); a new list."""
    marked = list(tagged)
    body_from = next((i for i, line in enumerate(marked) if line.kind is LineKind.PARAGRAPH), len(marked))
    _mark_boxes(marked)
    _mark_index(marked)
    _mark_ads(marked, body_from)
    _mark_fields(marked, body_from)
    return marked
