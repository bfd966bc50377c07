"""Where tag names occur in an article's text (tag suggestions: the library's tags named in it)."""

from __future__ import annotations

from reader.core.tag_candidates import occurrences

FORMS_SEARCHED_ONE_BY_ONE = 100  # per length of form: more tag names than this are found by one scan


def positions_of(forms: set[str], text: str) -> dict[str, list[int]]:
    """Where each of ``forms`` occurs in ``text``.

    Many forms (a large library's tags) are looked up in one pass over the
    text per length of form, so the cost grows with the text, not with the
    number of tags; a few are searched for one by one.
    """
    lengths = {len(f) for f in forms}
    if len(forms) <= FORMS_SEARCHED_ONE_BY_ONE * len(lengths):
        return {f: hits for f in forms if (hits := list(occurrences(text, f)))}
    found: dict[str, list[int]] = {}
    for length in lengths:
        for i in range(len(text) - length + 1):
            piece = text[i : i + length]
            if piece in forms:
                found.setdefault(piece, []).append(i)
    return found
