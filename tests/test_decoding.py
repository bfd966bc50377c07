"""Decoding issue files: every supported encoding, newlines, and every refusal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import decoding
from reader.core.decoding import MAX_ISSUE_BYTES, Decoded, decode_bytes, read_issue_file
from reader.core.errors import AmbiguousEncodingError, InputError

SIMPLIFIED = (
    "今天上午,社区居民在活动中心参加了健康讲座。医生向大家介绍了预防感冒的方法,"
    "并耐心回答了老人们提出的问题。活动结束后,志愿者还为行动不便的居民送去了慰问品。\n"
)
TRADITIONAL = (
    "今天上午,社區居民在活動中心參加了健康講座。醫生向大家介紹了預防感冒的方法,"
    "並耐心回答了老人們提出的問題。活動結束後,志願者還為行動不便的居民送去了慰問品。\n"
)


def write(tmp_path: Path, data: bytes, name: str = "issue.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8-sig"), "utf-8-sig"),
        (SIMPLIFIED, b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (SIMPLIFIED, b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb2312"), "gb18030"),
        (SIMPLIFIED + "㐀𠀀€", (SIMPLIFIED + "㐀𠀀€").encode("gb18030"), "gb18030"),  # 4-byte sequences
        (TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
        ("ASCII only\n", b"ASCII only\n", "utf-8"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16le", "utf-16be", "gbk", "gb2312", "gb18030", "big5", "ascii"],
)
def test_round_trip(tmp_path: Path, text: str, data: bytes, encoding: str) -> None:
    decoded = read_issue_file(write(tmp_path, data))
    assert decoded == Decoded(text=text, encoding=encoding, sha256=sha(text))


def test_big5_extensions_need_the_fallback_codecs(tmp_path: Path) -> None:
    # 碁 and 銹 are ETEN extensions: not in plain big5, present in cp950.
    with pytest.raises(UnicodeEncodeError):
        "碁".encode("big5")
    text = TRADITIONAL + "碁銹\n"
    decoded = read_issue_file(write(tmp_path, text.encode("cp950")))
    assert (decoded.text, decoded.encoding) == (text, "cp950")
    # 峯 is in Big5-HKSCS only.
    with pytest.raises(UnicodeEncodeError):
        "峯".encode("cp950")
    text = TRADITIONAL + "峯\n"
    decoded = read_issue_file(write(tmp_path, text.encode("big5hkscs")))
    assert (decoded.text, decoded.encoding) == (text, "big5hkscs")


def test_same_text_same_hash_whatever_the_encoding() -> None:
    hashes = {
        decode_bytes(SIMPLIFIED.replace("\n", newline).encode(codec), "x").sha256
        for codec in ("utf-8", "utf-8-sig", "utf-16", "gbk")
        for newline in ("\n", "\r\n", "\r")
    }
    assert hashes == {sha(SIMPLIFIED)}


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "gbk", "big5"])
def test_crlf_and_lone_cr_become_lf(codec: str) -> None:
    body = "街道组织志愿者开展垃圾分类宣传活动" if codec == "gbk" else "街道組織志願者開展垃圾分類宣傳活動"
    text = f"第一行\r\n第二行\r{body}\n\r\n末行\r"
    decoded = decode_bytes(text.encode(codec), "x")
    assert decoded.text == f"第一行\n第二行\n{body}\n\n末行\n"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "only whitespace"),
        ("\u3000\n".encode(), "only whitespace"),
        (b"\xef\xbb\xbf", "byte-order mark"),
        (b"\xff\xfe", "byte-order mark"),
        (b"PK\x03\x04\x00\x00binary", "NUL"),
        (b"\x01\x02\x03\x04 some text \x05\x06\x07\x08", "control characters"),
        (b"\xff\xfe" + "\x01\x02\x03 abc".encode("utf-16-le"), "control characters"),
        (b"\xff\xfe" + "text".encode("utf-16-le") + b"\x00", "not valid UTF-16"),
        (b"\xef\xbb\xbftext\xff", "not valid UTF-8"),
        (b"\xff\xfe\x00\x00" + "text".encode("utf-32-le"), "UTF-32"),
        (b"abc\xff\xff", "tried utf-8, gb18030, big5, cp950, big5hkscs"),
        (b"\xa1\x80" * 10, "private-use"),
    ],
    ids=[
        "empty",
        "whitespace",
        "ideographic-space",
        "utf8-bom-only",
        "utf16-bom-only",
        "nul",
        "controls",
        "utf16-controls",
        "bad-utf16",
        "bad-utf8-after-bom",
        "utf32",
        "undecodable",
        "junk",
    ],
)
def test_refusals_name_the_file(tmp_path: Path, data: bytes, words: str) -> None:
    path = write(tmp_path, data, "某期 报纸.txt")
    with pytest.raises(InputError) as caught:
        read_issue_file(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)
    assert words in caught.value.reason
    assert not isinstance(caught.value, AmbiguousEncodingError)


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ISSUE_BYTES + 1)  # sparse: costs no disk space
    monkeypatch.setattr(Path, "open", _fail_if_called)
    with pytest.raises(InputError) as caught:
        read_issue_file(path)
    assert str(path) in str(caught.value)
    assert f"{MAX_ISSUE_BYTES + 1:,}" in caught.value.reason
    assert f"{MAX_ISSUE_BYTES:,}" in caught.value.reason


def _fail_if_called(*args: object, **kwargs: object) -> None:
    raise AssertionError("the file was opened")


def test_decode_bytes_checks_the_size_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_ISSUE_BYTES", 10)
    with pytest.raises(InputError, match="too large"):
        decode_bytes(b"x" * 11, "big.txt")
    assert decode_bytes(b"x" * 10, "ok.txt").text == "x" * 10


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError, match="No such file") as caught:
        read_issue_file(path)
    assert caught.value.source == str(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder") as caught:
        read_issue_file(tmp_path)
    assert caught.value.source == str(tmp_path)


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_issue_file(fifo)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"text")
    path.chmod(0)
    with pytest.raises(InputError, match="Permission denied") as caught:
        read_issue_file(path)
    assert caught.value.source == str(path)


def test_os_error_while_reading_becomes_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, b"text")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match="Permission denied") as caught:
        read_issue_file(path)
    assert caught.value.source == str(path)


@pytest.mark.parametrize(
    ("data", "candidates"),
    [
        ("北京".encode("gbk"), {"gb18030", "big5"}),  # reads as 控儔 in Big5: common characters too
        ("大家好".encode("gbk"), {"gb18030", "big5"}),
        ("中國".encode("big5"), {"gb18030", "big5"}),
        ("通知".encode("gbk"), {"utf-8", "gb18030"}),  # these GBK bytes are valid UTF-8 too
    ],
    ids=["gbk-beijing", "gbk-dajiahao", "big5-zhongguo", "gbk-valid-utf8"],
)
def test_short_text_readable_several_ways_is_ambiguous(data: bytes, candidates: set[str]) -> None:
    with pytest.raises(AmbiguousEncodingError) as caught:
        decode_bytes(data, "short.txt")
    assert set(caught.value.candidates) == candidates
    assert "short.txt" in str(caught.value)


def test_short_text_is_never_guessed_even_with_lopsided_odds() -> None:
    # 社会主义 in Big5 would be 扦頗翋砱 (rare characters), yet four characters decide nothing.
    with pytest.raises(AmbiguousEncodingError) as refused:
        decode_bytes("社会主义".encode("gbk"), "x")
    assert refused.value.candidates == ["gb18030", "big5"]
    # twenty characters and more of text that reads plausibly one way only are decoded
    assert decode_bytes("社会主义核心价值观宣传进社区活动圆满结束".encode("gbk"), "x").encoding == "gb18030"


def test_a_few_sentences_are_not_ambiguous() -> None:
    simplified = "街道组织志愿者开展垃圾分类宣传活动,受到居民好评。"
    traditional = "街道組織志願者開展垃圾分類宣傳活動,受到居民好評。"
    assert decode_bytes(simplified.encode("gbk"), "s").text == simplified
    assert decode_bytes(traditional.encode("big5"), "t").text == traditional


@pytest.mark.corpus
def test_corpus_decodes_as_utf8(corpus_files: list[Path]) -> None:
    for path in corpus_files:
        decoded = read_issue_file(path)
        assert decoded.encoding == "utf-8"
        assert decoded.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.corpus
def test_corpus_in_legacy_encodings(corpus_files: list[Path]) -> None:
    import opencc  # only this test needs it

    to_traditional = opencc.OpenCC("s2t")
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        assert decode_bytes(text.encode("gb18030"), "gb").text == text
        traditional = "".join(c for c in to_traditional.convert(text) if _in_big5(c))
        decoded = decode_bytes(traditional.encode("big5"), "big5")
        assert (decoded.text, decoded.encoding) == (traditional, "big5")
        # the first few sentences alone are enough as well
        head = text.strip().split("。")[0][:60]
        assert decode_bytes(head.encode("gb18030"), "head").text == head


def _in_big5(char: str) -> bool:
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


_CHUNKS = [
    SIMPLIFIED.encode("gbk"),
    TRADITIONAL.encode("big5"),
    SIMPLIFIED.encode("utf-8"),
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\r\n",
    b"\r",
    b"\x00",
    b"\x1b",
    b"\xa1\x80",
    b"\x81\x30\x81\x30",
    b"\xf9\xd6",
    b"\xfb\xdf",
    b" ",
]


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(st.one_of(st.sampled_from(_CHUNKS), st.binary(max_size=6)), max_size=12).map(b"".join),
    )
)
def test_arbitrary_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz.txt")
    except InputError as exc:
        assert exc.source == "fuzz.txt"
        assert exc.reason
        return
    assert "\r" not in decoded.text
    assert decoded.text.strip()
    assert decoded.sha256 == sha(decoded.text)
    assert decoded.encoding in {"utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "cp950", "big5hkscs"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xef\xbb\xbf" + "正文".encode() + b"\x00" + "续".encode(), "NUL bytes"),
        (b"\xef\xbb\xbf" + b"\x01\x02\x03" * 10 + "正文".encode(), "control characters"),
    ],
)
def test_a_utf8_byte_order_mark_does_not_let_binary_through(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path, data, "带标记.txt")
    with pytest.raises(InputError, match=reason) as whole:
        read_issue_file(path)
    assert whole.value.source == str(path)
    with pytest.raises(InputError, match=reason):
        decoding.scan_issue_file(path, block_bytes=4)
