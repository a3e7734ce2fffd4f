"""On-disk cache of loaded term bases and compiled automata.

Keyed by the digest of the term base bytes (never their paths: the same file
named two ways is one entry), the package version, the Python version and the
installation (where the package lives and when its modules were written), so a
stale or foreign entry is never read, and two installations sharing a cache
folder keep an entry each instead of rebuilding on alternate runs. One folder
per user (`$XDG_CACHE_HOME/glossary`, else `~/.cache/glossary`, made private);
entries are written to a temporary file and renamed into place. Any failure to
read or write the cache falls back to building afresh, because a cache must
never break a check: a corrupt entry is a miss.
"""

from __future__ import annotations

import os
import sys

from . import __version__

try:  # the interpreter's own SHA-256: `import hashlib` loads OpenSSL, about 2 ms of every start
    from _sha256 import sha256
except ImportError:  # renamed `_sha2` in Python 3.12; a build may lack both
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]
try:  # the C unpickler: `import pickle` adds its Python classes, struct and a probe for Jython to every start
    from _pickle import load as unpickle
except ImportError:  # an interpreter without it
    from pickle import load as unpickle

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

DISABLE_ENV = "GLOSSARY_NO_CACHE"
DIR_ENV = "GLOSSARY_CACHE_DIR"


def directory() -> str:
    """The cache's folder (a string: pathlib is a tenth of a small check's start-up)."""
    if os.environ.get(DIR_ENV):
        return os.environ[DIR_ENV]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "glossary")


# Bumped when the pickled types gain or lose fields, so that an entry written by
# an older build of the same version is a miss, not a misread.
LAYOUT = 2


# The modules whose code decides what a cache entry holds.
_PICKLED_BY = ("cache.py", "model.py", "termbase.py", "matcher.py", "fold.py", "morph/__init__.py", "morph/russian.py",
               "signatures.py", "flat.py", "keyscan.py", "checks/variants.py")
_INSTALL: list[str] = []


def installation() -> str:
    """This installation: the package's folder and its modules' times and sizes (a few stat calls)."""
    if not _INSTALL:
        here = os.path.dirname(os.path.abspath(__file__))
        parts = [here]
        for name in _PICKLED_BY:
            try:
                st = os.stat(os.path.join(here, name))
                parts.append(f"{st.st_mtime_ns}:{st.st_size}")
            except OSError:
                parts.append("-")
        _INSTALL.append("\0".join(parts))
    return _INSTALL[0]


def _file(kind: str, key: str) -> str:
    tag = f"{__version__}-py{sys.version_info[0]}{sys.version_info[1]}-l{LAYOUT}\0{installation()}"
    name = sha256(f"{key}\0{tag}".encode()).hexdigest()[:40]
    return os.path.join(directory(), f"{kind}-{name}.pickle")


def enabled() -> bool:
    return not os.environ.get(DISABLE_ENV)


def get(kind: str, key: str) -> Any:
    if not enabled():
        return None
    import gc

    from .collector import paused

    # Unpickling makes thousands of new objects, none of them garbage yet.
    with paused():
        try:
            with open(_file(kind, key), "rb") as fh:
                found = unpickle(fh)
            if _FREEZE:
                gc.freeze()
            return found
        except Exception:  # a missing, truncated or foreign cache file is a miss
            return None


_FREEZE: list[bool] = []


def freeze_loads() -> None:
    """From now on, move what a cache read made to the collector's permanent generation (glossary.entry).

    A cached term base is objects that live until the process ends: every later
    collection of the oldest generation would walk them all (about a second
    each with 100,000 phrases). Only the command line asks for it: a long-lived
    process would keep what it lets go.
    """
    if not _FREEZE:
        _FREEZE.append(True)


# A file whose last change is this recent (ns) when it is read may change again within the same
# timestamp tick, unseen by a stat: its digest is not remembered (git's "racily clean" entries).
RACY_NS = 2_000_000_000


def file_digest(path: str) -> tuple[bytes, bytes | None]:
    """(SHA-256 digest of the file's bytes, the bytes or None): the digest remembered for an unchanged file.

    Hashing a 15 MB term base takes longer than loading its cached form. As
    git's index does, the digest is remembered with the file's stat
    (device, inode, size, modification and change times, in nanoseconds):
    a file whose stat is unchanged is not read; any change reads and hashes
    it again. The digest stays the cache key; the stat only saves reading.
    Raises OSError as `open` does.
    """
    with open(path, "rb") as fh:
        before = os.fstat(fh.fileno())
        stamp = (before.st_size, before.st_mtime_ns, before.st_ctime_ns)
        key = f"{before.st_dev}:{before.st_ino}"
        known = get("digest", key)
        if isinstance(known, tuple) and len(known) == 2 and known[0] == stamp and isinstance(known[1], bytes):
            return known[1], None
        import time

        data = fh.read()
        after = os.fstat(fh.fileno())
    digest = sha256(data).digest()
    if (after.st_size, after.st_mtime_ns, after.st_ctime_ns) == stamp and time.time_ns() - max(stamp[1:]) > RACY_NS:
        put("digest", key, (stamp, digest))
    return digest, data


def put(kind: str, key: str, value: Any) -> None:
    if not enabled():
        return
    target = _file(kind, key)
    try:
        folder = os.path.dirname(target)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        import pickle  # only a cache miss writes; a hit should start fast
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
