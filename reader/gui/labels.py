"""Names shown for stored codes: article statuses and kinds of leftover blocks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

STATUSES = ("new", "in_progress", "proofread", "approved")


def status_label(status: str) -> str:
    """The name of an article status."""
    labels = {
        "new": QCoreApplication.translate("Labels", "New"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "proofread": QCoreApplication.translate("Labels", "Proofread"),
        "approved": QCoreApplication.translate("Labels", "Approved"),
    }
    return labels.get(status, status)


def leftover_label(kind: str) -> str:
    """The name of a kind of block that belongs to no article."""
    labels = {
        "masthead": QCoreApplication.translate("Labels", "Masthead"),
        "layout": QCoreApplication.translate("Labels", "Layout"),
        "qr_code": QCoreApplication.translate("Labels", "QR code blurb"),
        "section": QCoreApplication.translate("Labels", "Section label"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(kind, kind)


BLOCK_ROLES = (
    "section",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "subheading",
    "paragraph",
    "caption",
    "source",
    "furniture",
    "leftover",
)
"""The roles a block can be given by hand (``leftover`` takes it out of its article)."""

ROLE_KEYS = {
    "section": Qt.Key.Key_S,
    "kicker": Qt.Key.Key_K,
    "title": Qt.Key.Key_T,
    "subtitle": Qt.Key.Key_U,
    "byline": Qt.Key.Key_B,
    "subheading": Qt.Key.Key_H,
    "paragraph": Qt.Key.Key_P,
    "caption": Qt.Key.Key_C,
    "source": Qt.Key.Key_O,
    "furniture": Qt.Key.Key_F,
}
"""One key per block role: alone in the layout view (on a leftover row, it brings the row into the
article before it), with Ctrl+Alt+Shift in the window's Structure menu (``Actions``)."""


def role_label(role: str) -> str:
    """The name of a block role."""
    labels = {
        "section": QCoreApplication.translate("Labels", "Section"),
        "kicker": QCoreApplication.translate("Labels", "Kicker"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "subtitle": QCoreApplication.translate("Labels", "Subtitle"),
        "byline": QCoreApplication.translate("Labels", "Byline"),
        "subheading": QCoreApplication.translate("Labels", "Subheading"),
        "paragraph": QCoreApplication.translate("Labels", "Paragraph"),
        "caption": QCoreApplication.translate("Labels", "Caption"),
        "source": QCoreApplication.translate("Labels", "Source"),
        "furniture": QCoreApplication.translate("Labels", "Layout leftover"),
        "leftover": QCoreApplication.translate("Labels", "Outside the article"),
    }
    return labels.get(role, role)


def role_menu_label(role: str) -> str:
    """The name of a block role as a menu entry, with its Alt letter: no two roles share one, and it is
    the role's key in the layout view (S, K, T, U, B, H, P, C, O, F)."""
    labels = {
        "section": QCoreApplication.translate("Labels", "&Section"),
        "kicker": QCoreApplication.translate("Labels", "&Kicker"),
        "title": QCoreApplication.translate("Labels", "&Title"),
        "subtitle": QCoreApplication.translate("Labels", "S&ubtitle"),
        "byline": QCoreApplication.translate("Labels", "&Byline"),
        "subheading": QCoreApplication.translate("Labels", "Sub&heading"),
        "paragraph": QCoreApplication.translate("Labels", "&Paragraph"),
        "caption": QCoreApplication.translate("Labels", "&Caption"),
        "source": QCoreApplication.translate("Labels", "S&ource"),
        "furniture": QCoreApplication.translate("Labels", "Layout le&ftover"),
        "leftover": QCoreApplication.translate("Labels", "Outside the &article"),
    }
    return labels.get(role, role)
