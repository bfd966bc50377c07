"""Script conversion with the real OpenCC, and the length-preserving fold."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.script import Script, convert, fold, fold_table

SIMPLIFIED_TEXT = "简体中文：陆家嘴的里弄，后来看着台湾的这里"


def test_script_values_are_the_cli_interface() -> None:
    assert [s.value for s in Script] == ["original", "simplified", "traditional", "tw", "hk"]
    assert Script("tw") is Script.TAIWAN


def test_original_returns_the_text_unchanged() -> None:
    text = "繁體與简体混排 ＡＢＣ"
    assert convert(text, Script.ORIGINAL) is text


def test_traditional() -> None:
    assert convert(SIMPLIFIED_TEXT, Script.TRADITIONAL) == "簡體中文：陸家嘴的里弄，後來看着臺灣的這裏"


def test_taiwan_uses_its_own_variants() -> None:
    assert convert(SIMPLIFIED_TEXT, Script.TAIWAN) == "簡體中文：陸家嘴的里弄，後來看著臺灣的這裡"


def test_hong_kong_uses_its_own_variants() -> None:
    assert convert(SIMPLIFIED_TEXT, Script.HONGKONG) == "簡體中文：陸家嘴的里弄，後來看着台灣的這裏"


def test_tw_and_hk_differ_on_zhe() -> None:
    assert convert("看着", Script.TAIWAN) == "看著"
    assert convert("看着", Script.HONGKONG) == "看着"


def test_simplified() -> None:
    assert (
        convert("繁體中文：陸家嘴的裡弄，臺灣的著作", Script.SIMPLIFIED)
        == "繁体中文：陆家嘴的里弄，台湾的著作"
    )


def test_round_trip_of_plain_text() -> None:
    traditional = convert("上海市浦东新区社区报", Script.TRADITIONAL)
    assert traditional == "上海市浦東新區社區報"
    assert convert(traditional, Script.SIMPLIFIED) == "上海市浦东新区社区报"


def test_long_text_bypasses_the_cache_and_converts_the_same() -> None:
    long = "陆家嘴" * 400
    assert convert(long, Script.TRADITIONAL) == "陸家嘴" * 400


def test_concurrent_conversions_agree() -> None:
    texts = [f"第{i}条新闻：陆家嘴发展" for i in range(200)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda t: convert(t, Script.HONGKONG), texts))
    assert results == [f"第{i}條新聞：陸家嘴發展" for i in range(200)]


def test_importing_the_module_does_not_import_opencc() -> None:
    code = "import sys, reader.core.script; assert 'opencc' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("陸", "陆"),
        ("書", "书"),
        ("Ａ", "a"),
        ("ｚ", "z"),
        ("９", "9"),
        ("ABC", "abc"),
        ("著", "着"),  # Taiwan's 著 for 着
        ("裡", "里"),
        ("裏", "里"),
        ("衞", "卫"),  # Hong Kong's 衞
        ("臺灣", "台湾"),
        ("峰吃么台", "峰吃么台"),  # simplified forms stay put
        ("陆家嘴，“零距离”", "陆家嘴，“零距离”"),
    ],
)
def test_fold(original: str, folded: str) -> None:
    assert fold(original) == folded


def test_fold_table_is_single_characters_and_idempotent() -> None:
    table = fold_table()
    assert len(table) > 4000
    assert all(len(v) == 1 for v in table.values())
    assert all(ord(v) not in table for v in table.values())


def test_fold_table_is_built_once() -> None:
    fold_table.cache_clear()
    table = fold_table()
    assert fold_table() is table


@given(st.text())
def test_fold_preserves_length_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


@given(st.text(alphabet="陆陸书書里裡裏着著台臺ＡａAa1１ ，“"))
def test_fold_agrees_with_simplified_conversion_on_common_pairs(text: str) -> None:
    assert fold(text) == fold(convert(text, Script.TAIWAN))


def test_plain_cli_values_are_accepted() -> None:
    assert convert("看着", "tw") == "看著"  # type: ignore[arg-type]
    assert convert("看着", "original") == "看着"  # type: ignore[arg-type]
