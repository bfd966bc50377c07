"""An editor's comment or a reply glued behind its bracketed label: ``【编后】纪录背后是…``,
``【回复】公司工会已将此建议…`` (qaseg32's class 2 and 6; file 12, mins m02, m11).

A staff paper closes each item with a one-line comment of the editors, a letters page a reader's letter
with the reply, each behind a bracketed label on the same line as its text.  Read as a brief item
(``【杏林社区开展义诊】5月7日上午,…``, :mod:`.bracket_items`), the label was split off as a heading: the
comment became a subheading of the article and every later title a subheading too, or the reply an
untitled article of its own.

Such a line is a paragraph of the item it closes (:func:`opens_comment`: the re-flow still starts a block
at it, :func:`.bracket_items.opens_bracket_item`), and the item is over after it: a heading over text
right under it is the next item's title (:func:`closes_with_comment`), as after a signature.
"""

from __future__ import annotations

import re

from reader.core.script import han_simplified

# The labels of an editor's closing comment and of a reply, set in brackets before their text.
COMMENT_LABELS = frozenset(
    {
        "编后",
        "编后语",
        "编后记",
        "编后话",
        "编者按",
        "编者注",
        "编者的话",
        "回复",
        "答复",
        "复",
        "编辑回复",
        "记者回复",
        "编辑部回复",
        "点评",
        "编辑点评",
        "短评",
    }
)
# Of them, the ones that close the item (an editor's note opens one: ``【编者按】…`` over the text).
_OPENING = frozenset({"编者按", "编者的话"})
_GLUED = re.compile(r"[【〖\[]\s*([^【】〖〗\[\]\s]{1,6})\s*[】〗\]]\s*\S")


def _simplified(label: str) -> str:
    return han_simplified(label.strip()).replace("後", "后")  # (後 stays as it is in the rules' text)


def is_comment_label(inner: str) -> bool:
    """True for the inside of a comment's or reply's bracketed label (``编后``, ``回复``)."""
    return _simplified(inner) in COMMENT_LABELS


def _glued_label(text: str) -> str | None:
    match = _GLUED.match(text.strip())
    if match is None or not is_comment_label(match.group(1)):
        return None
    return _simplified(match.group(1))


def opens_comment(text: str) -> bool:
    """True for a line opening with a comment's or reply's label and going on with its text."""
    return _glued_label(text) is not None


def closes_with_comment(text: str) -> bool:
    """True for an editor's closing comment or a reply (``【编后】…``, ``【回复】…``): the item ends there."""
    label = _glued_label(text)
    return label is not None and label not in _OPENING
