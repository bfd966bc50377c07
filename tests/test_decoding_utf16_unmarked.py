"""UTF-16 without a byte-order mark is refused with its own message, also when its Chinese text is dense.

Characters such as 一 (4E00) and 开 (5F00) put a NUL byte on the other parity than the line breaks
do; in text with long lines they are about as many as the line breaks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.decoding import InputError, decode_bytes, scan_issue_file

PARAGRAPH = (
    "一九四九年十月一日，中华人民共和国中央人民政府成立。上海市各界人民举行盛大集会，"
    "一致拥护新政府，会场内外一片欢腾，工厂开工，商店开门，市面一派繁荣景象。\n"
)


@pytest.mark.parametrize(("codec", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_dense_chinese_utf16_without_a_mark_is_named(codec: str, order: str) -> None:
    data = (PARAGRAPH * 40).encode(codec)
    with pytest.raises(InputError, match=f"UTF-16 \\({order}-endian\\) text without a byte-order mark"):
        decode_bytes(data, "dense.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_short_lines_of_mixed_text_are_named(codec: str) -> None:
    with pytest.raises(InputError, match="text without a byte-order mark"):
        decode_bytes(("第1版 Page 1 上海\n" * 50).encode(codec), "mixed.txt")


def test_chinese_utf16_without_any_line_break_is_named() -> None:
    data = (PARAGRAPH.strip() * 40).encode("utf-16-le")
    with pytest.raises(InputError, match="UTF-16 \\(little-endian\\) text without a byte-order mark"):
        decode_bytes(data, "one line.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 64,
        bytes(4096) + b"abc" * 100,
        ("第一段正文\x00第二段" * 20).encode(),
        b"\x00".join(b"issue-%d.txt" % n for n in range(200)),  # ASCII names, NUL after each
        b"\x00".join(b"page %d of the paper" % n for n in range(201)),
    ],
)
def test_binary_and_nul_padded_files_are_still_called_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="NUL bytes"):
        decode_bytes(data, "binary.bin")


SHORT = "上海市人民政府通知\n各区县：春节期间商店照常营业。\n"  # 2 NUL bytes in UTF-16 (the line breaks)


@pytest.mark.parametrize(("codec", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_a_short_chinese_text_with_few_nul_bytes_is_named_not_called_binary(
    codec: str, order: str, tmp_path: Path
) -> None:
    data = SHORT.encode(codec)
    assert data.count(0) < 8
    named = f"UTF-16 \\({order}-endian\\) text without a byte-order mark"
    with pytest.raises(InputError, match=named):
        decode_bytes(data, "short.txt")
    path = tmp_path / "short.txt"
    path.write_bytes(data)
    for block in (1, 2, 3, 5, 7, len(data)):  # streamed, the verdict is the whole file's
        with pytest.raises(InputError, match=named):
            scan_issue_file(path, block_bytes=block, sample_bytes=max(1, block))


@pytest.mark.parametrize("block", [1, 3, 4, 8, 17, 100])
def test_streamed_blocks_give_the_whole_files_verdict_on_utf16_without_a_mark(
    block: int, tmp_path: Path
) -> None:
    """The verdict is taken on the file's first bytes, not on the block where the first NUL shows."""
    data = (PARAGRAPH * 3).encode("utf-16-le")
    path = tmp_path / "paragraphs.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as whole:
        decode_bytes(data, str(path))
    with pytest.raises(InputError) as streamed:
        scan_issue_file(path, block_bytes=block, sample_bytes=block)
    assert "UTF-16 (little-endian) text without a byte-order mark" in whole.value.reason
    assert streamed.value.reason == whole.value.reason


@pytest.mark.parametrize(
    "data",
    [b"ab\x00", b"\x00\x4e\x00\x4e", b"hello world\x00 and more text", "通知\x00".encode("gbk") * 3],
)
def test_tiny_or_single_byte_files_with_a_nul_stay_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="NUL bytes"):
        decode_bytes(data, "binary.bin")
