"""Qt-free core: decoding, segmentation, conversion, export. Never imports Qt."""
