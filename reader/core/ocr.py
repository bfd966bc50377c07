"""Reading a passage of a page scan with the PP-OCR Chinese model of ``rapidocr-onnxruntime`` (Qt-free).

The model files ship inside that package's wheel, so nothing is downloaded
at run time; it is the optional extra ``jiaokan[ocr]``.  Without it
:func:`ocr_available` is False and :class:`OcrEngine` raises
:class:`OcrUnavailable` with the command that installs it.  The engine is
made once per process (loading the models takes about a second) and used
by one thread at a time.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from typing import Any

from reader.core.errors import JiaokanError

INSTALL_HINT = 'pip install -e ".[ocr]"  (or: pip install "jiaokan[ocr]")'
_MODULE = "rapidocr_onnxruntime"
# OpenCV, which the OCR package uses, points Qt at its own plugins and fonts when imported
_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


class OcrUnavailable(JiaokanError):
    """The OCR extra is not installed."""

    def __init__(self) -> None:
        super().__init__(f"the OCR extra is not installed; install it with: {INSTALL_HINT}")


def ocr_available() -> bool:
    """True when the optional OCR package is installed."""
    return importlib.util.find_spec(_MODULE) is not None


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line read: its text, the model's confidence (0–1) and its box (x, y, w, h) in the image read."""

    text: str
    confidence: float
    box: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model read in an image: its lines in reading order, and their text joined."""

    lines: tuple[OcrLine, ...]

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


class OcrEngine:
    """The PP-OCR detector and recogniser, loaded on first use; ``read`` takes encoded image bytes."""

    _shared: OcrEngine | None = None
    _shared_lock = threading.Lock()

    def __init__(self) -> None:
        if not ocr_available():
            raise OcrUnavailable
        self._engine: Any = None
        self._lock = threading.Lock()

    @classmethod
    def shared(cls) -> OcrEngine:
        """The process's one engine."""
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def _load(self) -> Any:
        if self._engine is None:
            saved = {name: os.environ.get(name) for name in _QT_VARIABLES}
            try:
                from rapidocr_onnxruntime import RapidOCR

                self._engine = RapidOCR()
            finally:
                for name, value in saved.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value
        return self._engine

    def read(self, image: bytes) -> Reading:
        """The lines of an encoded image (PNG, JPEG…), top to bottom, then left to right."""
        return self._read(image)

    def read_rgb(self, pixels: bytes, width: int, height: int, stride: int) -> Reading:
        """The lines of raw 8-bit RGB pixels (``height`` rows of ``stride`` bytes)."""
        import numpy

        rows = numpy.frombuffer(pixels, dtype=numpy.uint8).reshape(height, stride)
        rgb = rows[:, : width * 3].reshape(height, width, 3)
        return self._read(numpy.ascontiguousarray(rgb[:, :, ::-1]))  # the model takes BGR, as OpenCV

    def _read(self, image: Any) -> Reading:
        with self._lock:
            found, _elapsed = self._load()(image)
        lines = []
        for points, text, confidence in found or []:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            x, y = int(min(xs)), int(min(ys))
            lines.append(OcrLine(str(text), float(confidence), (x, y, int(max(xs)) - x, int(max(ys)) - y)))
        return Reading(tuple(_reading_order(lines)))


def _reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Lines sorted into rows (middles within half a line of each other), each row left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda item: item.box[1] + item.box[3] / 2):
        middle = line.box[1] + line.box[3] / 2
        if rows:
            last = rows[-1][0]
            if abs(middle - (last.box[1] + last.box[3] / 2)) < max(line.box[3], last.box[3]) / 2:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.box[0])]
