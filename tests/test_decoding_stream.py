"""Streamed decoding: the two passes agree with the whole-file path, in bounded memory.

Every test works on real files in a temporary folder.  Tiny blocks split
CRLFs, surrogate pairs and multibyte sequences across reads; small samples
make files "large" so the GB18030-versus-Big5 decision is taken on a sample.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.decoding import (
    MAX_STREAMED_BYTES,
    Decoded,
    ScannedFile,
    iter_issue_text,
    read_issue_file,
    scan_issue_file,
)
from reader.core.errors import AmbiguousEncodingError, InputError, OperationCancelled
from tests.conftest import SAMPLE_ISSUE
from tests.test_decoding import _CHUNKS, SIMPLIFIED, TRADITIONAL, sha, write

SAMPLE = SAMPLE_ISSUE.read_text(encoding="utf-8")


def stream(path: Path, block: int = 4 << 20, sample: int = 4 << 20) -> tuple[ScannedFile, list[str]]:
    scanned = scan_issue_file(path, block_bytes=block, sample_bytes=sample)
    return scanned, list(iter_issue_text(scanned, block_bytes=block))


def whole(path: Path) -> Decoded | InputError:
    try:
        return read_issue_file(path)
    except InputError as exc:
        return exc


# Where a streamed refusal says more than the whole-file one.
_LOCATION = re.compile(r" at byte [\d,]+| \(the first at byte [\d,]+\)|: it is not valid UTF-8 at byte .*$")


def assert_agree(path: Path, block: int, sample: int) -> None:
    """The streamed passes decide as read_issue_file does, and give the same text."""
    expected = whole(path)
    try:
        scanned, pieces = stream(path, block, sample)
    except InputError as exc:
        assert isinstance(expected, InputError), f"streamed refused what the whole file accepts: {exc}"
        assert type(exc) is type(expected)
        assert exc.source == str(path)
        if isinstance(exc, AmbiguousEncodingError):
            assert isinstance(expected, AmbiguousEncodingError)
            assert exc.candidates == expected.candidates
        elif not ("NUL" in exc.reason and "not valid UTF-16" in expected.reason):
            # the one allowed difference: a UTF-16 file fails at its first NUL, before
            # a bad code unit further on that the whole file reports first
            assert _LOCATION.sub("", exc.reason) == expected.reason
        return
    assert isinstance(expected, Decoded), f"streamed accepted what the whole file refuses: {expected}"
    assert (scanned.encoding, scanned.sha256) == (expected.encoding, expected.sha256)
    assert scanned.char_count == len(expected.text)
    assert scanned.byte_count == path.stat().st_size
    assert "".join(pieces) == expected.text
    assert all(pieces) and max(map(len, pieces)) <= block + 1


_FUZZ_SETTINGS = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_BLOCKS = st.integers(min_value=1, max_value=17)
_EXTRA_SAMPLE = st.integers(min_value=0, max_value=64)
_BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(st.sampled_from(_CHUNKS), st.binary(max_size=6)), max_size=12).map(b"".join),
)


@_FUZZ_SETTINGS
@given(data=_BYTES, block=_BLOCKS, extra=_EXTRA_SAMPLE)
def test_arbitrary_bytes_stream_as_they_decode_whole(data: bytes, block: int, extra: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert_agree(write(Path(folder), data), block, max(1, len(data) + extra))


@pytest.mark.parametrize("block", [1, 2, 3, 4, 5])
def test_a_nul_after_a_bad_byte_behind_a_utf8_mark_is_told_as_the_whole_file_tells_it(block: int) -> None:
    # found by the fuzz test above: read in small blocks, the bad byte came first
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), b"\xef\xbb\xbf\x80\x00")
        assert_agree(path, block, 5)
        with pytest.raises(InputError, match="NUL bytes"):
            stream(path, block, 5)


_ALPHABET = SIMPLIFIED + TRADITIONAL + SAMPLE[:600] + "abc 123\t€𠀀㐀峯碁銹"
_LINES = st.lists(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40), min_size=1, max_size=12)
_NEWLINES = st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=12, max_size=12)
_CODECS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])


@_FUZZ_SETTINGS
@given(lines=_LINES, newlines=_NEWLINES, codec=_CODECS, block=_BLOCKS, extra=_EXTRA_SAMPLE)
def test_encoded_text_streams_as_it_decodes_whole(
    lines: list[str], newlines: list[str], codec: str, block: int, extra: int
) -> None:
    text = "".join(line + newline for line, newline in zip(lines, newlines, strict=False))
    data = text.encode(codec, errors="ignore")
    with tempfile.TemporaryDirectory() as folder:
        assert_agree(write(Path(folder), data), block, max(1, len(data) + extra))


@_FUZZ_SETTINGS
@given(
    lines=_LINES,
    newlines=_NEWLINES,
    codec=_CODECS,
    block=_BLOCKS,
    sample=st.integers(min_value=1, max_value=64),
    noise=st.tuples(st.binary(max_size=4), st.integers(min_value=0)),
)
def test_with_a_small_sample_the_text_is_the_file_in_the_chosen_codec(
    lines: list[str], newlines: list[str], codec: str, block: int, sample: int, noise: tuple[bytes, int]
) -> None:
    text = "".join(line + newline for line, newline in zip(lines, newlines, strict=False))
    data = text.encode(codec, errors="ignore")
    at = noise[1] % (len(data) + 1)
    data = data[:at] + noise[0] + data[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), data)
        try:
            scanned, pieces = stream(path, block, sample)
        except InputError as exc:
            assert exc.source == str(path) and exc.reason
            return
    expected = data.decode(scanned.encoding).replace("\r\n", "\n").replace("\r", "\n")
    assert "".join(pieces) == expected
    assert (scanned.sha256, scanned.char_count) == (sha(expected), len(expected))


# ---------------------------------------------------------------- splits across blocks


def test_crlf_split_across_blocks(tmp_path: Path) -> None:
    text = "第一行\r\n第二行\r第三行\r\n\r\n末行\r"
    data = text.encode("utf-8")
    path = write(tmp_path, data)
    for block in range(1, len(data) + 1):
        scanned, pieces = stream(path, block)
        assert "".join(pieces) == "第一行\n第二行\n第三行\n\n末行\n"
        assert scanned.char_count == len("第一行\n第二行\n第三行\n\n末行\n")
    # a CR ending exactly one block and an LF starting the next
    cr_at = data.index(b"\r")
    _scanned, pieces = stream(path, cr_at + 1)
    assert pieces[0].endswith("第一行") and pieces[1].startswith("\n第二行")


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"], ids=["le", "be"])
def test_utf16_surrogate_pair_split_across_blocks(tmp_path: Path, bom: bytes) -> None:
    text = "𠀀𠀁社区\r\n𪚥报道" * 3
    data = bom + text.encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
    path = write(tmp_path, data)
    for block in range(1, 9):  # 1 and 3 split code units, 2 splits the pairs
        scanned, pieces = stream(path, block)
        assert scanned.encoding == "utf-16"
        assert "".join(pieces) == text.replace("\r\n", "\n")
        assert scanned.sha256 == read_issue_file(path).sha256


def test_gb18030_four_byte_sequence_split_across_blocks(tmp_path: Path) -> None:
    text = SIMPLIFIED + "㐀𠀀€" + SIMPLIFIED
    data = text.encode("gb18030")
    assert "𠀀".encode("gb18030") == b"\x95\x32\x82\x36"
    path = write(tmp_path, data)
    for block in range(1, 6):
        scanned, pieces = stream(path, block)
        assert scanned.encoding == "gb18030"
        assert "".join(pieces) == text


# ---------------------------------------------------------------- files larger than the sample


def _news(base: str, codec: str, size: int) -> tuple[str, bytes]:
    """At least ``size`` bytes of varied news text in ``codec``."""
    chunks, total, n = [], 0, 0
    while total < size:
        chunk = f"第{n}段\r\n" + base[n % len(base) :] + base[: n % len(base)]
        chunks.append(chunk)
        total += len(chunk.encode(codec))
        n += 1
    text = "".join(chunks)
    return text, text.encode(codec)


@pytest.mark.parametrize(
    ("base", "codec"), [(SIMPLIFIED, "gb18030"), (TRADITIONAL, "big5")], ids=["gb", "big5"]
)
def test_large_legacy_file_is_decided_on_its_sample(tmp_path: Path, base: str, codec: str) -> None:
    text, data = _news(base, codec, 60_000)
    path = write(tmp_path, data)
    scanned, pieces = stream(path, block=1000, sample=4096)
    assert scanned.encoding == codec
    assert "".join(pieces) == text.replace("\r\n", "\n")
    assert scanned == ScannedFile(
        path, codec, sha(text.replace("\r\n", "\n")), len("".join(pieces)), len(data)
    )
    assert read_issue_file(path).sha256 == scanned.sha256


@pytest.mark.parametrize(
    ("base", "codec", "label", "bad"),
    [(SIMPLIFIED, "gb18030", "GB18030", b"\xff"), (TRADITIONAL, "big5", "Big5", b"\x80\x80")],
    ids=["gb", "big5"],
)
def test_invalid_byte_near_the_end_is_refused_with_its_offset(
    tmp_path: Path, base: str, codec: str, label: str, bad: bytes
) -> None:
    _text, data = _news(base, codec, 60_000)
    cut = len(data) - len(base.encode(codec))  # a character boundary near the end
    assert data[:cut].decode(codec) and cut > 50_000
    path = write(tmp_path, data[:cut] + bad + data[cut:])
    with pytest.raises(InputError) as refused:
        scan_issue_file(path, block_bytes=1000, sample_bytes=4096)
    assert refused.value.source == str(path) and str(path) in str(refused.value)
    assert f"not valid {label} at byte {cut:,}" in refused.value.reason
    assert not isinstance(refused.value, AmbiguousEncodingError)


def test_utf8_with_a_bad_byte_past_the_sample_says_where(tmp_path: Path) -> None:
    data = SAMPLE.encode("utf-8") * 8
    bad = len(data) - 100
    while data[bad] & 0xC0 == 0x80:  # a character boundary
        bad -= 1
    path = write(tmp_path, data[:bad] + b"\xff" + data[bad:])
    with pytest.raises(InputError) as refused:
        scan_issue_file(path, block_bytes=777, sample_bytes=4096)
    assert f"not valid UTF-8 at byte {bad:,}" in refused.value.reason
    assert "none of the supported encodings" in refused.value.reason


def test_ascii_sample_then_chinese_is_utf8(tmp_path: Path) -> None:
    text = "Issue 58, page 1\n" * 600 + SAMPLE
    path = write(tmp_path, text.encode("utf-8"))
    scanned, pieces = stream(path, block=500, sample=4096)
    assert (scanned.encoding, "".join(pieces)) == ("utf-8", text.replace("\r\n", "\n"))


# ---------------------------------------------------------------- refusals


def test_nul_at_the_end_of_a_big_file_is_refused(tmp_path: Path) -> None:
    data = SAMPLE.encode("utf-8") * 10
    path = write(tmp_path, data + b"\x00")
    with pytest.raises(InputError) as refused:
        scan_issue_file(path, block_bytes=4096, sample_bytes=4096)
    assert "NUL bytes" in refused.value.reason and f"{len(data):,}" in refused.value.reason
    assert refused.value.source == str(path)


def test_control_characters_are_judged_over_the_whole_file(tmp_path: Path) -> None:
    clean = ("社区新闻" * 100 + "\n").encode("utf-8") * 40
    path = write(tmp_path, clean + b"\x1b" * (len(clean) // 10))
    with pytest.raises(InputError, match="control characters"):
        scan_issue_file(path, block_bytes=4096, sample_bytes=4096)
    path = write(tmp_path, clean + b"\x1b" * (len(clean) // 100))
    assert scan_issue_file(path, block_bytes=4096, sample_bytes=4096).encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf", "byte-order mark"),
        (b"\xff\xfe", "byte-order mark"),
        (b" \r\n\t" * 3000, "only whitespace"),
        (b"\xff\xfe\x00\x00" + "text".encode("utf-32-le"), "UTF-32"),
        (b"\xef\xbb\xbf" + SAMPLE.encode() + b"\xff", "not valid UTF-8 at byte"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le") + b"\x00", "not valid UTF-16 at byte"),
        ("中文".encode("gbk"), "ambiguous"),
        (b"\xa1\x80" * 10, "private-use"),
    ],
    ids=["empty", "bom8", "bom16", "whitespace", "utf32", "bad-utf8-bom", "bad-utf16", "ambiguous", "junk"],
)
def test_refusals_name_the_file(tmp_path: Path, data: bytes, words: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(InputError) as refused:
        scan_issue_file(path, block_bytes=100)
    assert refused.value.source == str(path) and str(path) in str(refused.value)
    assert words in refused.value.reason


def test_folder_fifo_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        scan_issue_file(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        scan_issue_file(fifo)
    with pytest.raises(InputError, match="No such file") as refused:
        scan_issue_file(tmp_path / "gone.txt")
    assert refused.value.source == str(tmp_path / "gone.txt")


def test_over_the_streamed_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_STREAMED_BYTES + 1)  # sparse: costs no disk space
    opened = []
    with pytest.raises(InputError) as refused:
        scan_issue_file(path, progress=lambda done, total: opened.append(done))
    assert "too large" in refused.value.reason and "4 GiB" in refused.value.reason
    assert f"{MAX_STREAMED_BYTES:,}" in refused.value.reason and not opened


# ---------------------------------------------------------------- progress, cancel, changes


def test_progress_counts_up_to_the_size_in_both_passes(tmp_path: Path) -> None:
    path = write(tmp_path, SAMPLE.encode("gb18030") * 3)
    size = path.stat().st_size
    first: list[tuple[int, int]] = []
    second: list[tuple[int, int]] = []
    scanned = scan_issue_file(path, block_bytes=1000, sample_bytes=1000, progress=lambda *a: first.append(a))
    text = "".join(iter_issue_text(scanned, block_bytes=1000, progress=lambda *a: second.append(a)))
    assert text == read_issue_file(path).text
    for calls in (first, second):
        done = [d for d, _ in calls]
        assert done == sorted(set(done)) and done[-1] == size and len(done) >= size // 1000
        assert {total for _, total in calls} == {size}


def _cancel_after(calls: int) -> Callable[[], bool]:
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > calls

    return cancelled


def test_cancel_stops_both_passes(tmp_path: Path) -> None:
    path = write(tmp_path, SAMPLE.encode("utf-8") * 3)
    with pytest.raises(OperationCancelled):
        scan_issue_file(path, block_bytes=1000, cancelled=_cancel_after(2))
    with pytest.raises(OperationCancelled):
        scan_issue_file(path, cancelled=lambda: True)
    scanned = scan_issue_file(path, block_bytes=1000, cancelled=lambda: False)
    pieces = iter_issue_text(scanned, block_bytes=1000, cancelled=_cancel_after(3))
    assert len([next(pieces) for _ in range(3)]) == 3
    with pytest.raises(OperationCancelled):
        next(pieces)


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data.replace("社区".encode(), "街道".encode(), 1),  # same size, other text
        lambda data: data[:-10],
        lambda data: data + "又一段\n".encode(),
        lambda data: data[:5000] + b"\xff" + data[5001:],  # same size, no longer UTF-8
        lambda data: b"\xef\xbb\xbf" + data[3:],  # a BOM appears
    ],
    ids=["same-size", "shorter", "longer", "invalid", "bom"],
)
def test_file_changed_between_the_passes(tmp_path: Path, change: Callable[[bytes], bytes]) -> None:
    data = SAMPLE.encode("utf-8") * 2
    path = write(tmp_path, data)
    scanned = scan_issue_file(path, block_bytes=1000)
    path.write_bytes(change(data))
    with pytest.raises(InputError, match="changed while it was being imported") as refused:
        for _piece in iter_issue_text(scanned, block_bytes=1000):
            pass
    assert refused.value.source == str(path)


def test_file_growing_during_the_scan_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, SAMPLE.encode("utf-8"))

    def grow(done: int, total: int) -> None:
        if done == 1000:
            with path.open("ab") as handle:
                handle.write("追加\n".encode())

    with pytest.raises(InputError, match="changed while it was being read"):
        scan_issue_file(path, block_bytes=1000, progress=grow)


# ---------------------------------------------------------------- memory


def test_memory_stays_bounded_on_a_40_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    piece = (SAMPLE.replace("\n", "\r\n") * 20).encode("utf-8")
    with path.open("wb") as handle:
        while handle.tell() < 40_000_000:
            handle.write(piece)
    size = path.stat().st_size
    started = time.perf_counter()
    tracemalloc.start()
    try:
        scanned = scan_issue_file(path)
        chars = sum(len(text) for text in iter_issue_text(scanned))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (scanned.encoding, scanned.byte_count, scanned.char_count) == ("utf-8", size, chars)
    assert peak < 64 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB file"
    assert time.perf_counter() - started < 30
