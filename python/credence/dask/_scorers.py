"""The worker process's scorers: one per (model, lexicons, overlay), built
on first use and kept, keyed by paths made absolute on the client."""
import os
import threading

import credence

_SCORERS = {}
_SCORERS_LOCK = threading.Lock()


def scorer(paths):
    """The worker process's scorer for (model, lexicons, overlay), absolute
    paths or None, built on its first use and kept for the process."""
    with _SCORERS_LOCK:
        found = _SCORERS.get(paths)
        if found is None:
            found = _SCORERS[paths] = credence.Scorer(*paths)
        return found


def absolute_paths(model, lexicons, overlay):
    """The key of scorer(): each path made absolute on the client, so every
    worker reads the same files whatever its working folder."""
    return tuple(None if p is None else os.path.abspath(os.fspath(p))
                 for p in (model, lexicons, overlay))
