"""The notes of issue documents as W3C Web Annotations (JSON-LD).

Each note becomes an ``Annotation`` whose ``body`` is a ``TextualBody`` and
whose ``target`` is the article, named ``urn:jiaokan:article:<sha256>:<position>``,
with a ``TextQuoteSelector`` (exact, prefix, suffix) and, unless the note is
orphaned, a ``TextPositionSelector`` (start, end) in the article's current
text: its blocks joined by a blank line (``corrections.current_text`` of the
JSON export).  Each region of a page scan linked to an article becomes a
``linking`` annotation whose target is the page with an IIIF-style media
fragment (``urn:jiaokan:issue:<sha256>:page:<n>#xywh=x,y,w,h``, page
coordinates) and whose body is the article, or its block's passage.  One
``AnnotationCollection`` per file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.exporters.passages import block_offsets, note_place

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_urn(sha256: str, position: int) -> str:
    """The URN naming an article: its issue's content hash and its position."""
    return f"urn:jiaokan:article:{sha256}:{position}"


def issue_urn(sha256: str) -> str:
    """The URN naming an issue."""
    return f"urn:jiaokan:issue:{sha256}"


def annotation(
    sha256: str, article: Mapping[str, Any], number: int, note: Mapping[str, Any]
) -> dict[str, Any]:
    """One note as a Web Annotation (without ``@context``: the collection carries it)."""
    position = int(article["position"])
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": note["quote"],
            "prefix": note["prefix"],
            "suffix": note["suffix"],
        }
    ]
    place = note_place(note, article.get("blocks", []))
    if place is not None:
        block, start, end = place
        base = block_offsets(article)[block]
        selectors.append({"type": "TextPositionSelector", "start": base + start, "end": base + end})
    result: dict[str, Any] = {
        "id": f"{article_urn(sha256, position)}:note:{number}",
        "type": "Annotation",
        "motivation": "commenting",
        "creator": {"type": "Person", "name": note["author"]},
        "created": note["time"],
        "body": {"type": "TextualBody", "value": note["body"], "format": "text/plain", "language": "zh"},
        "target": {"source": article_urn(sha256, position), "selector": selectors},
    }
    if note.get("updated_at"):
        result["modified"] = note["updated_at"]
    return result


def page_urn(sha256: str, number: int) -> str:
    """The URN naming page ``number`` of an issue's scans (the canvas of its regions)."""
    return f"{issue_urn(sha256)}:page:{number}"


def region_annotation(
    sha256: str, article: Mapping[str, Any], number: int, region: Mapping[str, Any]
) -> dict[str, Any]:
    """A region of a page linked to an article (or one block of it), IIIF-style: ``page#xywh=x,y,w,h``."""
    position = int(article["position"])
    body: dict[str, Any] = {"id": article_urn(sha256, position), "type": "Text"}
    block = region.get("block")
    if block is not None:
        start = block_offsets(article)[block]
        end = start + len(article["blocks"][block]["text"])
        body = {
            "type": "SpecificResource",
            "source": article_urn(sha256, position),
            "selector": {"type": "TextPositionSelector", "start": start, "end": end},
        }
    xywh = f"{region['x']},{region['y']},{region['w']},{region['h']}"
    return {
        "id": f"{article_urn(sha256, position)}:region:{number}",
        "type": "Annotation",
        "motivation": "linking",
        "body": body,
        "target": f"{page_urn(sha256, int(region['page']))}#xywh={xywh}",
    }


def issue_annotations(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every note of an issue document as an annotation, then every scan region, in reading order."""
    sha256 = document["issue"]["sha256"]
    notes = [
        annotation(sha256, article, number, note)
        for article in document["articles"]
        for number, note in enumerate(article.get("notes", []), start=1)
    ]
    regions = [
        region_annotation(sha256, article, number, region)
        for article in document["articles"]
        for number, region in enumerate(article.get("regions", []), start=1)
    ]
    return notes + regions


def collection(items: Iterable[dict[str, Any]], ident: str, label: str) -> dict[str, Any]:
    """An ``AnnotationCollection`` with one page holding ``items``."""
    annotations = list(items)
    return {
        "@context": CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(annotations),
        "first": {"id": ident + ":page:1", "type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def render(collection_object: Mapping[str, Any]) -> str:
    """JSON-LD text (UTF-8 characters kept readable)."""
    return json.dumps(collection_object, ensure_ascii=False, indent=2) + "\n"
