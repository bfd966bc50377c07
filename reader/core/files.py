"""File-system helpers: gathering inputs, atomic writes and safe file names."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from reader.core.errors import ExportError, InputError

MAX_STEM_CHARS = 120
# Most file systems cap a name at 255 bytes; leave room for "-NN" and a suffix.
_MAX_STEM_BYTES = 200
_FALLBACK_STEM = "issue"
_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
_FORBIDDEN_CHARS = re.compile(r'[/\\<>:"|?*]')
_DOT_RUNS = re.compile(r"\.{2,}")
_SPACE_RUNS = re.compile(r"\s+")
# control, format (zero-width, bidi overrides), surrogate, private-use, unassigned
_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def collect_inputs(
    paths: Iterable[Path], suffixes: tuple[str, ...] = (".txt",)
) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into a sorted, duplicate-free list of input files.

    Folders are walked recursively in name order and contribute the files whose
    name ends with one of ``suffixes`` (case-insensitive), skipping hidden
    entries; a file named explicitly is kept whatever its suffix.  Inside a
    folder, a symbolic link (to a file or a folder) whose target lies outside
    that folder is skipped with an InputError saying so; a link named
    explicitly is followed as given.  Paths that
    are missing or unreadable become InputErrors instead of stopping the walk.
    """
    wanted = tuple(s.lower() for s in suffixes)
    found: list[Path] = []
    errors: list[InputError] = []
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()

    def fail(path: Path, reason: str) -> None:
        if all(e.source != str(path) for e in errors):
            errors.append(InputError(path, reason))

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen_files:
            seen_files.add(key)
            found.append(path)

    def entries_of(folder: Path) -> list[os.DirEntry[str]]:
        key = os.path.realpath(folder)
        if key in seen_dirs:  # already walked, or a symlink loop
            return []
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as scan:
                return sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            fail(folder, f"cannot read the folder: {_os_reason(exc)}")
            return []

    def walk(root: Path) -> None:
        inside = os.path.realpath(root)
        stack = [(root, iter(entries_of(root)))]
        while stack:
            folder, entries = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            child = folder / entry.name
            try:
                if entry.is_symlink() and not within(os.path.realpath(child), inside):
                    fail(child, f"skipped: the link points outside the folder ({os.path.realpath(child)})")
                elif entry.is_dir():
                    stack.append((child, iter(entries_of(child))))
                elif entry.name.lower().endswith(wanted):
                    if entry.is_file():
                        add(child)
                    elif entry.is_symlink():
                        fail(child, "the link points to nothing readable")
            except OSError as exc:
                fail(child, f"cannot read it: {_os_reason(exc)}")

    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            reason = "no such file or folder" if isinstance(exc, FileNotFoundError) else _os_reason(exc)
            fail(path, reason)
            continue
        if stat.S_ISDIR(mode):
            walk(path)
        elif stat.S_ISREG(mode):
            add(path)
        else:
            fail(path, "not a regular file or folder")
    return found, errors


def within(path: str, folder: str) -> bool:
    """Whether the resolved ``path`` is ``folder`` or lies inside it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, newlines exactly as given; failures raise ExportError."""
    try:
        data = text.encode(encoding, errors="strict")
    except (UnicodeEncodeError, LookupError) as exc:
        raise ExportError(path, f"cannot encode the text as {encoding}: {exc}") from exc
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, rename); failures raise ExportError.

    The target is either left untouched or fully replaced, and no temporary
    file is left behind.  A new file gets the usual permissions (0666 less
    the umask); a replaced one keeps its permissions.
    """
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix="." + path.name + ".", suffix=".part")
    except OSError as exc:
        raise ExportError(path, f"cannot create a file in {folder}: {_os_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _target_mode(path))
        os.replace(temp_name, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise ExportError(path, f"cannot write the file: {_os_reason(exc)}") from exc
        raise
    _fsync_folder(folder)


def safe_file_stem(name: str) -> str:
    """Make a file-name stem from untrusted text, keeping Chinese and spaces; never empty."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(" " if char.isspace() else char for char in text)
    text = "".join(char for char in text if unicodedata.category(char) not in _INVISIBLE)
    text = _FORBIDDEN_CHARS.sub("_", text)
    text = _DOT_RUNS.sub(".", text)
    text = _SPACE_RUNS.sub(" ", text).strip(" .")
    text = text[:MAX_STEM_CHARS]
    while len(text.encode("utf-8")) > _MAX_STEM_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if not text:
        return _FALLBACK_STEM
    device = text.split(".", 1)[0].rstrip(" ")
    if device.upper() in _WINDOWS_RESERVED:
        text = device + "_" + text[len(device) :]
    return text


def unique_names(stems: list[str]) -> list[str]:
    """Return ``stems`` with later case-insensitive duplicates renamed ``name-2``, ``name-3``…

    The first occurrence of each stem keeps its name, and a generated name never
    takes one that appears elsewhere in the list.
    """
    taken = {stem.casefold() for stem in stems}
    used: set[str] = set()
    result: list[str] = []
    for stem in stems:
        name = stem
        if stem.casefold() in used:
            n = 2
            while (name := f"{stem}-{n}").casefold() in taken:
                n += 1
            taken.add(name.casefold())
        used.add(name.casefold())
        result.append(name)
    return result


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


__all__ = [
    "MAX_STEM_CHARS",
    "atomic_write_bytes",
    "atomic_write_text",
    "collect_inputs",
    "safe_file_stem",
    "unique_names",
    "within",
]
