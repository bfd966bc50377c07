import pytest
from tests.gui.test_main_window import test_the_latest_query_wins as base, sample_window  # noqa

@pytest.fixture(autouse=True)
def _no_proofreading(monkeypatch):
    import reader.gui.proofreading_ui as p
    from PySide6.QtCore import QObject
    class Dummy(QObject):
        def __init__(self, window): super().__init__(window)
    monkeypatch.setattr(p, "ProofreadingUi", Dummy)

def test_probe(qtbot, sample_window):
    base(qtbot, sample_window)
