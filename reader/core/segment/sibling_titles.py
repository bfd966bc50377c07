"""A lone heading set in the same form as the page's titles: a sibling title, not a subheading
(qaseg30's class 1).

A price page marks every box's title with a glyph (``▌本周农贸市场菜价``, ``▌黄金首饰价格``), a
forwarded bulletin prefixes every line (``> 冬季防火“十不要”``), a recruitment page sets one company's
name over each advertisement, each advertisement opening on the same label (``某煤电集团胜利矿区`` over
``招聘岗位：…``).  Read alone, the second and later of them are short headings inside the article above,
so a whole page folds into one article.  The form tells them apart from a feature's subheadings:

- the heading opens with the same glyph as the open article's title (a mark no word begins with: not a
  Han character, a letter, a digit, a bracket or a quote), after the article's finished text;
- or the paragraph under the heading opens on the same short label (``招聘岗位：``) as the paragraph under
  the article's title, or under another lone heading further down the page: the items of one list
  (an interview's turns, ``问：`` ``记者：``, are no such label).

The heading is a few words with no sentence in it.  A feature that marks its subheadings with a glyph sets
its title plainly, and a feature's subheadings open no paragraph on one repeated label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from reader.core.model import Block, Role
from reader.core.segment.classify import LineKind
from reader.core.segment.item_titles import Drafted
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_editors_note, is_speech_turn
from reader.core.segment.subheads import is_staying_label

# A sibling title is no longer than this (a headline's length).
SIBLING_MAX_CHARS = 30
# How far down the page (in units) another heading over the same label is looked for.
LOOKAHEAD_UNITS = 60
_SENTENCE_ENDS = frozenset("。!！?？…；;，,：:")
_LABEL = re.compile(r"\s*([\u3400-\u9fff]{2,6})\s*[:\uff1a]")
_HEADS = (LineKind.HEADING, LineKind.SUBHEADING, LineKind.ITEM_TITLE)
_SKIPPED = (LineKind.FURNITURE, LineKind.CAPTION, LineKind.SOURCE)


def _glyph(text: str) -> str | None:
    """The mark ``text`` opens with (``▌``, ``>``, ``##``), or None when it opens with a word."""
    text = text.lstrip()
    first = text[:1]
    if not first or first.isalnum():
        return None
    category = unicodedata.category(first)
    if category in ("Ps", "Pi", "Pf") or first in "\"'“”‘’「」『』【】《》〈〉（）()[]":
        return None
    return text[: len(text) - len(text.lstrip(first))]  # the whole run: ## under # is a level down


def _label(text: str) -> str | None:
    """The short label a paragraph opens on (``招聘岗位``), or None (no label, or a speech turn)."""
    match = _LABEL.match(text)
    if match is None or is_speech_turn(text):
        return None
    return match.group(1)


def _under(units: Sequence[Unit], k: int) -> Unit | None:
    """The first paragraph at or after unit ``k`` when only furniture, captions or sources stand
    before it."""
    while k < len(units) and units[k].kind in _SKIPPED:
        k += 1
    return units[k] if k < len(units) and units[k].kind is LineKind.PARAGRAPH else None


def _title_label(blocks: Sequence[Block]) -> str | None:
    """The label of the first paragraph under the article's title."""
    titled = False
    for block in blocks:
        if block.role is Role.TITLE:
            titled = True
        elif titled and block.role is Role.PARAGRAPH:
            return _label(block.text)
    return None


def _labels_further(units: Sequence[Unit], k: int, label: str) -> bool:
    """True when another lone heading further down stands over a paragraph opening on ``label``."""
    for j in range(k, min(len(units), k + LOOKAHEAD_UNITS)):
        if units[j].kind in _HEADS and (j + 1 >= len(units) or units[j + 1].kind not in _HEADS):
            under = _under(units, j + 1)
            if under is not None and _label(under.text) == label:
                return True
    return False


def opens_sibling(article: Drafted, heading: str, units: Sequence[Unit], k: int) -> bool:
    """True when a lone ``heading`` (its units end before unit ``k``) after the open ``article`` is set in
    the form of the page's titles (see the module's doc)."""
    blocks, text = article.blocks, heading.strip()
    if not article.last_complete or not 2 <= len(text) <= SIBLING_MAX_CHARS or text[-1] in _SENTENCE_ENDS:
        return False
    if not any(block.role is Role.PARAGRAPH for block in blocks):
        return False
    bare = text.lstrip(_glyph(text) or "").strip()
    if is_staying_label(bare) or is_editors_note(bare):  # # 编者按 under a # title: the article's own note
        return False
    title = next((block.text for block in blocks if block.role is Role.TITLE), None)
    glyph = _glyph(text)
    if glyph is not None and title is not None and _glyph(title) == glyph and len(text) > 2:
        return True
    under = _under(units, k)
    label = None if under is None else _label(under.text)
    if label is None or glyph is not None:
        return False
    return _title_label(blocks) == label or _labels_further(units, k + 1, label)
