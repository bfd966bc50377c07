"""The password of a team library, asked in the window when the server refuses a URL without one.

The URL stays without its password everywhere (the window's library path,
the recent libraries, the settings, every message); the password typed here
is kept in memory until the program ends (``db.server_auth.remember_for_session``)
and handed to the connections only.  A refused password is forgotten and
asked for again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.gui.workbench import Workbench


def offer_password(
    wb: Workbench, location: str, error: BaseException, reopen: Callable[[], object]
) -> QInputDialog | None:
    """When ``error`` is the server refusing a login without a password: ask for it, then open again.

    Returns the (window-modal) dialog, or None when the failure is another one.
    """
    from sqlalchemy.engine import make_url

    from db.server_auth import forget_for_session, needs_password, session_password

    if not needs_password(location, error):
        return None
    refused = session_password(location) is not None
    forget_for_session(location)
    url = make_url(location)
    dialog = QInputDialog(wb.window)
    dialog.setObjectName("serverPasswordDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setWindowTitle(QCoreApplication.translate("ServerPassword", "Password for the Team Library"))
    if refused:
        label = QCoreApplication.translate(
            "ServerPassword", "The server refused the password of %1 for the library %2. Password:"
        )
    else:
        label = QCoreApplication.translate(
            "ServerPassword", "The server asks for the password of %1 for the library %2:"
        )
    dialog.setLabelText(label.replace("%1", str(url.username or "")).replace("%2", str(url.database)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def accepted() -> None:
        from db.server_auth import remember_for_session

        remember_for_session(location, dialog.textValue())
        reopen()

    def rejected() -> None:
        wb.panes.reading_view.show_message(
            QCoreApplication.translate("ServerPassword", "The library is not open: no password was given"),
            QCoreApplication.translate(
                "ServerPassword",
                "Open it again to give the password, or keep it in ~/.pgpass or in PGPASSWORD.",
            ),
        )

    dialog.accepted.connect(accepted)
    dialog.rejected.connect(rejected)
    dialog.open()
    return dialog
