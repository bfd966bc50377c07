"""Turn the bytes of an issue file into text, refusing anything doubtful.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset
of GBK and GB2312) and Big5 (with the cp950 and Big5-HKSCS extensions).
Nothing is ever decoded with silent replacement.  Because GB18030 and Big5
both accept most byte soup, a file that is not UTF-8 is decoded both ways and
each reading is scored by how plausible it looks as Chinese text; a reading
is only chosen when it clearly wins.

Small files are decoded whole (``read_issue_file``).  Large ones are read in
two streamed passes with bounded memory: ``scan_issue_file`` checks them,
chooses the encoding and hashes the text, then ``iter_issue_text`` hands out
the text piece by piece.  Both paths feed the bytes through the same
``_Scanner``, so they apply the same rules in the same order; a streamed file
only differs in that the GB18030-versus-Big5 scoring (``reader.core.legacy_encodings``)
looks at its first
``sample_bytes`` bytes, and in that its refusals say where the bad byte is.

A caller that knows the encoding passes ``encoding`` (one of
``SUPPORTED_ENCODINGS``): nothing is detected, the bytes are decoded strictly
in that encoding, and every other check still applies.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.core.decoding_track import Track
from reader.core.errors import AmbiguousEncodingError, InputError, OperationCancelled
from reader.core.legacy_encodings import TRIED, choose_legacy, legacy_readings, utf8_rivals
from reader.core.utf16_guess import UTF16_LOOK, utf16_order

MAX_ISSUE_BYTES = 64 * 1024 * 1024
# Files larger than this are imported streamed (the importer decides).
STREAM_THRESHOLD = 16 * 1024 * 1024
# Streamed files larger than this are refused.
MAX_STREAMED_BYTES = 4 * 1024**3
# The encodings a caller may force instead of detection (``encoding=``).
SUPPORTED_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030", "big5", "cp950", "big5hkscs")

# C0 control characters that never appear in a text file (\t \n \r \f do).
_CONTROLS = tuple(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f")
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if chr(b) not in _CONTROLS)
_MAX_CONTROL_SHARE = 0.05

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_BOM_LENGTHS = {"utf-8-sig": len(_UTF8_BOM), "utf-16": 2}

_LABELS = {"gb18030": "GB18030", "big5": "Big5", "cp950": "cp950 (Big5)", "big5hkscs": "Big5-HKSCS"}
_FORCED_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", **_LABELS}

_CHANGED_WHILE_READING = "the file changed while it was being read"
_CHANGED_WHILE_IMPORTING = "the file changed while it was being imported"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from an issue file, the codec used, and the text's hash."""

    text: str
    encoding: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ScannedFile:
    """What the first streamed pass learned about an issue file; feed it to ``iter_issue_text``."""

    path: Path
    encoding: str  # the codec name ``read_issue_file`` reports (the one forced, if any)
    sha256: str  # of the normalised text encoded as UTF-8, as in Decoded.sha256
    char_count: int  # len() of the normalised text
    byte_count: int  # size of the file


# ---------------------------------------------------------------- public API


def read_issue_file(path: Path, *, encoding: str | None = None) -> Decoded:
    """Read and decode one issue file; every failure is an InputError naming ``path``.

    ``encoding`` (one of ``SUPPORTED_ENCODINGS``) skips detection: see ``decode_bytes``.
    """
    _check_encoding(encoding)
    try:
        _check_size(path, _regular_file_size(path))
        with path.open("rb") as handle:
            data = handle.read(MAX_ISSUE_BYTES + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {_os_reason(exc)}") from exc
    return decode_bytes(data, str(path), encoding=encoding)


def decode_bytes(data: bytes, source: str, *, encoding: str | None = None) -> Decoded:
    """Decode the bytes of an issue file; raise InputError (naming ``source``) if they are not text.

    With ``encoding`` (one of ``SUPPORTED_ENCODINGS``, else ValueError) nothing
    is detected: the bytes must decode strictly in it, a byte-order mark must
    agree with it (forcing "utf-8" on a UTF-8-BOM file reports "utf-8-sig"),
    and the other checks apply as usual.
    """
    _check_encoding(encoding)
    if not data:
        raise InputError(source, "the file is empty")
    _check_size(source, len(data))
    scanner = _Scanner(
        source, len(data), sample_bytes=len(data), keep_text=True, locate=False, encoding=encoding
    )
    scanner.feed(data)
    track = scanner.finish()
    return Decoded(text=track.text(), encoding=track.encoding, sha256=track.sha256())


def scan_issue_file(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    block_bytes: int = 4 << 20,
    sample_bytes: int = 4 << 20,
    encoding: str | None = None,
) -> ScannedFile:
    """First pass: validate, choose the encoding, hash and count, reading the file in blocks.

    Applies the rules of ``read_issue_file``, except that GB18030 and Big5 are
    scored on the first ``sample_bytes`` bytes only (the winner must still
    decode the whole file); ``encoding`` skips detection as in ``decode_bytes``
    (and ``iter_issue_text`` then decodes in it).  ``progress(bytes_read, byte_count)`` is called
    after each block; ``cancelled()`` is checked before each block and raises
    OperationCancelled when it returns True.  Every refusal is an InputError
    naming ``path``.
    """
    if block_bytes < 1 or sample_bytes < 1:
        raise ValueError("block_bytes and sample_bytes must be positive")
    _check_encoding(encoding)
    try:
        size = _regular_file_size(path)
        if not size:
            raise InputError(path, "the file is empty")
        _check_size(path, size, MAX_STREAMED_BYTES)
        scanner = _Scanner(
            str(path), size, sample_bytes=sample_bytes, keep_text=False, locate=True, encoding=encoding
        )
        with path.open("rb") as handle:
            for block in _read_blocks(handle, path, size, 0, block_bytes, progress, cancelled):
                scanner.feed(block)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {_os_reason(exc)}") from exc
    track = scanner.finish()
    return ScannedFile(path, track.encoding, track.sha256(), track.chars, size)


def iter_issue_text(
    scanned: ScannedFile,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    block_bytes: int = 4 << 20,
) -> Iterator[str]:
    """Second pass: the normalised text in pieces (each at most about block_bytes characters).

    Their concatenation is the whole text.  ``progress`` and ``cancelled`` work
    as in ``scan_issue_file``.  Raises InputError if the file no longer matches
    the scan (checked as the bytes are decoded, and by hash at the end).
    """
    if block_bytes < 1:
        raise ValueError("block_bytes must be positive")
    return _iter_text(scanned, progress, cancelled, block_bytes)


def preview_readings(path: Path, encodings: Sequence[str], chars: int = 600) -> dict[str, str]:
    """The first ``chars`` characters of a file as each of ``encodings`` reads them, CRLF folded.

    Only for showing a person the readings to choose from: the first bytes
    are decoded with replacement characters, and nothing is checked.  Unknown
    encodings raise ValueError; a file that cannot be read, an InputError
    naming it.
    """
    for encoding in encodings:
        _check_encoding(encoding)
    if chars < 0:
        raise ValueError("chars must not be negative")
    limit = 4 * chars + 4  # no character takes more than four bytes
    try:
        _regular_file_size(path)
        with path.open("rb") as handle:
            data = handle.read(limit)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {_os_reason(exc)}") from exc
    final = len(data) < limit
    readings: dict[str, str] = {}
    for encoding in encodings:
        codec = "utf-8-sig" if encoding == "utf-8" else encoding
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        text = decoder.decode(data, final).replace("\r\n", "\n").replace("\r", "\n")
        readings[encoding] = text[:chars]
    return readings


# ---------------------------------------------------------------- reading


def _regular_file_size(path: Path) -> int:
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "cannot read the file: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "cannot read the file: it is not a regular file")
    return info.st_size


def _check_size(source: str | Path, size: int, limit: int | None = None) -> None:
    limit = MAX_ISSUE_BYTES if limit is None else limit
    if size > limit:
        gib = 1024**3
        unit = f"{limit // gib} GiB" if limit >= gib and not limit % gib else f"{limit // (1024 * 1024)} MiB"
        raise InputError(
            source, f"the file is too large ({size:,} bytes); the limit is {limit:,} bytes ({unit})"
        )


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _check_encoding(encoding: str | None) -> None:
    """Raise ValueError unless ``encoding`` is None or one of ``SUPPORTED_ENCODINGS``."""
    if encoding is not None and encoding not in SUPPORTED_ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding!r}; choose one of {', '.join(SUPPORTED_ENCODINGS)}")


def _read_blocks(
    handle: BinaryIO,
    path: Path,
    size: int,
    start: int,
    block_bytes: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    changed: str = _CHANGED_WHILE_READING,
) -> Iterator[bytes]:
    """The bytes from ``start`` to ``size`` in blocks; InputError(changed) if the file is not that long."""
    done = start
    while done < size:
        if cancelled is not None and cancelled():
            raise OperationCancelled(f"{path}: cancelled")
        block = handle.read(min(block_bytes, size - done))
        if not block:
            raise InputError(path, changed)
        done += len(block)
        yield block
        if progress is not None:
            progress(done, size)
    if handle.read(1):
        raise InputError(path, changed)


def _iter_text(
    scanned: ScannedFile,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    block_bytes: int,
) -> Iterator[str]:
    path, changed = scanned.path, _CHANGED_WHILE_IMPORTING
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size != scanned.byte_count:
                raise InputError(path, changed)
            track = _track_after_bom(scanned.encoding, handle.read(_BOM_LENGTHS.get(scanned.encoding, 0)))
            if track is None:
                raise InputError(path, changed)
            blocks = _read_blocks(
                handle, path, scanned.byte_count, track.start, block_bytes, progress, cancelled, changed
            )
            for block in blocks:
                piece = track.feed(block)
                if not track.ok:
                    raise InputError(path, changed)
                if piece:
                    yield piece
            piece = track.feed(b"", final=True)
            if not track.ok:
                raise InputError(path, changed)
            if piece:
                yield piece
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {_os_reason(exc)}") from exc
    if track.chars != scanned.char_count or track.sha256() != scanned.sha256:
        raise InputError(path, changed)


def _track_after_bom(encoding: str, head: bytes) -> Track | None:
    """The track decoding a file scanned as ``encoding`` after its BOM ``head``; None if the BOM is gone."""
    if encoding == "utf-8-sig":
        return Track(encoding, "utf-8", start=len(head)) if head == _UTF8_BOM else None
    if encoding == "utf-16":
        codec = _UTF16_BOMS.get(head)
        return Track(encoding, codec, start=len(head)) if codec else None
    return Track(encoding, encoding, start=0)


# ---------------------------------------------------------------- decoding


class _Scanner:
    """Check and decode an issue file's bytes, fed in order, and choose its encoding.

    The one implementation of the rules, used whole (``decode_bytes``: one
    block, the sample being the whole file) and streamed (``scan_issue_file``).
    Refusals come in the whole-file order: a bad byte-order-marked file fails
    at its first bad byte; a NUL fails at once; the share of control
    characters is judged at the end, before any decoding failure of an
    unmarked file.  A forced ``encoding`` is one track, checked as an
    unmarked file is (after a UTF-8 BOM when it is "utf-8"), with no detection.
    """

    def __init__(
        self,
        source: str,
        size: int,
        *,
        sample_bytes: int,
        keep_text: bool,
        locate: bool,
        encoding: str | None = None,
    ) -> None:
        self.source = source
        self.forced = encoding  # the encoding the caller chose, if any
        self.size = size
        self.keep_text = keep_text
        self.locate = locate  # say where bad bytes are (streamed messages)
        self.pos = 0  # bytes taken so far (not counting a head still held back)
        self.head = b""  # the first bytes, held until the byte-order mark can be told
        self.main: Track | None = None  # the BOM's codec, or UTF-8 for an unmarked file
        self.legacy: Track | None = None  # the GB18030 or Big5 reading the sample chose
        self.legacy_error: InputError | None = None  # why the sample chose none
        self.found_legacy = False  # the sample decodes as GB18030 or Big5 at all
        self.rivals: list[str] = []  # legacy readings that make UTF-8 without CJK ambiguous
        self.controls = 0
        self.marked_error: InputError | None = None  # a bad byte after a UTF-8 BOM, told at the end
        self.sample_end = min(sample_bytes, size)
        self.sample: list[bytes] = []
        self.prefix = bytearray()  # the first bytes checked, which tell UTF-16 without a mark
        self.prefix_at: int | None = None  # where they start (after a byte-order mark)
        self.nul_at: int | None = None  # the first NUL byte, refused once the prefix is read

    def feed(self, data: bytes) -> None:
        """Take the next bytes of the file; raise InputError at once for a refusal that cannot wait."""
        main = self.main
        if main is None:
            self.head += data
            if len(self.head) < 4 and len(self.head) < self.size:
                return
            data, self.head = self.head, b""
            main = self._start(data)
            data = data[main.start :]
        if self.forced is not None:
            self._check_bytes(data)
            self._take_unmarked(data)
            return
        if main.encoding != "utf-8":
            self._take_marked(main, data)
            return
        self._check_bytes(data)
        if self.pos < self.sample_end:
            part = data[: self.sample_end - self.pos]
            self.sample.append(part)
            self._take_unmarked(part)
            data = data[len(part) :]
            if self.pos == self.sample_end:
                self._judge_sample()
        if data:
            self._take_unmarked(data)

    def finish(self) -> Track:
        """The chosen reading once every byte was fed; raise InputError if the file is refused."""
        if self.main is None or self.pos != self.size:
            raise InputError(self.source, _CHANGED_WHILE_READING)
        if self.marked_error is not None:
            raise self.marked_error
        if self.forced is not None:
            _check_controls(self.source, self.controls, self.size)
            chosen = self._forced_reading(self.main)
        elif self.main.encoding == "utf-8-sig":
            _check_controls(self.source, self.controls, self.size)
            chosen = self.main
        elif self.main.encoding == "utf-16":
            _check_controls(self.source, self.controls, self.main.raw_chars)
            chosen = self.main
        else:
            _check_controls(self.source, self.controls, self.size)
            chosen = self._choose_unmarked(self.main)
        if not chosen.chars:
            raise InputError(self.source, "the file is empty apart from its byte-order mark")
        if not chosen.has_text:
            raise InputError(self.source, "the file contains only whitespace (and invisible characters)")
        return chosen

    def _start(self, head: bytes) -> Track:
        """Tell the byte-order mark and set up the main track, which starts after it."""
        if head.startswith(_UTF32_BOMS):
            raise InputError(
                self.source, "the file is UTF-32, which is not supported; convert it to UTF-8 first"
            )
        if head.startswith(_UTF8_BOM):
            encoding, codec, bom = "utf-8-sig", "utf-8", len(_UTF8_BOM)
        elif head[:2] in _UTF16_BOMS:
            encoding, codec, bom = "utf-16", _UTF16_BOMS[head[:2]], 2
        else:
            encoding, codec, bom = "utf-8", "utf-8", 0
        if self.forced is not None:
            if bom and codec != self.forced:
                label = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
                raise InputError(
                    self.source,
                    f"the file starts with a {label} byte-order mark; it cannot be read as {self.forced}",
                )
            if not bom:
                encoding = codec = self.forced
        self.main = Track(encoding, codec, start=bom, keep_text=self.keep_text)
        self.pos = bom
        return self.main

    def _take_marked(self, track: Track, data: bytes) -> None:
        if track.encoding == "utf-8-sig":
            self._check_bytes(data)  # in UTF-8 a NUL or control byte is that character
        self.pos += len(data)
        if self.marked_error is not None:
            return  # only a NUL further on is told first, as the whole file tells it
        text = track.feed(data, final=self.pos == self.size)
        if not track.ok:
            label = "UTF-8" if track.encoding == "utf-8-sig" else "UTF-16"
            where = f" at byte {track.failed_at:,}" if self.locate else ""
            error = InputError(
                self.source,
                f"the file starts with a {label} byte-order mark but is not valid {label}{where}: "
                f"{track.error}",
            )
            if track.encoding != "utf-8-sig" or self.pos == self.size:
                raise error
            # the whole-file path sees a NUL anywhere in the file before a bad byte:
            # read on for one before refusing (finish raises the error)
            self.marked_error = error
            return
        if track.encoding == "utf-16":
            _check_no_nul(self.source, text.count("\0"))
            self.controls += sum(text.count(c) for c in _CONTROLS)

    def _check_bytes(self, data: bytes) -> None:
        """Refuse a file with a NUL byte, as UTF-16 without a mark or as binary: told on the file's
        first ``UTF16_LOOK`` bytes, so a streamed file waits for them (or its end) after a NUL."""
        if self.prefix_at is None:
            self.prefix_at = self.pos
        if len(self.prefix) < UTF16_LOOK:
            self.prefix += data[: UTF16_LOOK - len(self.prefix)]
        if self.nul_at is None and (nul := data.find(0)) >= 0:
            self.nul_at = self.pos + nul
        if self.nul_at is not None and (len(self.prefix) >= UTF16_LOOK or self.pos + len(data) >= self.size):
            order = utf16_order(bytes(self.prefix), self.prefix_at)
            if order is not None:
                raise InputError(
                    self.source,
                    f"the file looks like UTF-16 ({order}-endian) text without a byte-order mark: "
                    "save it as UTF-8, or as UTF-16 with a byte-order mark",
                )
            _check_no_nul(self.source, 1, self.nul_at if self.locate else None)
        self.controls += len(data.translate(None, _NOT_CONTROL_BYTES))

    def _take_unmarked(self, data: bytes) -> None:
        self.pos += len(data)
        final = self.pos == self.size
        for track in (self.main, self.legacy):
            if track is not None and track.ok:
                track.feed(data, final)

    def _judge_sample(self) -> None:
        """Score the sample as GB18030 and Big5 and start decoding the winner, if any, alongside UTF-8."""
        assert self.main is not None
        sample, self.sample = b"".join(self.sample), []
        whole = self.sample_end == self.size
        if whole and self.main.ok and (self.main.ascii or self.main.cjk):
            return  # the rules need no legacy reading
        readings = legacy_readings(sample, final=whole)
        self.found_legacy = bool(readings)
        self.rivals = utf8_rivals(readings)
        if not readings:
            return
        try:
            best = choose_legacy(readings, self.source)
        except InputError as exc:
            self.legacy_error = exc.with_traceback(None)  # its frames would keep the sample alive
            return
        self.legacy = Track(
            best.encoding, best.encoding, start=0, keep_text=self.keep_text, decoder=best.decoder
        )
        self.legacy.resume(best.text, self.sample_end, final=whole)

    def _forced_reading(self, track: Track) -> Track:
        """The forced encoding's reading; InputError if the bytes do not decode in it."""
        if track.ok:
            return track
        where = f" at byte {track.failed_at:,}" if self.locate else ""
        raise InputError(
            self.source,
            f"the file is not valid {_FORCED_LABELS[track.encoding]}{where} (the encoding chosen for it): "
            f"{track.error}",
        )

    def _choose_unmarked(self, utf8: Track) -> Track:
        if utf8.ok:
            if utf8.ascii or utf8.cjk:
                return utf8
            # Valid UTF-8 without a single CJK character: short GBK or Big5 text can
            # happen to be valid UTF-8 (通知 in GBK is), so check the legacy readings.
            if self.rivals:
                raise AmbiguousEncodingError(self.source, ["utf-8", *self.rivals])
            return utf8
        where = f" at byte {utf8.failed_at:,}" if self.locate else ""
        if self.legacy is not None:
            if self.legacy.ok:
                return self.legacy
            label = _LABELS[self.legacy.encoding]
            raise InputError(
                self.source,
                f"the file is not valid {label} at byte {self.legacy.failed_at:,}, though its first "
                f"{self.sample_end:,} bytes read as {label}; it is not valid UTF-8{where} either",
            )
        if self.found_legacy:
            assert self.legacy_error is not None
            raise self.legacy_error
        detail = ""
        if self.locate:
            legacy = "not GB18030 or Big5 either"
            if self.sample_end < self.size:
                legacy = f"its first {self.sample_end:,} bytes are {legacy}"
            detail = f": it is not valid UTF-8{where} and {legacy}"
        raise InputError(
            self.source, f"the file decodes in none of the supported encodings (tried {TRIED}){detail}"
        )


def _check_no_nul(source: str, nuls: int, at: int | None = None) -> None:
    if nuls:
        where = f" (the first at byte {at:,})" if at is not None else ""
        raise InputError(source, f"the file looks binary, not text: it contains NUL bytes{where}")


def _check_controls(source: str, controls: int, length: int) -> None:
    if controls > _MAX_CONTROL_SHARE * length:
        raise InputError(
            source,
            f"the file looks binary, not text: {controls / length:.0%} of it is control characters",
        )


__all__ = [
    "MAX_ISSUE_BYTES",
    "MAX_STREAMED_BYTES",
    "STREAM_THRESHOLD",
    "SUPPORTED_ENCODINGS",
    "Decoded",
    "ScannedFile",
    "decode_bytes",
    "iter_issue_text",
    "preview_readings",
    "read_issue_file",
    "scan_issue_file",
]
