"""The script the text is shown in: its names in the interface and the current choice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.core.script import Script, convert

SCRIPT_ORDER = (Script.ORIGINAL, Script.SIMPLIFIED, Script.TAIWAN, Script.HONGKONG, Script.TRADITIONAL)
TRADITIONAL_SCRIPTS = (Script.TAIWAN, Script.HONGKONG, Script.TRADITIONAL)
DEFAULT_TRADITIONAL = Script.TAIWAN
"""The traditional script Next Script reaches until the user chooses another one."""
SAMPLE_LIMIT = 4000  # characters of the text shown that Next Script compares in each script


def script_label(script: Script) -> str:
    """The name of a script as offered in the toolbar and the View menu: what standard it follows."""
    labels = {
        Script.ORIGINAL: QCoreApplication.translate("Scripts", "Original"),
        Script.SIMPLIFIED: QCoreApplication.translate("Scripts", "Simplified 简体"),
        Script.TAIWAN: QCoreApplication.translate("Scripts", "Taiwan Standard 臺灣正體"),
        Script.HONGKONG: QCoreApplication.translate("Scripts", "Hong Kong 香港繁體"),
        Script.TRADITIONAL: QCoreApplication.translate("Scripts", "OpenCC Standard 標準繁體"),
    }
    return labels[script]


def script_menu_label(script: Script) -> str:
    """The name of a script as an entry of View > Script, with its Alt letter (not N or C: Next
    Script and Names and Conversions have them)."""
    labels = {
        Script.ORIGINAL: QCoreApplication.translate("Scripts", "&Original"),
        Script.SIMPLIFIED: QCoreApplication.translate("Scripts", "&Simplified 简体"),
        Script.TAIWAN: QCoreApplication.translate("Scripts", "&Taiwan Standard 臺灣正體"),
        Script.HONGKONG: QCoreApplication.translate("Scripts", "&Hong Kong 香港繁體"),
        Script.TRADITIONAL: QCoreApplication.translate("Scripts", "O&penCC Standard 標準繁體"),
    }
    return labels[script]


def stored_text(document: Mapping[str, Any] | None) -> str:
    """The stored text of an article document's blocks (what Next Script compares), "" for none."""
    if document is None:
        return ""
    return "\n".join(str(block.get("text", "")) for block in document.get("blocks", []))


def parse_script(value: str) -> Script:
    """A stored script name, or the original script when it is unknown."""
    try:
        return Script(value)
    except ValueError:
        return Script.ORIGINAL


class ScriptChoice(QObject):
    """The script chosen for display; every view converts what it shows through it.

    Stored text never changes: conversion happens only for display, and
    ``reader.core.script.convert`` caches short strings.
    """

    changed = Signal(object)

    def __init__(
        self, script: Script, parent: QObject | None = None, traditional: Script = DEFAULT_TRADITIONAL
    ) -> None:
        super().__init__(parent)
        self._script = script
        self.traditional = script if script in TRADITIONAL_SCRIPTS else traditional
        """The traditional script chosen last (Next Script steps to it)."""

    @property
    def script(self) -> Script:
        return self._script

    def set_script(self, script: Script) -> None:
        """Choose a script; views are told through ``changed``."""
        if script in TRADITIONAL_SCRIPTS:
            self.traditional = script
        if script is not self._script:
            self._script = script
            self.changed.emit(script)

    def steps(self) -> list[Script]:
        """The scripts Next Script goes through: original, simplified, the traditional chosen last."""
        return [Script.ORIGINAL, Script.SIMPLIFIED, self.traditional]

    def cycle(self, text: str = "") -> Script:
        """Step original → simplified → the traditional script chosen last, skipping those that show ``text``
        as it is shown now (on simplified text the first press goes straight to traditional)."""
        steps = self.steps()
        at = steps.index(self._script) if self._script in steps else len(steps) - 1
        sample = text[:SAMPLE_LIMIT]
        shown = convert(sample, self._script)
        for n in range(1, len(steps)):
            candidate = steps[(at + n) % len(steps)]
            if not sample or convert(sample, candidate) != shown:
                self.set_script(candidate)
                return self._script
        self.set_script(steps[(at + 1) % len(steps)])  # every script shows it alike: just step on
        return self._script

    def __call__(self, text: str) -> str:
        """``text`` in the chosen script (unchanged for the original)."""
        return convert(text, self._script)
