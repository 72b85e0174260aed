"""Loading untrusted files within a time and memory budget.

Each file is parsed in a forked worker process whose address space is capped; a file that takes
longer than ``max_seconds`` or needs more memory (a decompression bomb, say) is rejected with a
plain reason and the worker is replaced. The build itself never runs the parsers in-process.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import signal
from multiprocessing.pool import Pool
from pathlib import Path
from types import TracebackType

from ingest.errors import DocumentError
from ingest.loaders import load_document
from ingest.models import LoadedDocument, SourceInfo

log = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1


def _mapped_bytes() -> int:
    """This process's current address-space size (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this worker when the build process dies (``kill -9`` included).

    The fork inherits the build's lock file; an orphaned worker would keep the lock and block
    every later build ("Another build is running"), which a killed-build test caught.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent check below still helps
        log.debug("prctl(PR_SET_PDEATHSIG) unavailable")
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(max_memory_mb: int, parent_pid: int) -> None:
    _die_with_parent(parent_pid)
    _limit_memory(max_memory_mb)


def _limit_memory(max_memory_mb: int) -> None:
    """Let the forked worker map at most ``max_memory_mb`` MB on top of what it inherited.

    The fork inherits the parent's address space (imports, Chroma and the embedding model: about
    0.5-1 GB measured during a build), so an absolute cap would leave a parser far less than the
    budget, or nothing at all.
    """
    limit = _mapped_bytes() + max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _load(path: Path, source: SourceInfo, max_bytes: int) -> LoadedDocument | str:
    try:
        return load_document(path, source, max_bytes=max_bytes)
    except DocumentError as exc:
        return str(exc)
    except MemoryError:
        return "tiedoston käsittely vaati liikaa muistia (esim. pakkauspommi)"
    except RecursionError:
        return "tiedoston rakenne on liian syvästi sisäkkäinen"


class LoaderSandbox:
    """A reusable worker process that loads one file at a time under a budget."""

    def __init__(self, max_seconds: float, max_memory_mb: int, max_bytes: int) -> None:
        self.max_seconds = max_seconds
        self.max_memory_mb = max_memory_mb
        self.max_bytes = max_bytes
        self._pool: Pool | None = None

    def _start(self) -> Pool:
        if self._pool is None:
            ctx = multiprocessing.get_context("fork")
            self._pool = ctx.Pool(
                1,
                initializer=_init_worker,
                initargs=(self.max_memory_mb, os.getpid()),
                maxtasksperchild=200,
            )
        return self._pool

    def load(self, path: Path, source: SourceInfo) -> LoadedDocument:
        """Load ``path`` or raise :class:`DocumentError` with the reason it was rejected."""
        pool = self._start()
        pending = pool.apply_async(_load, (path, source, self.max_bytes))
        try:
            result = pending.get(timeout=self.max_seconds)
        except multiprocessing.TimeoutError:
            self.close()
            raise DocumentError(
                f"tiedoston käsittely kesti yli {self.max_seconds:g} s, joten se ohitettiin "
                "(raja: ASSISTANT_MAX_FILE_SECONDS)"
            ) from None
        except (OSError, EOFError) as exc:  # the worker died (killed by the OS, say)
            self.close()
            raise DocumentError(f"tiedoston käsittely kaatui ({exc})") from None
        if isinstance(result, str):
            raise DocumentError(result)
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> LoaderSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
