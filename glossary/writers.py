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
    data = encode(document, text)
    path = document.path
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        # Read-only files are refused even for root, who could write them anyway.
        if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
            raise InputError("cannot write: the file is read-only", path)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"cannot write: {exc.strerror}", path) from None
