"""A letter's last sentence, short and set alone over the issuer's date line: body text, not a title.

A letter to parents or members often ends with one short sentence of thanks on its own line
(``感谢您一直以来对幼儿园工作的理解和支持！``), then the issuer and the date
(``阳光幼儿园　2026年12月1日``).  Alone, the sentence reads like a heading, so with no blank line
under the letter it became the kicker of the next article and the date line its furniture
(qaseg34's class 2).  A heading-like line that is a whole sentence (closed by ``！`` or ``。``),
between the letter's paragraph and an issuer's date line, is the letter's last paragraph; the date
line is then the letter's closing line (:mod:`.closing_lines`).
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.sign_offs import is_issuer_date

_SENTENCE_END = ("！", "!", "。")
MIN_SENTENCE_CHARS = 8  # 感谢您的支持！ and longer; 致家长！ is a heading


def mark_letter_closings(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """The closing sentence of a letter over its issuer's date line becomes a finished paragraph."""
    marked = list(tagged)
    for i in range(1, len(marked) - 1):
        line = marked[i]
        if (
            line.kind is LineKind.HEADING
            and not line.line.break_before
            and marked[i - 1].kind is LineKind.PARAGRAPH
            and line.text.strip().endswith(_SENTENCE_END)
            and len(line.text.strip()) >= MIN_SENTENCE_CHARS
            and is_issuer_date(marked[i + 1].text.strip())
        ):
            marked[i] = replace(line, kind=LineKind.PARAGRAPH, complete=True)
    return marked
