"""UTF-16 without a byte-order mark is refused with its own message, also when its Chinese text is dense.

Characters such as 一 (4E00) and 开 (5F00) put a NUL byte on the other parity than the line breaks
do; in text with long lines they are about as many as the line breaks.
"""

from __future__ import annotations

import pytest

from reader.core.decoding import InputError, decode_bytes

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
