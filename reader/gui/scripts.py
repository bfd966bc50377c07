"""The script the text is shown in: its names in the interface and the current choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.core.script import Script, convert

SCRIPT_ORDER = (Script.ORIGINAL, Script.SIMPLIFIED, Script.TRADITIONAL, Script.TAIWAN, Script.HONGKONG)


def script_label(script: Script) -> str:
    """The name of a script as offered in the toolbar and the View menu."""
    labels = {
        Script.ORIGINAL: QCoreApplication.translate("Scripts", "Original"),
        Script.SIMPLIFIED: QCoreApplication.translate("Scripts", "Simplified 简体"),
        Script.TRADITIONAL: QCoreApplication.translate("Scripts", "Traditional 繁體"),
        Script.TAIWAN: QCoreApplication.translate("Scripts", "Taiwan 繁體(台灣)"),
        Script.HONGKONG: QCoreApplication.translate("Scripts", "Hong Kong 繁體(香港)"),
    }
    return labels[script]


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

    def __init__(self, script: Script, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._script = script

    @property
    def script(self) -> Script:
        return self._script

    def set_script(self, script: Script) -> None:
        """Choose a script; views are told through ``changed``."""
        if script is not self._script:
            self._script = script
            self.changed.emit(script)

    def cycle(self) -> Script:
        """Move to the next script in the menu order (wrapping round)."""
        index = SCRIPT_ORDER.index(self._script)
        self.set_script(SCRIPT_ORDER[(index + 1) % len(SCRIPT_ORDER)])
        return self._script

    def __call__(self, text: str) -> str:
        """``text`` in the chosen script (unchanged for the original)."""
        return convert(text, self._script)
