"""The project's own exceptions: every expected failure is one of these."""

from __future__ import annotations

from pathlib import Path


class JiaokanError(Exception):
    """Base class of every error this application raises on purpose."""


class InputError(JiaokanError):
    """A file that cannot be imported; names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        # picklable across processes (the importer decodes in worker processes)
        return (self.__class__, (self.source, self.reason))


class AmbiguousEncodingError(InputError):
    """The bytes decode cleanly in more than one encoding and none is clearly right."""

    def __init__(self, source: str | Path, candidates: list[str]) -> None:
        self.candidates = candidates
        super().__init__(
            source,
            "the encoding is ambiguous: it decodes as "
            + " and as ".join(candidates)
            + "; convert it to UTF-8 first",
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (self.__class__, (self.source, self.candidates))


class ExportError(JiaokanError):
    """An export that could not be written; names the file and the reason."""

    def __init__(self, target: str | Path, reason: str) -> None:
        self.target = str(target)
        self.reason = reason
        super().__init__(f"{self.target}: {reason}")


class OperationCancelled(JiaokanError):
    """Long work stopped because the user asked it to; nothing it started is kept."""
