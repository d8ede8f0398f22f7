"""python3 -m credence.dask rank FILES...: credence rank on a Dask cluster
(see --help). Usage errors exit 2, bad input or a failed job 1."""
import argparse
import contextlib
import io
import logging
import os
import shutil
import sys
import tempfile

from . import _blocks, _expand, _output, _scorers, rank, read_csv

DESCRIPTION = """\
Ranks the rows of CSV files (paths or globs, read in the order given, each
glob's files sorted) by the confidence of their text, as credence rank
does, on a Dask cluster: same columns, same scores (6 decimals), same
order (equal scores: input order), ids from the id column or 1-based row
numbers over all files. Each file is cut into blocks at line breaks
(--blocksize), one task a block; a worker ranks its blocks with credence
rank's own CSV reader and writer, in C++, into runs in a spool folder
(--spool), and the workers write the output file, each a range of the
ranking at its place. A block boundary may cut a quoted field that holds
a line break: such files need --blocksize none (each file read whole by
one worker).

bad rows: as credence rank reads them (wrong number of fields, a quote
that never closes, text or id not UTF-8, text the scorer refuses...), with
its messages, lines counted in the file. Without --skip-bad-rows the
first bad row in input order stops the job with no output; with it, each
is reported on stderr and left out. stderr ends with "read N rows,
ranked M, rejected K". (--output FOLDER/ reads the files with pandas
instead, whose bad rows differ: see docs/scale-out.md.)

output columns: rank, id, score, backing, cue_category, cue, text (as
credence rank --help describes them). --output FILE appears whole or not
at all; --output FOLDER/ (a trailing slash) is a new folder of
part-00000.csv... each with the header, ranks following across parts,
written by the workers (a folder every worker sees) into FOLDER.partial
and renamed when all are written.

exit codes: 0 ranked; 1 unreadable input, a bad row, a failed job; 2 bad
command line."""


def parse(argv):
    parser = argparse.ArgumentParser(
        prog="python3 -m credence.dask", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ranker = commands.add_parser(
        "rank", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ranker.add_argument("files", nargs="+", metavar="FILE")
    ranker.add_argument("--scheduler", default="local", metavar="ADDRESS",
                        help="a scheduler's address (tcp://host:8786) or "
                        "local: a LocalCluster on this machine (default)")
    ranker.add_argument("--workers", type=int, default=0, metavar="N",
                        help="local: worker processes (default: one a "
                        "core), one thread each")
    ranker.add_argument("--column", "--text-column", dest="column",
                        default="headline", metavar="NAME",
                        help="the text column (default headline)")
    ranker.add_argument("--id-column", default="id", metavar="NAME",
                        help="the id column (default id; without it, ids "
                        "are 1-based row numbers)")
    ranker.add_argument("--top", type=int, metavar="N",
                        help="only the N best rows")
    ranker.add_argument("--output", default="-", metavar="FILE|FOLDER/",
                        help="default: stdout")
    ranker.add_argument("--blocksize", default="8MB", metavar="SIZE|none",
                        help="bytes of CSV a task (default 8MB); none: "
                        "a task per file")
    ranker.add_argument("--skip-bad-rows", action="store_true")
    ranker.add_argument("--spool", metavar="FOLDER",
                        help="where workers leave their ranked blocks to be "
                        "merged: a folder every worker and the client see (default: a new folder in /dev/shm, or "
                        "in the temporary folder when /dev/shm lacks room, "
                        "which workers on this machine see; a worker that "
                        "does not see it, or finds it full, sends its rows "
                        "through Dask)")
    for name in ("--model", "--lexicons", "--overlay"):
        ranker.add_argument(name, help="as for credence rank")
    options = parser.parse_args(argv)
    if options.top is not None and options.top < 1:
        parser.error(f"--top must be at least 1, not {options.top}")
    if options.workers < 0:
        parser.error(f"--workers must be at least 1, not {options.workers}")
    if options.output.endswith("/") and os.path.exists(options.output):
        parser.error(f"{options.output}: exists (a new folder is written)")
    return options


@contextlib.contextmanager
def connect(options):
    """A client of the scheduler, or of a LocalCluster started here; both
    closed at the end (the cluster's workers stopped)."""
    from distributed import Client, LocalCluster
    if options.scheduler != "local":
        with Client(options.scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=options.workers or os.cpu_count(),
                      threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client


def show_progress(futures):
    """Dask's progress bar for futures, on a terminal only."""
    if sys.stderr.isatty():
        from distributed import progress
        progress(futures, file=sys.stderr)
        print(file=sys.stderr)


def write_file(path, write_rows):
    """The header, then write_rows(out, partial) writing the rows into the
    binary file object out (stdout for -, partial None), whole or not at
    all: into a temporary file beside path (partial, the header flushed),
    then renamed."""
    if path == "-":
        sys.stdout.write(_output.HEADER)
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is not None:
            write_rows(out, None)
        else:  # a text stream only (an embedding's): through bytes
            rows = io.BytesIO()
            write_rows(rows, None)
            sys.stdout.write(rows.getvalue().decode("utf-8",
                                                    "surrogateescape"))
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    fd, partial = tempfile.mkstemp(dir=folder, prefix=".credence-dask-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(_output.HEADER.encode())
            out.flush()
            write_rows(out, partial)
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise


def _write_part(text, path):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(_output.HEADER + text)


def write_folder(folder, texts):
    """Each text (Delayed) as FOLDER/part-NNNNN.csv with the header,
    written by the workers into FOLDER.partial, renamed when all are."""
    from dask import compute, delayed
    folder = folder.rstrip("/")
    partial = os.path.abspath(folder + ".partial")
    os.makedirs(partial)
    try:
        compute(*[delayed(_write_part)(text, os.path.join(
            partial, f"part-{i:05d}.csv")) for i, text in enumerate(texts)])
        os.rename(partial, folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def write_ranked(client, results, top, out, partial):
    """Every row by the workers, each range of the ranking at its place in
    the file, when they see the runs and the file; else the best `top` or
    every row merged here and written to out."""
    if partial is not None and top is None and _blocks.spooled(results):
        _blocks.write_parts(client, results, partial, out.tell())
    else:
        _blocks.write(results, top, out)


def rank_blocks(client, options):
    """Workers rank byte ranges of the files into sorted runs; the client
    merges them and writes the rows (the path of a file or stdout)."""
    paths = _scorers.absolute_paths(options.model, options.lexicons,
                                      options.overlay)
    files = _expand(options.files)
    spool = _blocks.spool_folder(options.spool, files)
    try:
        work, owners = _blocks.tasks(
            files, options.column, options.id_column,
            paths, options.top, None if options.blocksize == "none"
            else options.blocksize, spool)
        futures = client.compute(work)
        show_progress(futures)
        results = client.gather(futures)
        del futures
        summary = _blocks.summarize(results, owners, options.skip_bad_rows)
        write_file(options.output, lambda out, partial: write_ranked(
            client, results, options.top, out, partial))
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    return summary


def rank_to_folder(options):
    """Every row into a new folder of parts, written by the workers from
    the pandas path (read_csv and rank)."""
    ddf = read_csv(options.files, blocksize=None
                   if options.blocksize == "none" else options.blocksize)
    ranking, summary = rank(ddf, column=options.column,
                            id_column=options.id_column,
                            model=options.model, lexicons=options.lexicons,
                            overlay=options.overlay,
                            skip_bad_rows=options.skip_bad_rows,
                            summary=True, as_text=True,
                            progress=show_progress)
    write_folder(options.output, ranking)
    return summary


def run(client, options):
    if options.top is None and options.output.endswith("/"):
        return rank_to_folder(options)
    return rank_blocks(client, options)


def main(argv=None):
    options = parse(argv)
    # A connection's last timeout while the client closes is logged by
    # asyncio after the job's end: stderr ends with the summary instead.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        with connect(options) as client:
            summary = run(client, options)
    except (OSError, ValueError) as error:
        print(f"credence.dask: {error}", file=sys.stderr)
        return 1
    for message in summary.messages:
        print(message, file=sys.stderr)
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    code = main()
    # The output is renamed into place, the cluster closed and the client
    # too: skip the interpreter's teardown of Dask's threads (0.1-0.2 s).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
