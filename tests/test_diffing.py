"""Pure proofreading cores: word-ish diffs, reverting one change, offset mapping, coverage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.coverage import check_coverage
from reader.core.diffing import (
    Change,
    Mark,
    diff_changes,
    map_offset,
    render_marked,
    revert_change,
    shift_region,
    text_change,
)

ALPHABET = "梅园街道社区陆陸家嘴,，。 abcdeHL12\n"
texts = st.text(alphabet=ALPHABET, max_size=40)


def _apply(original: str, changes: list[Change]) -> str:
    out, at = [], 0
    for change in changes:
        out += [original[at : change.orig_start], change.new]
        at = change.orig_end
    return "".join([*out, original[at:]])


def test_punctuation_and_characters_are_separate_changes() -> None:
    changes = diff_changes("近日,梅园街道召开会议", "近日，梅园街道召開会议")
    assert [(c.old, c.new) for c in changes] == [(",", "，"), ("开", "開")]
    assert changes[0] == Change(2, 3, 2, 3, ",", "，")


def test_a_changed_latin_word_is_one_change() -> None:
    assert [(c.old, c.new) for c in diff_changes("teh cat", "the cat")] == [("teh", "the")]
    assert [(c.old, c.new) for c in diff_changes("民间河长” and 志愿者", "民间河长”和志愿者")] == [
        (" and ", "和")
    ]


def test_identical_texts_have_no_changes() -> None:
    assert diff_changes("梅园", "梅园") == []
    assert render_marked("梅园", "梅园")[0].mark is Mark.EQUAL


def test_revert_one_change_keeps_the_others() -> None:
    original, current = "近日,梅园街道召开会议", "近日，梅园街道召開会议"
    first, second = diff_changes(original, current)
    assert revert_change(original, current, first) == "近日,梅园街道召開会议"
    assert revert_change(original, current, second) == "近日，梅园街道召开会议"


def test_render_marked_shows_deletions_before_insertions() -> None:
    segments = render_marked("会上,各居民区", "会上，各居民区")
    assert [(s.mark.value, s.text) for s in segments] == [
        ("equal", "会上"),
        ("deleted", ","),
        ("inserted", "，"),
        ("equal", "各居民区"),
    ]


@given(texts, texts)
def test_changes_rebuild_the_current_text(original: str, current: str) -> None:
    changes = diff_changes(original, current)
    assert _apply(original, changes) == current
    for change in changes:
        assert original[change.orig_start : change.orig_end] == change.old
        assert current[change.new_start : change.new_end] == change.new
        assert change.old != change.new


@given(texts, texts)
def test_reverting_a_change_touches_only_its_span(original: str, current: str) -> None:
    changes = diff_changes(original, current)
    for change in changes:
        reverted = revert_change(original, current, change)
        assert reverted[: change.new_start] == current[: change.new_start]
        assert reverted[change.new_start + len(change.old) :] == current[change.new_end :]
    text = current
    for change in reversed(changes):
        text = revert_change(original, text, change)
    assert text == original


@given(texts, texts)
def test_marked_rendering_holds_both_texts(original: str, current: str) -> None:
    segments = render_marked(original, current)
    assert "".join(s.text for s in segments if s.mark is not Mark.INSERTED) == original
    assert "".join(s.text for s in segments if s.mark is not Mark.DELETED) == current


@given(texts, texts, st.data())
def test_offsets_map_monotonically_within_bounds(original: str, current: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(current)))
    b = data.draw(st.integers(a, len(current)))
    mapped_a, mapped_b = map_offset(original, current, a), map_offset(original, current, b)
    assert 0 <= mapped_a <= mapped_b <= len(original)
    assert map_offset(original, current, len(current)) == len(original)


def test_offsets_in_unchanged_text_map_exactly() -> None:
    original, current = "今年以来,梅园街道以河长制为抓手", "今年以来，梅园街道办以河长制为抓手"
    assert map_offset(original, current, 5) == 5  # before 梅
    assert map_offset(original, current, 11) == 10  # before 以, after the inserted 办
    assert map_offset(original, current, 10, to_original=False) == 11


def test_text_change_is_the_one_differing_span() -> None:
    assert text_change("梅园街道", "梅园新街道") == (2, "", "新")
    assert text_change("aaa", "aa") == (2, "a", "")


def test_regions_follow_edits_before_them_and_drop_when_overwritten() -> None:
    assert shift_region((5, 8), 0, 2, 4) == (7, 10)  # edit before: shifted
    assert shift_region((5, 8), 9, 1, 0) == (5, 8)  # edit after: unchanged
    assert shift_region((5, 8), 4, 6, 1) is None  # overwritten
    assert shift_region((5, 8), 6, 1, 3) == (5, 10)  # edit inside: widened
    assert shift_region((5, 8), 7, 3, 0) == (5, 7)  # tail overwritten: clipped
    assert shift_region((5, 5), 2, 1, 0) == (4, 4)  # a deletion point moves too


def test_coverage_accepts_exact_cover_and_names_lost_and_doubled_text() -> None:
    original = "标题\n\n正文一段。\n\n尾"
    assert check_coverage(original, [[[[0, 2]], [[4, 9]]]], [[11, 12]]) == []
    lost = check_coverage(original, [[[[0, 2]]]], [[11, 12]])
    assert lost and "not covered" in lost[0] and "正文" in lost[0]
    doubled = check_coverage(original, [[[[0, 2]], [[4, 9]]], [[[4, 6]]]], [[11, 12]])
    assert any("more than once" in p for p in doubled)
    assert any("invalid span" in p for p in check_coverage(original, [], [[11, 99]]))
    # whitespace may be left out or covered twice
    assert check_coverage(original, [[[[0, 4]], [[2, 9]]]], [[9, 12]]) == []


def _coverage_one_character_at_a_time(original: str, pieces: list[list[int]]) -> list[str]:
    """The obvious check (a depth per character), the oracle for check_coverage."""
    depth = [0] * (len(original) + 1)
    for start, end in pieces:
        for index in range(start, end):
            depth[index] += 1
    found: dict[str, list[list[int]]] = {"not covered": [], "covered more than once": []}
    for index, char in enumerate(original):
        if depth[index] != 1 and not char.isspace():
            runs = found["not covered" if depth[index] == 0 else "covered more than once"]
            if runs and runs[-1][1] == index:
                runs[-1][1] = index + 1
            else:
                runs.append([index, index + 1])
    return [
        f"{label}: [{start}, {end}) {original[start : min(end, start + 12)]!r}"
        for label, runs in found.items()
        for start, end in runs
    ][:20]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="正文 \n\u3000a。", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_coverage_reports_what_a_character_by_character_check_reports(
    original: str, raw: list[tuple[int, int]]
) -> None:
    pieces = [[min(a, b), max(a, b)] for a, b in raw if max(a, b) <= len(original)]
    assert check_coverage(original, [[pieces]], []) == _coverage_one_character_at_a_time(original, pieces)
