"""What an export writes: its format and the options of the text and Markdown renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from reader.core.conversion_rules import ConversionRules
from reader.core.script import Script


class ExportFormat(StrEnum):
    """Export formats; the values are the CLI's ``--format`` choices."""

    TXT = "txt"
    MD = "md"
    JSON = "json"
    CSV = "csv"
    TEI = "tei"
    ANNOTATIONS = "annotations"


SUFFIXES: dict[ExportFormat, str] = {
    ExportFormat.TXT: ".txt",
    ExportFormat.MD: ".md",
    ExportFormat.JSON: ".json",
    ExportFormat.CSV: ".csv",
    ExportFormat.TEI: ".tei.xml",
    ExportFormat.ANNOTATIONS: ".annotations.jsonld",
}
"""File-name suffix of each format."""

CONVERTED_FORMATS = frozenset({ExportFormat.TXT, ExportFormat.MD, ExportFormat.CSV})
"""Formats written in the chosen script; the others always keep the library's text."""


class Part(StrEnum):
    """Optional parts of an article in the text and Markdown exports (paragraphs are always there)."""

    SECTION = "section"
    KICKER = "kicker"
    TITLE = "title"
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    CAPTIONS = "captions"
    SOURCE = "source"
    NOTES = "notes"  # notes as footnotes


DEFAULT_PARTS = frozenset(Part) - {Part.NOTES}
"""Everything but the notes: the text export as it always was."""

PARAGRAPH_SEPARATOR = "\n\n"
ARTICLE_SEPARATOR = "\n\n* * *\n\n"
"""Between articles, and between issues in a single file (a thematic break in Markdown too)."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to export: format, script, parts, separators, one file per issue or one for all.

    ``script``, ``parts`` and the separators apply to the text and Markdown
    exports (``script`` to CSV too); JSON, TEI and annotations are always
    complete and in the library's own script.  ``annotations`` also writes
    the notes as Web Annotations beside the main files.  With ``overwrite``
    false a file already in the folder is kept and the new one gets a
    ``-2``… suffix.  ``issue_header`` starts each issue of the text and
    Markdown exports with its title (or file name), date, publication and
    number; ``csv_text`` gives the CSV its ``text`` column (the article's
    cleaned text).  ``conversion`` holds the names kept as written and the
    user's phrases (the export service fills it from the library).
    ``include_scans`` puts the bytes of the page scans into the JSON export
    (base64), so that importing it brings them along.
    """

    format: ExportFormat = ExportFormat.TXT
    script: Script = Script.ORIGINAL
    parts: frozenset[Part] = field(default=DEFAULT_PARTS)
    paragraph_separator: str = PARAGRAPH_SEPARATOR
    article_separator: str = ARTICLE_SEPARATOR
    single_file: bool = False
    annotations: bool = False
    overwrite: bool = True
    issue_header: bool = True
    csv_text: bool = True
    conversion: ConversionRules | None = None
    include_scans: bool = False

    def has(self, part: Part) -> bool:
        """Whether the export includes ``part``."""
        return part in self.parts
