"""The Qt user interface. Only this package may import PySide6."""
