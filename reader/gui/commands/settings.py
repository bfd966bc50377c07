"""The user's rules, dictionary words and conversion lists as undoable steps.

The dialogs that change them show a refusal (a bad regex, a name taken) in
themselves, so the first step runs here and raises; only a step made is
pushed (``done=``) on the window's undo stack and told to every view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.gui.commands.operation import OperationCommand
from reader.gui.undo import EditRefused, write

if TYPE_CHECKING:
    from reader.core.op_changes import Operation, OpOutput
    from reader.gui.undo import EditContext


def push_made(context: EditContext, label: str, operation: Operation) -> OpOutput:
    """Run ``operation`` now in one write transaction, then push it as an undoable step named ``label``.

    Raises what refused it (EditRefused, a JiaokanError): nothing was changed or pushed then.
    """
    library = context.writable_library()
    if not context.flush():
        raise EditRefused(
            QCoreApplication.translate(
                "Undo", "Unsaved typing in the editor could not be saved first; nothing else was changed."
            )
        )
    output = write(library, operation)
    if output.undo is None:  # nothing was changed: nothing to undo
        context.announce(output.changes)
        return output
    command = OperationCommand(context, label, operation, done=output)
    context.stack.push(command)
    context.announce(output.changes, command)
    return output


__all__ = ["push_made"]
