"""One reading of an issue file's bytes in one encoding, fed block by block.

A strict incremental decoder with CRLF and lone CR folded to LF, the SHA-256
and length of the normalised text, and what the text holds (ASCII only, CJK,
anything visible); ``reader.core.decoding`` runs one per candidate encoding.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from reader.core.visible import has_visible

# Han ideographs (with extensions and compatibility forms), CJK punctuation, full-width forms.
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


class Track:
    """One reading of the bytes: an incremental strict decoder, newline folding, hash and counts."""

    def __init__(
        self,
        encoding: str,
        codec: str,
        *,
        start: int,
        keep_text: bool = False,
        decoder: codecs.IncrementalDecoder | None = None,
    ) -> None:
        self.encoding = encoding  # the name reported
        self.start = start  # offset of the first byte this track decodes (after any BOM)
        if decoder is None:
            decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        self._decoder = decoder
        self._fed = start  # offset of the next byte to feed
        self.error = ""  # why the bytes do not decode (the exception would keep a block alive)
        self.failed_at = -1  # offset of the first byte that does not decode
        self._cr = False  # a CR ended the last piece: it may be the first half of a CRLF
        self._hash = hashlib.sha256()
        self.chars = 0  # normalised characters
        self.raw_chars = 0  # characters before newline folding
        self.ascii = True
        self.cjk = False
        self.has_text = False  # anything visible (``reader.core.visible``)
        self._pieces: list[str] | None = [] if keep_text else None

    @property
    def ok(self) -> bool:
        return not self.error

    def feed(self, data: bytes, final: bool = False) -> str:
        """Decode the next bytes and return their normalised text ("" once they failed to decode)."""
        if self.error:
            return ""
        pending = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            self.error = exc.reason or "invalid data"
            self.failed_at = self._fed - pending + exc.start
            return ""
        self._fed += len(data)
        return self.take(text, final)

    def resume(self, text: str, end: int, *, final: bool) -> None:
        """Take ``text``, decoded elsewhere by this track's decoder from the bytes up to ``end``."""
        self._fed = end
        self.take(text, final)

    def take(self, text: str, final: bool) -> str:
        """Account for text decoded elsewhere; return it with CRLF and lone CR folded to LF."""
        self.raw_chars += len(text)
        if self._cr:
            text = "\r" + text
        self._cr = not final and text.endswith("\r")
        if self._cr:
            text = text[:-1]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text:
            return text
        self.chars += len(text)
        self._hash.update(text.encode("utf-8"))
        if not text.isascii():
            self.ascii = False
            self.cjk = self.cjk or _CJK.search(text) is not None
        self.has_text = self.has_text or has_visible(text)
        if self._pieces is not None:
            self._pieces.append(text)
        return text

    def text(self) -> str:
        return "".join(self._pieces or ())

    def sha256(self) -> str:
        return self._hash.hexdigest()


__all__ = ["Track"]
