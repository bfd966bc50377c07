"""Backup preferences and labels shared by data safety, the backups dialog and the recovery dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.gui.settings import open_settings

if TYPE_CHECKING:
    from datetime import datetime

DEFAULT_BACKUP_INTERVAL_HOURS = 24
MAX_BACKUP_INTERVAL_HOURS = 24 * 30
_INTERVAL_KEY = "safety/backup_interval_hours"


def backup_interval_hours() -> int:
    """Hours between automatic backups (0: never), from the preferences."""
    value = open_settings().value(_INTERVAL_KEY, DEFAULT_BACKUP_INTERVAL_HOURS, type=int)
    hours = value if isinstance(value, int) else DEFAULT_BACKUP_INTERVAL_HOURS
    return max(0, min(MAX_BACKUP_INTERVAL_HOURS, hours))


def set_backup_interval_hours(hours: int) -> None:
    """Remember the hours between automatic backups (0: never)."""
    store = open_settings()
    store.setValue(_INTERVAL_KEY, max(0, min(MAX_BACKUP_INTERVAL_HOURS, hours)))
    store.sync()


def reason_label(reason: str) -> str:
    """The name of a backup's reason."""
    labels = {
        "auto": QCoreApplication.translate("Backups", "Automatic"),
        "manual": QCoreApplication.translate("Backups", "Made by hand"),
        "pre-migration": QCoreApplication.translate("Backups", "Before an upgrade"),
        "pre-bulk": QCoreApplication.translate("Backups", "Before a bulk change"),
        "pre-restore": QCoreApplication.translate("Backups", "Before a restore"),
    }
    return labels.get(reason, reason)


def local_time_text(moment: datetime) -> str:
    """A UTC time as the local date and time, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
