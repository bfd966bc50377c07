"""Forcing the encoding of a file: no detection, strict decoding, every other check kept.

Every test works on real files in a temporary folder (or real bytes); the
command line is run as users run it.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.engine import Library
from db.models import Issue
from db.original_text import read_text
from reader.core import preparing
from reader.core.decoding import (
    SUPPORTED_ENCODINGS,
    Decoded,
    decode_bytes,
    iter_issue_text,
    preview_readings,
    read_issue_file,
    scan_issue_file,
)
from reader.core.errors import AmbiguousEncodingError, InputError
from reader.services import importing
from reader.services.importing import FileResult, ImportReport, Outcome, import_files
from tests.conftest import SAMPLE_ISSUE
from tests.test_cli import run
from tests.test_decoding import _CHUNKS, SIMPLIFIED, TRADITIONAL, sha, write

BEIJING_GBK = "北京".encode("gbk")  # reads as 控儔 in Big5: ambiguous
TONGZHI_GBK = "通知".encode("gbk")  # valid UTF-8 as well: ambiguous
TONGZHI_UTF8 = TONGZHI_GBK.decode("utf-8")  # U+0368 U+05AA: no CJK


def _import(library: Library, *paths: Path, **options: Any) -> ImportReport:
    with library.write_session() as session:
        return import_files(session, list(paths), **options)


def _stored(library: Library, result: FileResult) -> tuple[str, str]:
    """(encoding, text) of the issue a result names."""
    with library.session() as session:
        issue = session.get(Issue, result.issue_id)
        assert issue is not None
        return issue.encoding, read_text(session, issue.id)


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (BEIJING_GBK, "gb18030", "北京"),
        (BEIJING_GBK, "big5", "控儔"),
        (BEIJING_GBK + b"\r\n", "big5hkscs", "控儔\n"),
        (TONGZHI_GBK, "utf-8", TONGZHI_UTF8),
        (TONGZHI_GBK + b"\r", "gb18030", "通知\n"),
    ],
    ids=["gb18030", "big5", "big5hkscs-crlf", "utf-8", "gb18030-cr"],
)
def test_a_forced_encoding_reads_an_ambiguous_file(
    tmp_path: Path, data: bytes, encoding: str, text: str
) -> None:
    with pytest.raises(AmbiguousEncodingError):
        decode_bytes(data, "x")
    expected = Decoded(text=text, encoding=encoding, sha256=sha(text))
    assert decode_bytes(data, "x", encoding=encoding) == expected
    path = write(tmp_path, data)
    assert read_issue_file(path, encoding=encoding) == expected
    scanned = scan_issue_file(path, encoding=encoding, block_bytes=1, sample_bytes=1)
    assert (scanned.encoding, scanned.sha256, scanned.char_count) == (encoding, expected.sha256, len(text))
    assert "".join(iter_issue_text(scanned, block_bytes=1)) == text


def test_forcing_overrides_what_detection_would_choose() -> None:
    data = TRADITIONAL.encode("big5")
    assert decode_bytes(data, "x").encoding == "big5"
    assert decode_bytes(data, "x", encoding="cp950") == Decoded(TRADITIONAL, "cp950", sha(TRADITIONAL))


@pytest.mark.parametrize(
    ("data", "encoding", "label", "bad_at"),
    [
        (SIMPLIFIED.encode("gbk"), "utf-8", "UTF-8", 0),
        (b"abc\r\n" + TRADITIONAL.encode("big5") + b"\xff", "gb18030", "GB18030", None),
        (SIMPLIFIED.encode("utf-8"), "big5", "Big5", None),
        (b"line\n\x80", "big5hkscs", "Big5-HKSCS", 5),
        (b"ok" + "社区".encode("gbk")[:-1], "gb18030", "GB18030", 4),  # cut inside the last character
    ],
    ids=["gbk-as-utf8", "big5-as-gb18030", "utf8-as-big5", "bad-byte-big5hkscs", "truncated-gb18030"],
)
def test_bytes_that_do_not_decode_in_the_forced_encoding_are_refused(
    tmp_path: Path, data: bytes, encoding: str, label: str, bad_at: int | None
) -> None:
    path = write(tmp_path, data, "某期 报纸.txt")
    with pytest.raises(InputError) as whole:
        read_issue_file(path, encoding=encoding)
    assert whole.value.source == str(path) and str(path) in str(whole.value)
    assert f"not valid {label}" in whole.value.reason
    assert not isinstance(whole.value, AmbiguousEncodingError)
    with pytest.raises(InputError) as streamed:
        scan_issue_file(path, encoding=encoding, block_bytes=3)
    assert streamed.value.source == str(path)
    offset = re.search(r"at byte ([\d,]+)", streamed.value.reason)
    assert offset is not None and f"not valid {label} at byte" in streamed.value.reason
    first_bad = int(offset.group(1).replace(",", ""))
    assert bad_at is None or first_bad == bad_at
    data[:first_bad].decode(encoding, errors="strict")  # every byte before the offset decodes
    assert streamed.value.reason.replace(f" at byte {offset.group(1)}", "") == whole.value.reason


@pytest.mark.parametrize(
    ("data", "encoding", "mark"),
    [
        (SIMPLIFIED.encode("utf-8-sig"), "gb18030", "UTF-8"),
        (TRADITIONAL.encode("utf-8-sig"), "big5", "UTF-8"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-8", "UTF-16"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "cp950", "UTF-16"),
    ],
    ids=["utf8-bom-gb18030", "utf8-bom-big5", "utf16le-utf8", "utf16be-cp950"],
)
def test_a_byte_order_mark_that_disagrees_is_refused(
    tmp_path: Path, data: bytes, encoding: str, mark: str
) -> None:
    path = write(tmp_path, data)
    reason = f"the file starts with a {mark} byte-order mark; it cannot be read as {encoding}"
    for read in (
        lambda: read_issue_file(path, encoding=encoding),
        lambda: scan_issue_file(path, encoding=encoding, block_bytes=2),
    ):
        with pytest.raises(InputError) as refused:
            read()
        assert (refused.value.source, refused.value.reason) == (str(path), reason)


def test_forcing_utf8_on_a_utf8_bom_file_reads_it(tmp_path: Path) -> None:
    path = write(tmp_path, ("\r\n" + SIMPLIFIED).encode("utf-8-sig"))
    text = "\n" + SIMPLIFIED
    assert read_issue_file(path, encoding="utf-8") == Decoded(text, "utf-8-sig", sha(text))
    scanned = scan_issue_file(path, encoding="utf-8", block_bytes=2)
    assert (scanned.encoding, scanned.sha256) == ("utf-8-sig", sha(text))
    assert "".join(iter_issue_text(scanned, block_bytes=5)) == text


@pytest.mark.parametrize(
    ("data", "encoding", "words"),
    [
        (b"", "big5", "the file is empty"),
        (b" \n\t\r\n  ", "gb18030", "only whitespace"),
        ("\u3000\n".encode("gb18030"), "gb18030", "only whitespace"),
        (b"\xef\xbb\xbf", "utf-8", "empty apart from its byte-order mark"),
        (b"text\x00" + BEIJING_GBK, "big5", "NUL"),
        (b"text\x00", "utf-8", "NUL"),
        (b"\xef\xbb\xbftext\x00", "utf-8", "NUL"),  # stricter than detection, which lets it through
        (b"\x01\x02\x03\x04 some text \x05\x06\x07\x08", "cp950", "control characters"),
        (b"\xff\xfe\x00\x00" + "text".encode("utf-32-le"), "gb18030", "UTF-32"),
    ],
    ids=[
        "empty",
        "whitespace",
        "ideographic-space",
        "bom-only",
        "nul-big5",
        "nul-utf8",
        "nul-after-bom",
        "controls",
        "utf32",
    ],
)
def test_the_other_checks_still_apply(tmp_path: Path, data: bytes, encoding: str, words: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(InputError) as whole:
        read_issue_file(path, encoding=encoding)
    with pytest.raises(InputError) as streamed:
        scan_issue_file(path, encoding=encoding, block_bytes=3)
    for refused in (whole.value, streamed.value):
        assert refused.source == str(path)
        assert words in refused.reason


def test_an_unknown_encoding_is_a_programming_error(tmp_path: Path, library: Library) -> None:
    path = write(tmp_path, b"text")
    with pytest.raises(ValueError, match="gbk"):
        decode_bytes(b"text", "x", encoding="gbk")
    with pytest.raises(ValueError, match="gbk"):
        read_issue_file(path, encoding="gbk")
    with pytest.raises(ValueError, match="latin-1"):
        scan_issue_file(path, encoding="latin-1")
    with pytest.raises(ValueError, match="utf-16"):
        preview_readings(path, ["gb18030", "utf-16"])
    with pytest.raises(ValueError, match="gbk"):
        _import(library, path, encodings={path: "gbk"})
    assert SUPPORTED_ENCODINGS == ("utf-8", "gb18030", "big5", "cp950", "big5hkscs")


_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(st.sampled_from(_CHUNKS), st.binary(max_size=6)), max_size=12).map(b"".join),
)
_ENCODINGS = st.sampled_from(SUPPORTED_ENCODINGS)


def _folded(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@_SETTINGS
@given(data=_BYTES, encoding=_ENCODINGS)
def test_arbitrary_bytes_decode_as_the_codec_does_or_are_refused(data: bytes, encoding: str) -> None:
    try:
        decoded = decode_bytes(data, "fuzz.txt", encoding=encoding)
    except InputError as exc:
        assert exc.source == "fuzz.txt" and exc.reason
        assert not isinstance(exc, AmbiguousEncodingError)
        return
    if encoding == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        expected, reported = data[3:].decode("utf-8", "strict"), "utf-8-sig"
    else:
        expected, reported = data.decode(encoding, "strict"), encoding
    assert decoded == Decoded(_folded(expected), reported, sha(_folded(expected)))


@_SETTINGS
@given(data=_BYTES, encoding=_ENCODINGS, block=st.integers(min_value=1, max_value=17))
def test_arbitrary_bytes_stream_as_they_decode_whole_when_forced(
    data: bytes, encoding: str, block: int
) -> None:
    try:
        expected: Decoded | InputError = decode_bytes(data, "x", encoding=encoding)
    except InputError as exc:
        expected = exc
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), data)
        try:
            scanned = scan_issue_file(path, encoding=encoding, block_bytes=block, sample_bytes=1)
        except InputError as exc:
            assert isinstance(expected, InputError), exc
            assert re.sub(r" at byte [\d,]+| \(the first at byte [\d,]+\)", "", exc.reason) == expected.reason
            return
        assert isinstance(expected, Decoded), expected
        assert (scanned.encoding, scanned.sha256, scanned.char_count) == (
            expected.encoding,
            expected.sha256,
            len(expected.text),
        )
        assert "".join(iter_issue_text(scanned, block_bytes=block)) == expected.text


# ---------------------------------------------------------------- previews


def test_preview_shows_every_reading_of_an_ambiguous_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"Issue 1\r\n" + BEIJING_GBK + b"\r\n")
    with pytest.raises(AmbiguousEncodingError) as refused:
        read_issue_file(path)
    previews = preview_readings(path, refused.value.candidates)
    assert previews == {"gb18030": "Issue 1\n北京\n", "big5": "Issue 1\n控儔\n"}
    assert preview_readings(path, ["utf-8"]) == {"utf-8": "Issue 1\n\ufffd\ufffd\ufffd\ufffd\n"}


def test_preview_reads_only_the_start(tmp_path: Path) -> None:
    text = SIMPLIFIED * 400
    path = write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    previews = preview_readings(path, ["utf-8", "gb18030"], chars=100)
    assert previews["utf-8"] == text[:100]  # BOM dropped, no character cut in half
    assert len(previews["gb18030"]) == 100
    assert preview_readings(path, ["big5"], chars=0) == {"big5": ""}
    assert preview_readings(path, []) == {}


def test_preview_of_an_unreadable_file_names_it(tmp_path: Path) -> None:
    for path, words in ((tmp_path / "gone.txt", "No such file"), (tmp_path, "folder")):
        with pytest.raises(InputError, match=words) as refused:
            preview_readings(path, ["gb18030"])
        assert refused.value.source == str(path)


# ---------------------------------------------------------------- importing


def test_import_reads_given_files_in_their_encoding_and_detects_the_rest(
    library: Library, tmp_path: Path
) -> None:
    gb = write(tmp_path, BEIJING_GBK, "gb.txt")
    big5 = write(tmp_path, TONGZHI_GBK + b"\n" + BEIJING_GBK, "big5.txt")
    utf8 = write(tmp_path, TONGZHI_GBK, "utf8.txt")
    detected = write(tmp_path, SIMPLIFIED.encode("gbk"), "detected.txt")
    ambiguous = write(tmp_path, "大家好".encode("gbk"), "ambiguous.txt")
    # keys as the caller has them: a string, a path with a detour, a relative path
    encodings = {str(gb): "gb18030", tmp_path / "." / "big5.txt": "big5", os.path.relpath(utf8): "utf-8"}
    report = _import(library, gb, big5, utf8, detected, ambiguous, encodings=encodings)
    by_name = {Path(r.path).name: r for r in report.results}
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED] * 4 + [Outcome.FAILED]
    assert _stored(library, by_name["gb.txt"]) == ("gb18030", "北京")
    assert _stored(library, by_name["big5.txt"]) == ("big5", TONGZHI_GBK.decode("big5") + "\n控儔")
    assert _stored(library, by_name["utf8.txt"]) == ("utf-8", TONGZHI_UTF8)
    assert _stored(library, by_name["detected.txt"]) == ("gb18030", SIMPLIFIED)
    assert by_name["ambiguous.txt"].candidates == ("gb18030", "big5")
    assert all(not r.candidates for r in report.imported)


def test_a_wrong_forced_encoding_fails_that_file_only(library: Library, tmp_path: Path) -> None:
    bad = write(tmp_path, SIMPLIFIED.encode("gbk"), "简体.txt")
    [failed, imported] = _import(library, bad, SAMPLE_ISSUE, encodings={bad: "utf-8"}).results
    assert failed.outcome is Outcome.FAILED and failed.path == str(bad)
    assert "not valid UTF-8" in failed.message and not failed.candidates
    assert imported.outcome is Outcome.IMPORTED


def test_candidates_and_encodings_cross_the_worker_processes(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PARALLEL_THRESHOLD", 1)  # two files are enough for a worker
    ambiguous = write(tmp_path, BEIJING_GBK, "a.txt")
    forced = write(tmp_path, "大家好".encode("gbk"), "b.txt")
    report = _import(library, ambiguous, forced, workers=1, encodings={forced: "big5"})
    [failed, imported] = report.results
    assert failed.outcome is Outcome.FAILED and failed.candidates == ("gb18030", "big5")
    assert imported.outcome is Outcome.IMPORTED
    assert _stored(library, imported) == ("big5", "大家好".encode("gbk").decode("big5"))
    error = pickle.loads(pickle.dumps(AmbiguousEncodingError(str(ambiguous), ["gb18030", "big5"])))
    assert (error.source, error.candidates) == (str(ambiguous), ["gb18030", "big5"])


THRESHOLD = 64 * 1024


def _large(tmp_path: Path, tail: bytes, name: str) -> Path:
    """Some 80 KB of plain ASCII lines, then ``tail``: too few Chinese characters to tell the encoding."""
    lines = b"".join(b"Line %d of the notice board, nothing but ASCII here.\r\n" % n for n in range(1500))
    path = write(tmp_path, lines + tail, name)
    assert path.stat().st_size > THRESHOLD
    return path


def test_a_large_file_is_streamed_in_its_forced_encoding(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", THRESHOLD)
    big = _large(tmp_path, BEIJING_GBK + b"\r\n", "large.txt")
    [refused] = _import(library, big).results
    assert refused.outcome is Outcome.FAILED and refused.candidates == ("gb18030", "big5")

    whole = read_issue_file(big, encoding="big5")
    progress: list[int] = []
    [result] = _import(
        library, big, encodings={big: "big5"}, file_progress=lambda done, total: progress.append(done)
    ).results
    assert result.outcome is Outcome.IMPORTED
    assert len(progress) >= 3, "the file was streamed (three passes)"
    with library.session() as session:
        issue = session.scalars(select(Issue)).one()
        assert (issue.encoding, issue.sha256, issue.char_count) == ("big5", whole.sha256, len(whole.text))
        assert read_text(session, issue.id) == whole.text
    assert whole.text.endswith("控儔\n") and "\r" not in whole.text

    bad = _large(tmp_path, SIMPLIFIED.encode("gbk"), "bad.txt")
    [failed] = _import(library, bad, encodings={bad: "utf-8"}).results
    assert failed.outcome is Outcome.FAILED and not failed.candidates
    assert f"not valid UTF-8 at byte {bad.stat().st_size - len(SIMPLIFIED.encode('gbk')):,}" in failed.message


# ---------------------------------------------------------------- command line


def test_cli_hints_at_the_candidates_and_encoding_imports(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    folder = tmp_path / "issues"
    folder.mkdir()
    gb = write(folder, BEIJING_GBK, "北京.txt")
    utf8 = write(folder, TONGZHI_GBK, "通知.txt")

    refused = run("import", "--db", db, str(gb), str(utf8))
    assert refused.returncode == 1
    ambiguous = "the encoding is ambiguous: it decodes as {} and as {}; convert it to UTF-8 first"
    assert refused.stderr.splitlines() == [
        f"error: {gb}: {ambiguous.format('gb18030', 'big5')}",
        f"hint: {gb}: choose one with --encoding gb18030 (or big5)",
        f"error: {utf8}: {ambiguous.format('utf-8', 'gb18030')}",
        f"hint: {utf8}: choose one with --encoding utf-8 (or gb18030)",
    ]

    imported = run("import", "--db", db, "--encoding", "big5", str(folder))
    assert imported.returncode == 0, imported.stderr
    assert "2 imported" in imported.stdout
    rows = [json.loads(line) for line in run("list", "--db", db, "--json").stdout.splitlines()]
    assert sorted((r["source_name"], r["encoding"]) for r in rows) == [
        ("北京.txt", "big5"),
        ("通知.txt", "big5"),
    ]

    wrong = run("import", "--db", db, "--encoding", "utf-8", str(gb))
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines() == [
        f"error: {gb}: the file is not valid UTF-8 (the encoding chosen for it): invalid start byte"
    ]
    usage = run("import", "--db", db, "--encoding", "gbk", str(gb))
    assert usage.returncode == 2 and "invalid choice: 'gbk'" in usage.stderr


def test_cli_encoding_leaves_json_exports_alone(tmp_path: Path) -> None:
    db, other, out = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3"), tmp_path / "out"
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0
    assert run("export", "--db", db, "--format", "json", "--out", str(out)).returncode == 0
    gb = write(tmp_path, "社区新闻\n\n居民参加健康讲座。\n".encode("gb18030"), "gb.txt")
    result = run("import", "--db", other, "--encoding", "gb18030", str(out / "sample_issue.json"), str(gb))
    assert result.returncode == 0, result.stderr
    assert "2 imported" in result.stdout
    rows = [json.loads(line) for line in run("list", "--db", other, "--json").stdout.splitlines()]
    assert sorted((r["source_name"], r["encoding"]) for r in rows) == [
        ("gb.txt", "gb18030"),
        ("sample_issue.txt", "utf-8"),
    ]
