"""The command line's ranking of CSV files: workers read byte ranges of the
files (dask.bytes.read_bytes, cut at line breaks) and rank each with one
call into the extension, which parses, scores and formats the rows as
credence rank does; the client orders the rows of all blocks by (score
descending, input order) and writes them with one more call.

A block is cut at a line break, so a record whose quoted field holds a
line break may be cut in two: blocksize=None reads each file whole."""
import re

import numpy as np
from dask import delayed
from dask.bytes import read_bytes

from . import _partition, _rank
from .. import _credence

_LINE = re.compile(r"(\d+): ")


def _header(path):
    """The file's first line (line end included), to put before its later
    blocks."""
    with open(path, "rb") as f:
        return f.readline()


def rank_block(data, header, path, column, id_column, paths, top, threads):
    """One block ranked on a worker: rank_block()'s tuple and the line
    breaks in the block's own bytes (to number its lines in the file)."""
    breaks = data.count(b"\n")
    scorer = _partition.scorer(paths)._scorer
    ranked = _credence.rank_block(scorer, header + data, path, column,
                                  id_column, top or 0, threads)
    return ranked, breaks


def tasks(files, column, id_column, paths, top, blocksize, threads=1):
    """The Delayed rank_block() of every block of every file, in input
    order, and the (file, block number in the file) of each."""
    out, owners = [], []
    for path in files:
        _, blocks = read_bytes(path, delimiter=b"\n", blocksize=blocksize,
                               sample=False)
        header = _header(path)
        for i, block in enumerate(blocks[0]):
            out.append(delayed(rank_block)(
                block, header if i else b"", path, column, id_column, paths,
                top, threads))
            owners.append((path, i))
    return out, owners


def _file_lines(results, owners):
    """Each block's first line number in its file, 1-based."""
    firsts, line = [], 1
    for (_, breaks), (_, i) in zip(results, owners):
        line = 1 if i == 0 else line
        firsts.append(line)
        line += breaks
    return firsts


def _messages(results, owners):
    """Bad rows' "path:line: problem", lines counted in their files."""
    out = []
    for (ranked, _), (path, i), first in zip(results, owners,
                                             _file_lines(results, owners)):
        for message in ranked[8]:
            if i == 0:  # the block holds its own header: lines are right
                out.append(message)
                continue
            head = len(path) + 1
            match = _LINE.match(message, head)
            line = int(match.group(1)) + first - 2
            out.append(f"{message[:head]}{line}: {message[match.end():]}")
    return out


def order(results, top):
    """The global rank order: indices into the blocks' rows concatenated,
    by score descending, ties in input order; the first `top` only when
    given."""
    scores = np.concatenate([np.frombuffer(r[0][2], dtype="<f8")
                             for r in results] or [np.zeros(0)])
    ranked = np.argsort(-scores, kind="stable")
    if top is not None:
        ranked = ranked[:top]
    return ranked.astype("<u8").tobytes()


def summarize(results, owners, skip_bad_rows):
    """The Summary of the job; without skip_bad_rows, ValueError for the
    first bad row in input order."""
    messages = _messages(results, owners)
    if messages and not skip_bad_rows:
        raise ValueError(messages[0] + " (--skip-bad-rows skips and counts "
                         "bad rows)")
    reads = [r[0][1] for r in results]
    stats = [(sum(reads), messages)]
    return _rank.Summary(stats)


def write(results, ranked, write_bytes):
    """The ranked rows (no header) given to write_bytes a few MiB at a
    time: ids from the id column when every block has it, else 1-based row
    numbers over all files."""
    reads = [r[0][1] for r in results]
    first_rows = np.concatenate([[0], np.cumsum(reads)])[:-1]
    use_ids = bool(results) and all(r[0][0] for r in results)
    _credence.write_ranked([r[0] for r in results],
                           [int(f) for f in first_rows], ranked, use_ids,
                           write_bytes)
