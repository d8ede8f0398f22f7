"""The command line's ranking of CSV files: each task reads a byte range of
a file (cut at line breaks, as dask.bytes.read_bytes cuts) and ranks it
with one call into the extension, which parses, scores and formats the
rows as credence rank does and sorts them into a run. The runs of all
blocks are merged by (score descending, input order): into a file by the
workers, each a range of the ranking at its place; to stdout, or the
best N, by the client.

A run travels through a spool folder when the worker sees it (every
worker on the client's machine; a shared filesystem given as --spool) and
it has room, else through Dask as bytes.

A block is cut at a line break, so a record whose quoted field holds a
line break may be cut in two: blocksize=None reads each file whole."""
import errno
import io
import mmap
import os
import re
import shutil
import tempfile
from contextlib import ExitStack

from dask import delayed
from dask.utils import parse_bytes
from fsspec.utils import read_block

from . import _scorers
from ._output import Summary
from .. import _credence

_LINE = re.compile(r"(\d+): ")


def _read(path, offset, length):
    """The block's bytes, its header line before them when it does not
    start the file."""
    with open(path, "rb") as f:
        header = b"" if offset == 0 else f.readline()
        return header, read_block(f, offset, length, delimiter=b"\n")


def _spool_run(run, spool, name):
    """The run into spool/name (whole or not at all), or the run itself
    when this worker does not see the spool folder or it is full."""
    if spool is None or not os.path.isdir(spool):
        return run
    path = os.path.join(spool, name)
    partial = f"{path}.{os.getpid()}"
    try:
        with open(partial, "wb") as out:
            out.write(run)
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise
        os.unlink(partial)
        return run
    os.replace(partial, path)
    return path


def rank_block(path, offset, length, column, id_column, paths, top,
               threads, spool, name):
    """One block ranked on a worker: (has_id, read, messages, line breaks
    in the block's own bytes, the run or the file holding it). path is
    (the file as the user named it, its absolute path)."""
    path, where = path
    header, data = _read(where, offset, length)
    scorer = _scorers.scorer(paths)._scorer
    has_id, read, messages, run = _credence.rank_run(
        scorer, header + data, path, column, id_column, top or 0, threads)
    return (has_id, read, messages, data.count(b"\n"),
            _spool_run(run, spool, name))


def _ranges(path, blocksize):
    """(offset, length) of each block of the file: blocks of at least
    blocksize bytes (the last takes the rest), length None for the whole
    file."""
    size = os.path.getsize(path)
    if blocksize is None or size <= blocksize:
        return [(0, None)]
    parts = size // blocksize
    offsets = [size * i // parts for i in range(parts + 1)]
    return [(a, b - a) for a, b in zip(offsets, offsets[1:])]


def tasks(files, column, id_column, paths, top, blocksize, spool,
          threads=1):
    """The Delayed rank_block() of every block of every file, in input
    order, and the (file, block number in the file) of each."""
    if blocksize is not None:
        blocksize = parse_bytes(blocksize)
    out, owners = [], []
    for path in files:
        for i, (offset, length) in enumerate(_ranges(path, blocksize)):
            out.append(delayed(rank_block)(
                (path, os.path.abspath(path)), offset, length, column, id_column, paths, top,
                threads, spool, f"run-{len(out):06d}"))
            owners.append((path, i))
    return out, owners


def _file_lines(results, owners):
    """Each block's first line number in its file, 1-based."""
    firsts, line = [], 1
    for result, (_, i) in zip(results, owners):
        line = 1 if i == 0 else line
        firsts.append(line)
        line += result[3]
    return firsts


def _messages(results, owners):
    """Bad rows' "path:line: problem", lines counted in their files."""
    out = []
    for result, (path, i), first in zip(results, owners,
                                        _file_lines(results, owners)):
        for message in result[2]:
            if i == 0:  # the block holds its own header: lines are right
                out.append(message)
                continue
            head = len(path) + 1
            match = _LINE.match(message, head)
            line = int(match.group(1)) + first - 2
            out.append(f"{message[:head]}{line}: {message[match.end():]}")
    return out


def summarize(results, owners, skip_bad_rows):
    """The Summary of the job; without skip_bad_rows, ValueError for the
    first bad row in input order."""
    messages = _messages(results, owners)
    if messages and not skip_bad_rows:
        raise ValueError(messages[0] + " (--skip-bad-rows skips and counts "
                         "bad rows)")
    return Summary([(sum(r[1] for r in results), messages)])


# Runs take about 2.2 bytes a byte of CSV read (ids, scores and offsets
# beside the formatted rows).
RUN_BYTES_A_BYTE = 3


def spool_folder(parent, files):
    """A new folder for the runs of files, in parent; by default in shared
    memory (/dev/shm) when it has room for them, else in the system's
    temporary folder. The caller removes it."""
    if parent is None and os.access("/dev/shm", os.W_OK | os.X_OK):
        need = RUN_BYTES_A_BYTE * sum(os.path.getsize(f) for f in files)
        stats = os.statvfs("/dev/shm")
        if stats.f_bavail * stats.f_frsize > need:
            parent = "/dev/shm"
    return tempfile.mkdtemp(prefix="credence-dask-", dir=parent)


def _open_run(run, stack):
    """The run's bytes, or a map of the spool file holding it (the file
    itself closed: a job may have more runs than open files allowed)."""
    if isinstance(run, bytes):
        return run
    try:
        with open(run, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:
                return b""
            return stack.enter_context(mmap.mmap(f.fileno(), 0,
                                                 access=mmap.ACCESS_READ))
    except FileNotFoundError:
        raise OSError(f"{run}: a worker wrote its rows there, which this "
                      "machine does not see (--spool: a folder that every "
                      "worker and the client share)") from None


class _Runs:
    """The runs of results, opened (files mapped) while in a with block:
    .maps, and what merge_runs() numbers ids with: .first_rows (each
    block's rows before it, bad ones too) and .use_ids (every block has
    the id column; else ids are row numbers over all files)."""

    def __init__(self, runs, first_rows, use_ids):
        self.runs, self.first_rows, self.use_ids = runs, first_rows, use_ids

    @classmethod
    def of(cls, results):
        first_rows, row = [], 0
        for result in results:
            first_rows.append(row)
            row += result[1]
        use_ids = bool(results) and all(r[0] for r in results)
        return cls([r[4] for r in results], first_rows, use_ids)

    def __enter__(self):
        self._stack = ExitStack()
        self.maps = [_open_run(r, self._stack) for r in self.runs]
        return self

    def __exit__(self, *error):
        del self.maps
        self._stack.close()
        del self._stack

    def plan(self, parts):
        """plan_parts(): the ranking cut into `parts` ranges."""
        return _credence.plan_parts(self.maps, self.first_rows, self.use_ids,
                                    parts)

    def merge(self, part, fd, offset, top=None):
        """The rows of part (of plan()) written to fd at offset (-1: at its
        position); the bytes written."""
        begins, ends, first_rank, _ = part
        return _credence.merge_runs(self.maps, self.first_rows,
                                    self.use_ids, begins, ends, first_rank,
                                    top or 0, fd, offset)


def write(results, top, out):
    """The ranked rows (no header), the best `top` or all, written to the
    binary file object out: ids from the id column when every block has
    it, else 1-based row numbers over all files."""
    out.flush()
    try:
        fd = out.fileno()
    except (AttributeError, io.UnsupportedOperation):
        fd = None  # not a file (a test's capture): through a spill file
    with _Runs.of(results) as runs:
        part = runs.plan(1)[0]
        if fd is not None:
            runs.merge(part, fd, -1, top)
            return
        with tempfile.TemporaryFile() as spill:
            runs.merge(part, spill.fileno(), -1, top)
            spill.seek(0)
            shutil.copyfileobj(spill, out)


def spooled(results):
    """Whether every block's run is a file in the spool folder."""
    return all(isinstance(r[4], str) for r in results)


def write_part(runs, part, path, offset):
    """Range `part` of the ranking written into the file `path` at offset,
    by a worker; False when the worker does not see the file."""
    if not os.path.exists(path):
        return False
    with runs, open(path, "r+b") as out:
        written = runs.merge(part, out.fileno(), offset)
    if written != part[3]:
        raise OSError(f"{path}: a part of {written} bytes, planned "
                      f"{part[3]}")
    return True


def write_parts(client, results, path, offset):
    """Every ranked row written into the file `path` (already holding
    `offset` bytes: the header) by the workers, in as many ranges of the
    ranking as they have threads, each at its place; a range whose worker
    does not see the file is written here."""
    runs = _Runs.of(results)
    with runs:
        plan = runs.plan(max(1, sum(client.nthreads().values())))
    offsets = [offset]
    for part in plan:
        offsets.append(offsets[-1] + part[3])
    os.truncate(path, offsets[-1])
    done = client.gather(client.compute([
        delayed(write_part)(runs, part, path, at)
        for part, at in zip(plan, offsets)]))
    for part, at, written in zip(plan, offsets, done):
        if not written:
            write_part(runs, part, path, at)
