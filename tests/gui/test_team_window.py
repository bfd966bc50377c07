"""The window on a PostgreSQL library: the editing tests of ``test_editing`` run here unchanged.

``lib_path`` is overridden with the URL of a fresh PostgreSQL library, so the
window, its background tasks, saving as one types and the conflict dialog
all run against the server (the tests are imported, not copied).
"""

from __future__ import annotations

import pytest

from tests.gui.test_editing import (  # noqa: F401 - collected here, on PostgreSQL
    test_a_save_from_a_stale_base_shows_both_texts_and_keeping_mine_loses_nothing,
    test_typing_is_saved_after_a_pause_and_not_at_every_key,
    test_typing_then_switching_article_at_once_loses_nothing,
    test_undo_and_redo_of_typing_through_the_library,
    window,
)

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


@pytest.fixture
def lib_path(postgres_url: str) -> str:
    """The library the window and the tests open: a PostgreSQL URL instead of a file."""
    return postgres_url
