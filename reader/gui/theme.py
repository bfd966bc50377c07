"""Light and dark palettes: follow the system, or a choice made in the View menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.gui.settings import Theme

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2d",
    QPalette.ColorRole.WindowText: "#e4e4e6",
    QPalette.ColorRole.Base: "#1e1e20",
    QPalette.ColorRole.AlternateBase: "#28282b",
    QPalette.ColorRole.ToolTipBase: "#3a3a3d",
    QPalette.ColorRole.ToolTipText: "#e4e4e6",
    QPalette.ColorRole.PlaceholderText: "#8d8d92",
    QPalette.ColorRole.Text: "#e4e4e6",
    QPalette.ColorRole.Button: "#333336",
    QPalette.ColorRole.ButtonText: "#e4e4e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4a4e",
    QPalette.ColorRole.Midlight: "#3c3c40",
    QPalette.ColorRole.Mid: "#2f2f32",
    QPalette.ColorRole.Dark: "#1a1a1c",
    QPalette.ColorRole.Shadow: "#0d0d0e",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb2ff",
    QPalette.ColorRole.LinkVisited: "#c39bff",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.WindowText: "#1c1c1e",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f5f3ee",
    QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#1c1c1e",
    QPalette.ColorRole.PlaceholderText: "#7d7d82",
    QPalette.ColorRole.Text: "#1c1c1e",
    QPalette.ColorRole.Button: "#efefef",
    QPalette.ColorRole.ButtonText: "#1c1c1e",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e3e3e3",
    QPalette.ColorRole.Mid: "#b8b8b8",
    QPalette.ColorRole.Dark: "#9f9f9f",
    QPalette.ColorRole.Shadow: "#767676",
    QPalette.ColorRole.Highlight: "#3a76d8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#1a5fb4",
    QPalette.ColorRole.LinkVisited: "#7a3fb4",
}
_DISABLED = {"dark": "#77777b", "light": "#9a9a9e"}


def palette_for(theme: Theme) -> QPalette:
    """An explicit palette for the light or the dark theme."""
    colors = _DARK if theme is Theme.DARK else _LIGHT
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    disabled = QColor(_DISABLED["dark" if theme is Theme.DARK else "light"])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(theme: Theme, *, at_start: bool = False) -> None:
    """Use the system's palette, or force the light or the dark one.

    ``at_start``: the application has set no palette yet, so the system's is the
    one in use (resetting it would only cost the first paint the style's set-up).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if theme is Theme.SYSTEM:
        if at_start:
            return
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
        return
    hints.setColorScheme(Qt.ColorScheme.Dark if theme is Theme.DARK else Qt.ColorScheme.Light)
    if app.style().name().lower() == "windowsvista":  # it ignores palettes
        app.setStyle("Fusion")
    app.setPalette(palette_for(theme))


def is_dark() -> bool:
    """True when the current palette is a dark one."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
