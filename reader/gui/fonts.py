"""Choosing a reading font with Chinese glyphs of the right regional forms."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from reader.core.script import Script

# Serif faces read best in long text; sans faces follow when no serif is installed.
_PREFERRED = {
    "SC": (
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Source Han Serif CN",
        "Songti SC",
        "SimSun",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "PingFang SC",
        "Microsoft YaHei",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
        "Hiragino Sans GB",
    ),
    "TC": (
        "Noto Serif CJK TC",
        "Source Han Serif TC",
        "Source Han Serif TW",
        "Songti TC",
        "PMingLiU",
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "Source Han Sans TW",
        "PingFang TC",
        "Microsoft JhengHei",
    ),
    "HK": (
        "Noto Serif CJK HK",
        "Source Han Serif HK",
        "Noto Sans CJK HK",
        "Source Han Sans HK",
        "PingFang HK",
        "MingLiU_HKSCS",
    ),
}
_REGION = {
    Script.ORIGINAL: "SC",
    Script.SIMPLIFIED: "SC",
    Script.TRADITIONAL: "TC",
    Script.TAIWAN: "TC",
    Script.HONGKONG: "HK",
}


@cache
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def reading_family(script: Script) -> str | None:
    """The best installed CJK family for text in ``script``; None keeps the default font."""
    installed = _installed()
    region = _REGION[script]
    for candidates in (_PREFERRED[region], _PREFERRED["SC"], _PREFERRED["TC"]):
        for family in candidates:
            if family in installed:
                return family
    return None


def ui_family() -> str | None:
    """A sans CJK family for the interface when the default font has no Chinese glyphs."""
    installed = _installed()
    for family in (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "WenQuanYi Micro Hei",
    ):
        if family in installed:
            return family
    return None
