"""Open a user's file safely: regular files only, a size cap, links that stay in the tree.

Files checked in a pre-commit hook or in CI come from strangers' pull requests:
a named pipe must not block the run, a link to `/dev/zero` must not read until
memory runs out, and a link to a file outside the repository must not have
that file read (or written) as if it belonged to the tree. Everything that
opens a checked file goes through `read`, which also returns a `Stamp` so a
writer can tell whether someone else changed the file in the meantime.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache

from .errors import GlossaryError, InputError, TermBaseError
from .i18n import N_, _

try:  # the interpreter's own BLAKE2: `import hashlib` loads OpenSSL, about 2 ms of every start
    from _blake2 import blake2b
except ImportError:  # a build without it
    from hashlib import blake2b  # type: ignore[assignment]



MIB = 1024 * 1024
DEFAULT_MAX_SIZE = 64 * MIB
CHUNK = MIB
"""Characters a window of glossary.chunks owns (about; windows end at a line or paragraph end)."""
FROM = 4
"""Plain-text files of more than FROM chunks of bytes are checked in windows (glossary.chunks); smaller ones whole."""
_CHUNK = MIB

_KINDS = (
    (stat.S_ISDIR, N_("is a directory")),
    (stat.S_ISFIFO, N_("is a named pipe (FIFO), not a regular file")),
    (stat.S_ISCHR, N_("is a character device, not a regular file")),
    (stat.S_ISBLK, N_("is a block device, not a regular file")),
    (stat.S_ISSOCK, N_("is a socket, not a regular file")),
)


class LinkOutside(InputError):
    """A symbolic link whose target lies outside the tree being checked: skipped, never read."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a file was when it was read: a writer replaces it only if it still is."""

    size: int
    mtime_ns: int
    digest: str


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def parse_size(value: str | int) -> int:
    """`64M`, `512K`, `1G` or a number of bytes; ValueError for anything else."""
    if isinstance(value, int):
        if value <= 0:
            raise ValueError(value)
        return value
    text = value.strip().upper().removesuffix("B").removesuffix("I")
    factor = {"K": 1024, "M": MIB, "G": 1024 * MIB}.get(text[-1:], 1)
    number = text[:-1] if factor != 1 else text
    size = int(float(number) * factor)
    if size <= 0:
        raise ValueError(value)
    return size


def human(size: int) -> str:
    for unit, factor in (("GiB", 1024 * MIB), ("MiB", MIB), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def kind_error(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    for test, message in _KINDS:
        if test(mode):
            return _(message)
    return None if stat.S_ISREG(mode) else _("is not a regular file")


# The one mapping of a refused read to its message: (for a checked file, for a term base). A term
# base's message names it, since its path is not one the user passed to be checked; those stay in
# English with the rest of the term base's messages.
_READ_ERRORS: tuple[tuple[type[OSError], str, str], ...] = (
    (FileNotFoundError, N_("no such file or directory"), "term base not found"),
    (IsADirectoryError, N_("is a directory"), "term base is a directory, not a file"),
    (PermissionError, N_("cannot read: permission denied"), "cannot read term base: {reason}"),
    (OSError, N_("cannot read: {reason}"), "cannot read term base: {reason}"),
)


def read_error(exc: OSError, path: str, *, termbase: bool = False) -> GlossaryError:
    """The error a user sees when the system refuses to read `path`: InputError, or TermBaseError."""
    checked, base = next((c, b) for kind, c, b in _READ_ERRORS if isinstance(exc, kind))
    if termbase:
        return TermBaseError(base.format(reason=exc.strerror), path)
    return InputError(_(checked).format(reason=exc.strerror), path)


def read(path: str, max_size: int = DEFAULT_MAX_SIZE) -> tuple[bytes, Stamp]:
    """The bytes of the regular file at `path` and its stamp; InputError for anything else.

    `O_NONBLOCK` makes opening a FIFO return at once instead of waiting for a
    writer; the kind is then checked on the open descriptor (`fstat`), so a
    file swapped for something else between a check and the open is caught.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise read_error(exc, path) from None
    try:
        info = os.fstat(fd)
        problem = kind_error(info.st_mode)
        if problem is not None:
            raise InputError(problem, path)
        if info.st_size > max_size:
            raise InputError(too_large(info.st_size, max_size), path)
        # The size the file says it has in one read (one buffer, not a list of pieces joined into a
        # second copy), then pieces until the end: a file that grows, or says 0 (/proc), is still capped.
        first = os.read(fd, min(info.st_size, max_size) + 1) if info.st_size else b""
        chunks: list[bytes] = [first]
        total = len(first)
        while total <= max_size:
            chunk = os.read(fd, min(_CHUNK, max_size + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_size:
            raise InputError(too_large(total, max_size), path)
        data = first if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise read_error(exc, path) from None
    finally:
        os.close(fd)
    return data, Stamp(len(data), info.st_mtime_ns, digest(data))


def too_large(size: int, limit: int) -> str:
    return _("is larger than the size limit of {limit} (raise it with --max-file-size)").format(limit=human(limit))


def read_stream(stream, name: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:  # type: ignore[no-untyped-def]
    """Standard input (or any binary stream) read up to the size cap."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_size + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_size:
            raise InputError(too_large(total, max_size), name)


def stamp(path: str) -> Stamp | None:
    """The stamp of the file at `path` now (None when it cannot be read as a regular file)."""
    try:
        data, now = read(path, max_size=1 << 62)
    except InputError:
        return None
    return now


# ------------------------------------------------------------------ links


@lru_cache(maxsize=1024)
def repository_of(folder: str) -> str | None:
    """The top of the repository holding `folder` (nearest ancestor with `.git`), if any."""
    here = folder
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def target(path: str) -> str:
    """Where `path` really is: the file a symbolic link points to, checked to stay in the tree.

    A link is followed when its target lies in the repository that holds the
    link, or (outside any repository) under the current folder, as black and
    ruff do, or under the link's own folder; anything else raises LinkOutside
    and the file is skipped. Paths
    that are not links come back unchanged.
    """
    if not os.path.islink(path):
        return path
    real = os.path.realpath(path)
    if not os.path.exists(real):
        raise InputError(_("no such file or directory (a broken symbolic link)"), path)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    repository = repository_of(folder)
    roots = (repository,) if repository else (os.path.realpath(os.getcwd()), folder)
    if not any(_inside(real, root) for root in roots):
        raise LinkOutside(_("skipped: a symbolic link to {target}, outside {root}").format(target=real, root=roots[0]),
                          path)
    return real
