"""Write a changed document back atomically, in the bytes it came in.

The new content goes to a temporary file in the same folder, takes the
original's permissions, and is renamed over the original: a failure at any
point leaves the original as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile

from .errors import InputError
from .model import Document

BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


def encode(document: Document, text: str) -> bytes:
    try:
        data = text.encode(document.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(f"cannot encode the fixed text as {document.encoding} at character {exc.start}", document.path) from None
    return (BOMS.get(document.encoding, b"") if document.bom else b"") + data


def write(document: Document, text: str) -> None:
    """Replace the file of `document` with `text`, encoded as the original was."""
    write_bytes(document, encode(document, text))


def write_bytes(document: Document, data: bytes) -> None:
    """Replace the file of `document` with `data` (a packaged format's new bytes), keeping its mode."""
    try:
        mode = stat.S_IMODE(os.stat(document.path).st_mode)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", document.path) from None
    # Read-only files are refused even for root, who could write them anyway.
    if not mode & stat.S_IWUSR or not os.access(document.path, os.W_OK):
        raise InputError("cannot write: the file is read-only", document.path)
    write_file(document.path, data, mode)


def write_file(path: str | os.PathLike[str], data: bytes, mode: int = 0o644) -> None:
    """Write `data` to `path` atomically: a temporary file in the same folder, renamed over.

    The one way the project writes a user's file; any failure leaves the old
    file (or no file) and no temporary file behind.
    """
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    if os.path.isdir(name):
        raise InputError("cannot write: it is a directory", name)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", name) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, name)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"cannot write: {exc.strerror}", name) from None
        raise
