"""A Chinese label's colon after its Alt letter is full-width like every other colon of the interface
("导出(&E)：", not "导出(&E):"): the half-width rule cannot see it, as no Chinese character touches it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.gui.test_translations import TS

AFTER_MNEMONIC = re.compile(r"\(&[^)]\)[:;,!?]")


def test_no_half_width_punctuation_follows_an_alt_letter() -> None:
    root = ET.parse(TS).getroot()
    found = [
        text
        for message in root.iter("message")
        for translation in message.iter("translation")
        for text in [translation.text or "", *(form.text or "" for form in translation.iter("numerusform"))]
        if AFTER_MNEMONIC.search(text)
    ]
    assert found == []
