"""A short title over a list of another kind than the article above: the next article (qaseg31's class 1).

Newsletters (a ward's, a farm paper's, an alumni association's) set their small items one under the
other with no blank line: ``答病友问`` over ``问：`` / ``答：`` turns, ``农技问答`` over an expert's name
and turns, ``捐款芳名`` over ``name　amount`` rows, ``本月健康讲座安排`` over dated rows.  Such an item
often closes with one line of prose (``如有其他问题，欢迎……留言``, ``本会谨此致谢。``) or a contact line
(``欢迎读者来电提问，热线：…``), so :func:`.item_titles.opens_item` (every line under the heading a
list's) does not see it.  The evidence read here:

- the article above is finished and set no subheading (a feature that sets one sets its next the same
  way), and the heading is short, no sentence, numbered point or closing label (``相关链接``);
- under the heading, up to the next heading or the end, are two list lines at least (turns, numbered
  items, ``label：value`` fields, a table's rows), with at most one line of prose before them (the
  item's lead: ``本期答疑专家：…``) and one after them (its closing line), contact lines and a notice's
  fields (``地点：…``, ``截止日期：…``) anywhere but counting for no line of the list;
- the list's own kind (turns, numbered items, rows: a field line alone is no kind) is not found in the
  article above: an interview's turns under a subheading of an interview stay in it;
- and the heading names nothing the article spoke of (:func:`.item_titles` reads it the same way).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Role
from reader.core.script import han_simplified
from reader.core.segment.classify import LineKind
from reader.core.segment.item_titles import Drafted, Shape, line_shape, named_above, opens_item
from reader.core.segment.repair import Unit
from reader.core.segment.rules import is_enumerated, is_speech_turn
from reader.core.segment.subheads import is_staying_label
from reader.core.segment.whole_lines import is_contact_line, is_notice_field

# The title of such an item is no longer than this.
LIST_TITLE_MAX_CHARS = 16
# The list under it has at least this many lines.
LIST_MIN_LINES = 2
# Shapes that tell a list's kind; a field line (主讲：…, 地点：…) is found under any kind.
_KINDS = frozenset({Shape.TURN, Shape.NUMBERED, Shape.HAN_NUMBERED, Shape.ROW})
_SKIPPED = (LineKind.SOURCE, LineKind.CAPTION, LineKind.FURNITURE, LineKind.BYLINE)
_HEADS = (LineKind.HEADING, LineKind.SUBTITLE, LineKind.ITEM_TITLE, LineKind.SUBHEADING, LineKind.SECTION)
_STOPS = frozenset("。；;，,：:！!？?")


def _list_kinds(units: Sequence[Unit], k: int) -> set[Shape] | None:
    """The kinds of the list under a heading from unit ``k`` (see the module), else None."""
    shapes: list[Shape] = []
    prose_before = prose_after = 0
    while k < len(units) and units[k].kind not in _HEADS:
        unit = units[k]
        k += 1
        if unit.kind in _SKIPPED:
            continue
        if unit.kind is not LineKind.PARAGRAPH:
            return None
        text = unit.text.strip()
        if is_contact_line(text) or is_notice_field(text):
            continue  # (报名方式 over 联系电话：…, 截止日期：…: the notice's own fields, no list)
        shape = line_shape(text)
        if shape is Shape.PROSE:
            if prose_after or (shapes and not unit.complete):
                return None
            if shapes:
                prose_after += 1
            elif prose_before:
                return None
            else:
                prose_before += 1
        elif prose_after:
            return None  # prose between the list's lines: a feature's text, no item's
        else:
            shapes.append(shape)
    kinds = set(shapes) & _KINDS
    return kinds if len(shapes) >= LIST_MIN_LINES and kinds else None


def opens_titled_list(article: Drafted, heading: str, units: Sequence[Unit], k: int) -> bool:
    """True when the lone ``heading`` after the open ``article`` titles a list of its own (see the
    module)."""
    text = heading.strip()
    blocks = article.blocks
    if (
        not article.last_complete
        or len(text) > LIST_TITLE_MAX_CHARS
        or text[-1:] in _STOPS
        or is_enumerated(text)
        or is_speech_turn(text)
        or is_staying_label(text)
        or any(block.role is Role.SUBHEADING for block in blocks)
    ):
        return False
    above = [block.text.strip() for block in blocks if block.role is Role.PARAGRAPH]
    if not above:
        return False
    kinds = _list_kinds(units, k)
    if kinds is None or kinds & {line_shape(line) for line in above}:
        return False
    return not named_above(text, han_simplified("".join([block.text for block in blocks])))


def opens_list_item(article: Drafted, heading: str, units: Sequence[Unit], k: int) -> bool:
    """True when the lone ``heading`` opens an item of its own: :func:`.item_titles.opens_item`, or the
    title of a list with its lead and closing line (:func:`opens_titled_list`)."""
    return opens_item(article, heading, units, k) or opens_titled_list(article, heading, units, k)
