"""Jiaokan (校勘): reader and proofreading workbench for OCR'd Chinese newspapers.

``reader.core`` and ``reader.services`` are Qt-free; ``reader.gui`` holds the widgets.
"""

__version__ = "0.1.0"
