"""Use case: tracked changes and revisions of articles' text (``Library.writing()`` around every call).

``revisions`` (snapshots, the baseline, comparing), ``changes`` (recording
text changes hunk by hunk), ``saving`` (the editor's save and restoring a
revision) and ``attribution`` (hunks against the OCR original and who made
them).  The review status of articles is ``reader.services.review``'s.
"""
