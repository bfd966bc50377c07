from reader.core.decoding import decode_bytes


def test_x() -> None:
    assert decode_bytes(b"a", "x").encoding == "utf-8"
