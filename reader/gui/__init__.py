"""The Qt user interface. Only this package may import PySide6."""

from reader.gui.pyside_compat import guard_none

guard_none()
