"""The window's undoable commands: each runs one operation (``reader.core.op_changes``).

They need only an :class:`~reader.gui.undo.EditContext` and a QUndoStack, so
tests push them on a bare stack, without a window.
"""

from reader.gui.commands.operation import OperationCommand, ReloadingCommand
from reader.gui.commands.revision import RevisionCommand
from reader.gui.commands.structure import StructureCommand

__all__ = ["OperationCommand", "ReloadingCommand", "RevisionCommand", "StructureCommand"]
