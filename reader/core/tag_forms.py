"""Where tag names occur in an article's text (tag suggestions: the library's tags named in it), and
the longer forms of a tag's name that name the same thing (外滩街道办事处 of 外滩街道, 中华人民共和国民法典
of 民法典): offered as the tag, never as a second spelling of it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reader.core.tag_candidates import occurrences
from reader.core.tag_ranking import TagForm

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


# A street's office is the street (外滩街道 + 办事处); a national law is named with the country in front.
_SAME_THING_SUFFIXES = {"街道": ("办事处",), "镇": ("人民政府",), "乡": ("人民政府",)}
_COUNTRY = "中华人民共和国"


def longer_forms(key: str) -> list[str]:
    """Longer names of what the (folded) tag name ``key`` names: 外滩街道 → 外滩街道办事处, 民法典 →
    中华人民共和国民法典."""
    forms = [
        key + suffix
        for end, suffixes in _SAME_THING_SUFFIXES.items()
        if key.endswith(end)
        for suffix in suffixes
    ]
    if not key.startswith(_COUNTRY) and key.endswith(("法", "法典", "条例")):
        forms.append(_COUNTRY + key)
    return forms


def longer_form_index(tags: Iterable[TagForm]) -> dict[str, list[TagForm]]:
    """The tags by their longer forms (外滩街道办事处 → 外滩街道), for mapping candidates once the longer
    form has covered its inner words (办事处, 人民政府 of 江桥镇人民政府: no suggestions of their own)."""
    index: dict[str, list[TagForm]] = defaultdict(list)
    for tag in tags:
        for form in longer_forms(tag.key):
            index[form].append(tag)
    return index
