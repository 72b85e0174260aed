"""Standard output whose reader went away (``python -m ingest status | head``)."""

from __future__ import annotations

import os
import sys

EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer cut off by `head`


def closed_pipe_exit() -> int:
    """Silence the interpreter's last flush of stdout and return :data:`EXIT_CLOSED_PIPE`.

    Without this, Python prints a BrokenPipeError traceback at exit although nothing went wrong:
    the reader simply had enough.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests): nothing to silence
        pass
    return EXIT_CLOSED_PIPE
