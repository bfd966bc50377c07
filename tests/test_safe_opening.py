"""Opening a library for the window: writable and sound, damaged (even unopenable), recoveries."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.errors import LibraryDamaged
from reader.services.recovery import write_recovery
from reader.services.safe_opening import file_problems, open_checked, recoveries_for
from tests.safety_support import corrupt_pages, make_library


def test_a_sound_library_opens_for_writing(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    checked = open_checked(lib)
    try:
        assert checked.read_only is False and checked.reason == ""
        assert checked.path == lib.resolve()
        assert file_problems(lib) == []
    finally:
        checked.library.close()


def test_a_new_library_is_created(tmp_path: Path) -> None:
    checked = open_checked(tmp_path / "new.sqlite3")
    checked.library.close()
    assert (tmp_path / "new.sqlite3").is_file() and not checked.read_only


@pytest.mark.parametrize(
    ("articles", "offset"), [(40, 3 * 4096), (3, 4096)], ids=["data-pages", "schema-page"]
)
def test_a_damaged_library_is_refused_with_its_problems(tmp_path: Path, articles: int, offset: int) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=articles, blocks=6)
    corrupt_pages(lib, offset=offset, length=4096)
    with pytest.raises(LibraryDamaged) as raised:
        open_checked(lib)
    assert raised.value.problems
    assert raised.value.path == str(lib.resolve())
    assert file_problems(lib)


def test_recoveries_are_listed_for_their_library_only(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    other = tmp_path / "other.sqlite3"
    mine = write_recovery(1, 1, ["甲"], "me", library=str(lib.resolve()))
    anyone = write_recovery(2, 1, ["乙"], "me")
    write_recovery(3, 1, ["丙"], "me", library=str(other.resolve()))
    assert [r.path for r in recoveries_for(lib)] == [mine.path, anyone.path]
