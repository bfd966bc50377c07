"""Latin-script lines in a Chinese paper: a title's subtitle in the country's language (qaseg25's C5).

``Record d'inscriptions à l'école chinoise du 13e arrondissement``, ``Notis PIBG``, ``Agenda``: a line of
Latin letters with no sentence in it, which may stand under a Chinese title as its subtitle
(:mod:`.subtitle_lines`).  Such a line is never a printed line of a Chinese paragraph: re-flowing never
joins it to the Han text under it (:mod:`.reflow`).  Nothing here looks at neighbouring lines.
"""

from __future__ import annotations

import re

LATIN_SUBTITLE_MAX_CHARS = 90
# Words of Latin letters (accented too), digits and a title's marks; the first a capital or a digit.
_LATIN_LINE = re.compile(r"[A-Z0-9À-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9'’&:,\-–—/()!?. ]*[A-Za-zÀ-ÖØ-öø-ɏ0-9'’)!?]")
# A single word is a subtitle only when it is a word, not an abbreviation or a code (``Agenda``).
_ONE_WORD_MIN = 4
_HAN = re.compile(r"[\u3400-\u9fff]")


def is_latin_subtitle_text(text: str) -> bool:
    """True for a line that may be a title's Latin-script subtitle: no Han, no sentence at its end."""
    if len(text) > LATIN_SUBTITLE_MAX_CHARS or _LATIN_LINE.fullmatch(text) is None:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    words = text.split()
    if len(words) == 1:
        return len(text) >= _ONE_WORD_MIN and text[1:].islower()
    return not any(mark in text[:-1] for mark in ".!?")  # one clause: a title, not sentences


def parts_scripts(above: str, below: str) -> bool:
    """True when printed lines ``above`` and ``below`` are no one paragraph's: a Latin-script title
    line over Han text, or Han text over one."""
    if is_latin_subtitle_text(above):
        return _HAN.search(below, 0, 3) is not None
    return is_latin_subtitle_text(below) and _HAN.search(above, len(above) - 3) is not None
