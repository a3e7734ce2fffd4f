"""Write a changed document back atomically, in the bytes it came in.

The new content goes to a temporary file in the same folder, takes the
original's owner, group and permissions, and is renamed over the original:
a failure at any point leaves the original as it was. A symbolic link is
written through to its target (never replaced by a file); a file with other
hard links, or one whose owner the temporary file cannot take, is rewritten
in place so its inode and owner stay. Nothing is written when the file is no
longer what was read (another program changed it meanwhile).

Temporary files are named `.NAME.glossary-PID-XXXX.tmp`: a run removes its
own on any exception and at SIGINT or SIGTERM (`remove_live`, called by the
CLI's handler), and a later run removes those whose process is gone (after
SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time

from . import files
from collections.abc import Iterator

from .errors import InputError
from .files import Stamp
from .i18n import _
from .model import Document

BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}

TMP_PATTERN = re.compile(r"^\..*\.glossary-(\d+)-[A-Za-z0-9_]+\.tmp$")
STALE_AFTER = 24 * 3600  # seconds; older temporary files are stale even if their process id is reused
_LIVE: set[str] = set()  # this process's temporary files not yet renamed or removed
_SWEPT: set[str] = set()


class ChangedMeanwhile(InputError):
    """The file changed after it was read: it is left as the other writer made it."""


def encode(document: Document, text: str) -> bytes:
    try:
        data = text.encode(document.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(_("cannot encode the fixed text as {encoding} at character {at}").format(
            encoding=document.encoding, at=exc.start), document.path) from None
    return (BOMS.get(document.encoding, b"") if document.bom else b"") + data


def write(document: Document, text: str, read_as: Stamp | None = None) -> None:
    """Replace the file of `document` with `text`, encoded as the original was."""
    write_bytes(document, encode(document, text), read_as)


def write_bytes(document: Document, data: bytes, read_as: Stamp | None = None) -> None:
    """Replace the file of `document` with `data` (a packaged format's new bytes too).

    With `read_as` (the stamp taken when the file was read), the file is
    written only if it still has that size, modification time and content.
    """
    path = files.target(document.path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(_("cannot write: {error}").format(error=exc.strerror), document.path) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(_("cannot write: it {kind}").format(kind=files.kind_error(info.st_mode)), document.path)
    mode = stat.S_IMODE(info.st_mode)
    # Read-only files are refused even for root, who could write them anyway.
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise InputError(_("cannot write: the file is read-only"), document.path)
    if info.st_nlink > 1 or not _can_own(info):
        write_in_place(path, data, read_as, shown=document.path)
        return
    write_file(path, data, mode, read_as=read_as, owner=(info.st_uid, info.st_gid), shown=document.path)


def identity(path: str) -> tuple[int, int]:
    """(device, inode) of the file `path` names, links followed: one file under two names is one."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_dev, info.st_ino)


def _can_own(info: os.stat_result) -> bool:
    """Whether a new file made by this process can be given the original's owner and group."""
    if not hasattr(os, "geteuid"):
        return True
    if os.geteuid() == 0:
        return True
    return info.st_uid == os.geteuid() and (info.st_gid == os.getegid() or info.st_gid in os.getgroups())


def unchanged(path: str, read_as: Stamp, shown: str) -> bytes:
    """The current bytes of `path` if it is still as read; ChangedMeanwhile otherwise."""
    try:
        data, now = files.read(path, max_size=max(read_as.size, 1) * 2 + files.MIB)
    except InputError:
        now, data = None, b""
    if now != read_as:
        raise ChangedMeanwhile(_("not fixed: the file changed while it was being fixed (run again)"), shown)
    return data


def write_file(path: str | os.PathLike[str], data: bytes, mode: int = 0o644, *, read_as: Stamp | None = None,
               owner: tuple[int, int] | None = None, shown: str | None = None) -> None:
    """Write `data` to `path` atomically: a temporary file in the same folder, renamed over.

    The one way the project writes a user's file; any failure leaves the old
    file (or no file) and no temporary file behind.
    """
    name = os.fspath(path)
    shown = shown or name
    folder = os.path.dirname(os.path.abspath(name))
    if os.path.isdir(name):
        raise InputError(_("cannot write: it is a directory"), shown)
    sweep(folder)
    base = os.path.basename(name)[:180]
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{base}.glossary-{os.getpid()}-", suffix=".tmp")
    except OSError as exc:
        raise InputError(_("cannot write: {error}").format(error=exc.strerror), shown) from None
    _LIVE.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            view = memoryview(data)
            for at in range(0, len(view), files.MIB):  # a piece at a time: no second copy of a large file
                fh.write(view[at:at + files.MIB])
            fh.flush()
            os.fsync(fh.fileno())
        if owner is not None and hasattr(os, "chown"):
            current = os.stat(tmp)
            if (current.st_uid, current.st_gid) != owner:
                os.chown(tmp, *owner)
        os.chmod(tmp, mode)
        with _locked(name):
            if read_as is not None:
                unchanged(name, read_as, shown)
            os.replace(tmp, name)
        _LIVE.discard(tmp)
    except BaseException as exc:
        remove(tmp)
        if isinstance(exc, OSError):
            raise InputError(_("cannot write: {error}").format(error=exc.strerror), shown) from None
        raise


def write_in_place(path: str, data: bytes, read_as: Stamp | None = None, shown: str | None = None) -> None:
    """Overwrite `path` through its own inode (hard links, owner kept); restore the old bytes on failure."""
    shown = shown or path
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(_("cannot write: {error}").format(error=exc.strerror), shown) from None
    try:
        _lock(fd)
        if read_as is not None:
            old = unchanged(path, read_as, shown)
        else:
            old = files.read(path, max_size=1 << 62)[0]
        try:
            with _signals_held():
                _overwrite(fd, data)
        except BaseException as exc:
            try:
                _overwrite(fd, old)
            except OSError:
                pass
            if isinstance(exc, OSError):
                raise InputError(_("cannot write: {error}").format(error=exc.strerror), shown) from None
            raise
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """An exclusive advisory lock: two runs of the tool check and replace one file in turn."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: the stamp check alone
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


@contextlib.contextmanager
def _locked(path: str) -> Iterator[None]:
    """Hold the lock on the file at `path` (if there is one) while it is checked and replaced."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        yield
        return
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until an in-place rewrite is whole (there is no old file to fall back to)."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        written = os.write(fd, view[: files.MIB])
        view = view[written:]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def remove(tmp: str) -> None:
    _LIVE.discard(tmp)
    try:
        os.unlink(tmp)
    except OSError:
        pass


def remove_live() -> None:
    """Remove every temporary file this process still has (at a signal, before exiting)."""
    for tmp in list(_LIVE):
        remove(tmp)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def sweep(folder: str) -> list[str]:
    """Remove stale temporary files of earlier runs from `folder` (once per folder and process)."""
    if folder in _SWEPT:
        return []
    _SWEPT.add(folder)
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for entry in names:
        match = TMP_PATTERN.match(entry)
        if match is None:
            continue
        full = os.path.join(folder, entry)
        try:
            old = now - os.lstat(full).st_mtime > STALE_AFTER
        except OSError:
            continue
        if old or not _alive(int(match.group(1))):
            try:
                os.unlink(full)
                removed.append(full)
            except OSError:
                pass
    return removed
