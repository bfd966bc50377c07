"""Reading a passage of a page scan with the PP-OCR Chinese model of ``rapidocr-onnxruntime`` (Qt-free).

The model files ship inside that package's wheel, so nothing is downloaded
at run time; it is the optional extra ``jiaokan[ocr]``.  Without it
:func:`ocr_available` is False and :class:`OcrEngine` raises
:class:`OcrUnavailable` with the command that installs it.  The engine is
made once per process (loading the models takes about a second) and used
by one thread at a time.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.errors import JiaokanError

INSTALL_HINT = 'pip install -e ".[ocr]"  (or: pip install "jiaokan[ocr]")'
_MODULE = "rapidocr_onnxruntime"
SPACE_GAP = 0.6
"""A gap between two words this many characters wide or more is a space the model left out."""
PADDED_AFTER = frozenset("，。、；：！？）」』》〉】〕”’")
"""Full-width marks set at the left of their cell: the white after one is the mark's own, not a space."""
PADDED_BEFORE = frozenset("（「『《〈【〔“‘")
"""Full-width marks set at the right of their cell: the white before one is the mark's own."""
# OpenCV, which the OCR package uses, points Qt at its own plugins and fonts when imported
_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


class OcrUnavailable(JiaokanError):
    """The OCR extra is not installed."""

    def __init__(self) -> None:
        super().__init__(f"the OCR extra is not installed; install it with: {INSTALL_HINT}")


@contextlib.contextmanager
def keep_qt_environment() -> Iterator[None]:
    """Undo what importing OpenCV does to Qt's environment variables (its plugins and fonts)."""
    saved = {name: os.environ.get(name) for name in _QT_VARIABLES}
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def ocr_available() -> bool:
    """True when the optional OCR package is installed."""
    return importlib.util.find_spec(_MODULE) is not None


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line read: its text, the model's confidence (0–1), its box (x, y, w, h) in the image read.

    ``char_confidences`` holds each character's confidence when they were asked for (else empty).
    """

    text: str
    confidence: float
    box: tuple[int, int, int, int]
    char_confidences: tuple[float, ...] = ()


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

    def __init__(self, threads: int | None = None) -> None:
        if not ocr_available():
            raise OcrUnavailable
        self._threads = threads  # the model's threads (None: as many as cores); one in each import worker
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
            with keep_qt_environment():
                from rapidocr_onnxruntime import RapidOCR

                options = {} if self._threads is None else {"intra_op_num_threads": self._threads}
                self._engine = RapidOCR(**options)
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

    def read_bgr(self, image: Any) -> tuple[OcrLine, ...]:
        """The lines of a numpy BGR image (as OpenCV holds it), each with its characters' confidences.

        In the model's order: a page's reading order is for :mod:`reader.core.page_layout` to find.
        """
        with self._lock:
            found, _elapsed = self._load()(image, return_word_box=True)
        return tuple(_line(item) for item in found or [])

    def _read(self, image: Any) -> Reading:
        with self._lock:
            found, _elapsed = self._load()(image)
        return Reading(tuple(_reading_order([_line(item) for item in found or []])))


def _line(item: Any) -> OcrLine:
    """An OcrLine from one item the model found: (points, text, confidence[, boxes, chars, confidences])."""
    points, text, confidence = item[0], str(item[1]), float(item[2])
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x, y = int(min(xs)), int(min(ys))
    box = (x, y, int(max(xs)) - x, int(max(ys)) - y)
    chars: tuple[float, ...] = ()
    if len(item) >= 6 and len(item[3]) == len(item[4]) == len(item[5]) and "".join(item[4]) == text:
        # words (a Chinese character is one), their boxes and scores: spaces the model left out restored
        text, chars = restore_spaces(item[3], item[4], item[5], vertical=box[3] > box[2])
    return OcrLine(text, confidence, box, chars)


def restore_spaces(
    boxes: Sequence[Any], words: Sequence[str], scores: Sequence[Any], *, vertical: bool
) -> tuple[str, tuple[float, ...]]:
    """A line's text with a space wherever a gap between two words is at least SPACE_GAP characters wide,
    and each character's confidence (a space restored counts as sure).

    ``boxes`` are the words' corner points as the model gives them.  No space is put after a
    full-width mark set at the left of its cell (，。、…) nor before one set at its right (（《“…).
    """
    axis = 1 if vertical else 0
    spans = [(min(p[axis] for p in b), max(p[axis] for p in b)) for b in boxes]
    pitches = sorted(end - start for (start, end), word in zip(spans, words, strict=True) if len(word) == 1)
    pitch = pitches[len(pitches) // 2] if pitches else 0
    text: list[str] = []
    chars: list[float] = []
    for index, (word, score) in enumerate(zip(words, scores, strict=True)):
        if (
            index
            and pitch
            and spans[index][0] - spans[index - 1][1] >= SPACE_GAP * pitch
            and words[index - 1][-1:] not in PADDED_AFTER
            and word[:1] not in PADDED_BEFORE
        ):
            text.append(" ")
            chars.append(1.0)
        text.append(word)
        chars.extend([round(float(score), 4)] * len(word))
    return "".join(text), tuple(chars)


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
