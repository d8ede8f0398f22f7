"""credence.dask on a LocalCluster of 2 worker processes (loopback, one
thread each): score_frame equals Scorer, rank (full and top N) and the
command line equal credence rank byte for byte on a 200k-row corpus, bad
rows are counted, and a worker killed mid-job changes nothing."""
import errno
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

import pandas as pd
import pytest

import headlines

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.dataframe  # noqa: E402
import credence  # noqa: E402
import credence.dask as cd  # noqa: E402
from credence.dask import _blocks, _output, _partition  # noqa: E402
from credence.dask.__main__ import main, parse  # noqa: E402

ROWS = 200_000


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None)
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two files of 100k rows without ids, their concatenation (one file
    for credence rank), and the same with ids."""
    folder = tmp_path_factory.mktemp("corpus")
    half = ROWS // 2
    headlines.write(folder / "a.csv", half, ids=False, seed=1)
    headlines.write(folder / "b.csv", half, ids=False, seed=2)
    with open(folder / "all.csv", "w", encoding="utf-8") as out:
        out.write((folder / "a.csv").read_text(encoding="utf-8"))
        out.write((folder / "b.csv").read_text(encoding="utf-8")
                  .split("\n", 1)[1])
    headlines.write(folder / "ids.csv", ROWS, ids=True, seed=3)
    headlines.write(folder / "small.csv", 20_000, ids=True, seed=4)
    return folder


_RANKED = {}


def credence_rank(binary, path, *options):
    """credence rank's output, run once for each path and options."""
    key = (str(path),) + options
    if key not in _RANKED:
        _RANKED[key] = subprocess.run([binary, "rank", str(path), *options],
                                      capture_output=True, check=True).stdout
    return _RANKED[key]


def ranked_bytes(ranking):
    frame = ranking if isinstance(ranking, pd.DataFrame) else \
        ranking.compute()
    return (_output.HEADER + _partition.csv_text(frame)).encode()


def test_score_frame_equals_scorer(client):
    texts = list(headlines.rows(500, seed=4))
    ddf = dask.dataframe.from_pandas(pd.DataFrame({"headline": texts}),
                                     npartitions=3)
    scored = cd.score_frame(ddf).compute()
    expected = credence.Scorer().score_many(texts, brief=True)
    assert scored.to_dict("records") == [
        {"headline": t, **e} for t, e in zip(texts, expected)]


def test_score_frame_full_reports(client):
    ddf = dask.dataframe.from_pandas(
        pd.DataFrame({"title": ["Rain\nOfficials said it may rain."]}),
        npartitions=1)
    scored = cd.score_frame(ddf, column="title", brief=False).compute()
    assert scored["report"][0] == credence.score(
        "Rain\nOfficials said it may rain.")


def test_full_rank_with_ids_equals_credence_rank(client, corpus, binary):
    ddf = cd.read_csv(corpus / "ids.csv", blocksize="2MB")
    ranking = cd.rank(ddf, partitions=5)
    assert ranking.npartitions <= 5
    assert ranked_bytes(ranking) == credence_rank(binary, corpus / "ids.csv")


@pytest.mark.parametrize("files, name, top", [
    (["small.csv"], "small.csv", 7),
    (["a.csv", "b.csv"], "all.csv", 1000),
])
def test_top_equals_credence_rank(client, corpus, binary, files, name, top):
    ddf = cd.read_csv([corpus / f for f in files], blocksize="200kB")
    assert ddf.npartitions > 2
    assert ranked_bytes(cd.rank(ddf, top=top)) == credence_rank(
        binary, corpus / name, "--top", str(top))


def cli(*args):
    """python3 -m credence.dask in a process of its own."""
    return subprocess.run([sys.executable, "-m", "credence.dask", *args],
                          capture_output=True, text=True, env=os.environ)


def main_here(capsys, *args):
    """(exit code, stdout, stderr) of the command line's main(), run in
    this process to spare starting Python and Dask again."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_to_file_and_folder(client, corpus, binary, tmp_path, capsys):
    files = [str(corpus / "a.csv"), str(corpus / "b.csv")]
    expected = credence_rank(binary, corpus / "all.csv")
    done = cli("rank", *files, "--scheduler", client.scheduler.address,
               "--blocksize", "2MB", "--output", str(tmp_path / "out.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith(
        f"read {ROWS} rows, ranked {ROWS}, rejected 0\n")
    assert (tmp_path / "out.csv").read_bytes() == expected
    code, _, err = main_here(
        capsys, "rank", str(corpus / "sm*.csv"), "--scheduler",
        client.scheduler.address, "--blocksize", "200kB", "--output",
        str(tmp_path / "parts") + "/")
    assert code == 0, err
    parts = sorted((tmp_path / "parts").iterdir())
    assert len(parts) > 1
    joined = b"".join(p.read_bytes().split(b"\n", 1)[1] for p in parts)
    assert parts[0].read_bytes().split(b"\n", 1)[0] + b"\n" + joined == \
        credence_rank(binary, corpus / "small.csv")


def test_cli_top_to_stdout(client, corpus, binary, capsys):
    code, out, err = main_here(
        capsys, "rank", str(corpus / "small.csv"), "--scheduler",
        client.scheduler.address, "--top", "5", "--column", "headline")
    assert code == 0, err
    assert out.encode() == credence_rank(
        binary, corpus / "small.csv", "--top", "5")


BAD = (b"id,headline\n1,a b\n2,b,c\n3,\xff bad\n4,fine\n"
       b"5,\"He said \"\"no\"\"\"\n")


def credence_rank_run(binary, path, *options):
    """credence rank's (exit code, stdout, stderr) on path, run in path's
    folder so that messages name it as the command line was given it."""
    done = subprocess.run([binary, "rank", path.name, *options],
                          capture_output=True, cwd=path.parent)
    return done.returncode, done.stdout, done.stderr.decode()


def test_cli_skips_and_counts_bad_rows(client, tmp_path, binary, capsys,
                                       monkeypatch):
    (tmp_path / "bad.csv").write_bytes(BAD)
    binary = os.path.abspath(binary)
    monkeypatch.chdir(tmp_path)
    code, out, err = main_here(
        capsys, "rank", "bad.csv", "--scheduler", client.scheduler.address,
        "--skip-bad-rows")
    assert code == 0, err
    assert err.splitlines() == [
        "bad.csv:3: row has 3 fields, the header has 2 (quote fields that "
        "hold commas)",
        "bad.csv:4: invalid UTF-8 in column 'headline' (save the file as "
        "UTF-8)",
        "read 5 rows, ranked 3, rejected 2"]
    assert (0, out.encode(), err) == credence_rank_run(
        binary, tmp_path / "bad.csv", "--skip-bad-rows")


def test_cli_bad_rows_in_later_blocks_as_credence_rank(
        client, corpus, binary, tmp_path, capsys, monkeypatch):
    """Bad rows in the 2nd.. blocks of a file: the same line numbers, the
    same rows left out, the same output as credence rank."""
    lines = (corpus / "ids.csv").read_bytes().split(b"\n")
    for at, row in ((150_000, b'x3,"opens, never closes'),
                    (90_000, b"x2,\xfe\xff"), (40_000, b"x1,too,many")):
        lines.insert(at, row)
    (tmp_path / "bad.csv").write_bytes(b"\n".join(lines))
    binary = os.path.abspath(binary)
    monkeypatch.chdir(tmp_path)
    code, out, err = main_here(
        capsys, "rank", "bad.csv", "--scheduler", client.scheduler.address,
        "--skip-bad-rows", "--blocksize", "500kB")
    assert err.splitlines()[0].startswith("bad.csv:40001: row has 3 fields")
    assert (code, out.encode(), err) == credence_rank_run(
        binary, tmp_path / "bad.csv", "--skip-bad-rows")


def test_cli_quoted_line_breaks_whole_files(client, binary, tmp_path, capsys,
                                            monkeypatch):
    """--blocksize none reads each file whole: quoted line breaks stay in
    their fields, as credence rank reads them."""
    rows = "".join(f'{i},"line one\nline {i}, ""two"""\n' if i % 3 else
                   f"{i},Police said it may rain {i}\n" for i in range(50))
    (tmp_path / "q.csv").write_text("id,headline\n" + rows)
    binary = os.path.abspath(binary)
    monkeypatch.chdir(tmp_path)
    code, out, err = main_here(
        capsys, "rank", "q.csv", "--scheduler", client.scheduler.address,
        "--blocksize", "none")
    assert (code, err) == (0, "read 50 rows, ranked 50, rejected 0\n")
    assert out.encode() == credence_rank(binary, tmp_path / "q.csv")


def test_cli_bad_row_stops_without_output(client, tmp_path, capsys):
    (tmp_path / "bad.csv").write_bytes(BAD)
    code, out, err = main_here(
        capsys, "rank", str(tmp_path / "bad.csv"), "--scheduler",
        client.scheduler.address, "--output", str(tmp_path / "o.csv"))
    assert (code, out) == (1, "")
    assert err == (f"credence.dask: {tmp_path}/bad.csv:3: row has 3 fields, "
                   "the header has 2 (quote fields that hold commas) "
                   "(--skip-bad-rows skips and counts bad rows)\n")
    assert os.listdir(tmp_path) == ["bad.csv"]


@pytest.mark.parametrize("args, message", [
    (["rank", "x.csv", "--top", "0"], "--top must be at least 1, not 0"),
    (["rank", "x.csv", "--workers", "-1"],
     "--workers must be at least 1, not -1"),
    (["rank"], "the following arguments are required: FILE"),
    (["score", "x.csv"], "invalid choice: 'score'"),
    (["rank", "x.csv", "--output", "/"], "/: exists (a new folder"),
])
def test_usage_errors_exit_2(args, message, capsys):
    with pytest.raises(SystemExit) as exit:
        parse(args)
    assert exit.value.code == 2
    assert message in capsys.readouterr().err


def test_refused_text_is_a_bad_row(client):
    ddf = dask.dataframe.from_pandas(
        pd.DataFrame({"headline": ["ok", "zero\x01\x00x", "fine"]}),
        npartitions=1)
    ranking, summary = cd.rank(ddf, skip_bad_rows=True, summary=True)
    assert sorted(ranking.compute()["id"]) == ["1", "3"]
    assert str(summary) == "read 3 rows, ranked 2, rejected 1"
    with pytest.raises(ValueError, match="NUL byte"):
        cd.rank(ddf)


def test_score_articles(client, fixtures, tmp_path):
    article = (fixtures / "sample_article.txt").read_text(encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(
        '{"id": "x", "text": "Rain\\nIt may rain."}\n', encoding="utf-8")
    reports = cd.score_articles(
        [fixtures / "sample_article.txt", tmp_path / "a.jsonl"]).compute()
    assert reports == [
        {"path": str(fixtures / "sample_article.txt"),
         **credence.score(article)},
        {"id": "x", **credence.score("Rain\nIt may rain.")}]
    bag = dask.bag.from_sequence(["Rain\nIt may rain."], npartitions=1)
    assert cd.score_articles(bag).compute() == [
        credence.score("Rain\nIt may rain.")]


@pytest.mark.parametrize("values, fields", [
    ([], []),
    (["plain", ""], ["plain", ""]),
    (["a,b", "x"], ['"a,b"', "x"]),
    (['65" TV'], ['"65"" TV"']),
    (["two\nlines", "cr\r", "é"], ['"two\nlines"', '"cr\r"', "é"]),
    (["", ",", ""], ["", '","', ""]),
])
def test_csv_fields_quote_as_credence_rank(values, fields):
    assert _partition.csv_fields(values) == fields


def test_csv_text_rows():
    ranked = pd.DataFrame({
        "rank": [1, 2], "id": ["a,1", "7"], "score": [0.5, 0.0000005],
        "backing": ["named", "none"], "cue_category": ["hedge", ""],
        "cue": ["may", ""], "text": ['He said "may"', "x"]})
    assert _partition.csv_text(ranked) == (
        '1,"a,1",0.500000,named,hedge,may,"He said ""may"""\n'
        "2,7,0.000000,none,,,x\n")


def test_read_block_keeps_a_long_row_in_place():
    df = _partition.read_block(
        io.BytesIO(b"id,headline\n1,a\n2,b,c\n3,d\n"), dtype=str,
        keep_default_na=False, on_bad_lines="warn")
    assert df.to_dict("list") == {
        "id": ["1", "", "3"], "headline": ["a", "", "d"],
        _partition.BAD: ["", "line 3 of its block: expected 2 fields, "
                         "saw 3", ""]}


def kill_one_worker_while_busy(client, killed):
    """Waits until the scheduler has tasks running, then kills one worker
    process (SIGKILL; its nanny starts another)."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if any(client.processing().values()):
            os.kill(next(iter(pids.values())), signal.SIGKILL)
            killed.append(True)
            return
        time.sleep(0.01)


def test_worker_killed_mid_job_changes_nothing(client, corpus, binary):
    ddf = cd.read_csv([corpus / "a.csv", corpus / "b.csv"], blocksize="1MB")
    before = set(client.run(os.getpid).values())
    killed = []
    killer = threading.Thread(target=kill_one_worker_while_busy,
                              args=(client, killed))
    killer.start()
    ranking = ranked_bytes(cd.rank(ddf))
    killer.join()
    assert killed == [True]
    client.wait_for_workers(2, timeout=30)
    assert set(client.run(os.getpid).values()) != before
    assert ranking == credence_rank(binary, corpus / "all.csv")


def test_worker_killed_mid_cli_job_changes_nothing(client, corpus, binary,
                                                   tmp_path, capsys):
    """The command line's blocks: a killed worker's are ranked again."""
    before = set(client.run(os.getpid).values())
    killed = []
    killer = threading.Thread(target=kill_one_worker_while_busy,
                              args=(client, killed))
    killer.start()
    code, _, err = main_here(
        capsys, "rank", str(corpus / "a.csv"), str(corpus / "b.csv"),
        "--scheduler", client.scheduler.address, "--blocksize", "100kB",
        "--output", str(tmp_path / "out.csv"))
    killer.join()
    assert (code, killed) == (0, [True]), err
    client.wait_for_workers(2, timeout=30)
    assert set(client.run(os.getpid).values()) != before
    assert (tmp_path / "out.csv").read_bytes() == credence_rank(
        binary, corpus / "all.csv")


# The command line's runs: each block's rows sorted into a run, the runs
# merged into the ranking whole or in ranges written at their places.

TIED = ["Officials confirmed the plan", "The plan may be delayed, sources "
        "say", "A post claims the plan is off", "Plan approved",
        "Reportedly, the plan failed"]


def tied_csv(path, rows, ids):
    """rows cycling through five headlines (every score tied with many
    rows in other blocks), with ids or without."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("id,headline\n" if ids else "headline\n")
        for i in range(rows):
            text = TIED[i % len(TIED)]
            out.write(f"r{i},\"{text}\"\n" if ids else f"\"{text}\"\n")


def ranked_runs(path, spool, blocksize=700):
    """rank_block() of each block of path, as the command line's workers
    give them."""
    return [_blocks.rank_block((str(path), str(path)), offset, length,
                               "headline", "id", (None, None, None), None, 1,
                               spool, f"run-{i:06d}")
            for i, (offset, length) in enumerate(
                _blocks._ranges(str(path), blocksize))]


@pytest.mark.parametrize("ids", [True, False])
@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_ranges_written_at_their_places_are_credence_rank(
        tmp_path, binary, ids, parts):
    tied_csv(tmp_path / "tied.csv", 400, ids)
    spool = tmp_path / "spool"
    spool.mkdir()
    results = ranked_runs(tmp_path / "tied.csv", str(spool))
    assert len(results) > 10 and _blocks.spooled(results)
    runs = _blocks._Runs.of(results)
    with runs:
        plan = runs.plan(parts)
    # 400 rows sampled whole: the cuts fall at rows 400 * p / parts of
    # the ranking, ties or not.
    sizes = [400 * (p + 1) // parts - 400 * p // parts for p in range(parts)]
    assert [sum(e - b for b, e in zip(p[0], p[1])) for p in plan] == sizes
    assert [p[2] for p in plan] == [1 + sum(sizes[:p]) for p in range(parts)]
    out = tmp_path / "out.csv"
    header = _output.HEADER.encode()
    out.write_bytes(header)
    os.truncate(out, len(header) + sum(p[3] for p in plan))
    offsets = [len(header)]
    for part in plan:
        offsets.append(offsets[-1] + part[3])
    for part, at in reversed(list(zip(plan, offsets))):
        assert _blocks.write_part(runs, part, str(out), at)
    assert out.read_bytes() == credence_rank(binary, tmp_path / "tied.csv")


def test_a_part_whose_file_a_worker_cannot_see(tmp_path):
    tied_csv(tmp_path / "tied.csv", 50, True)
    results = ranked_runs(tmp_path / "tied.csv", str(tmp_path))
    runs = _blocks._Runs.of(results)
    with runs:
        part = runs.plan(1)[0]
    assert not _blocks.write_part(runs, part, str(tmp_path / "gone.csv"), 0)


def test_runs_come_as_bytes_from_a_worker_without_the_spool(
        tmp_path, binary):
    tied_csv(tmp_path / "tied.csv", 100, False)
    results = ranked_runs(tmp_path / "tied.csv", str(tmp_path / "nowhere"))
    assert all(isinstance(r[4], bytes) for r in results)
    assert not _blocks.spooled(results)
    out = io.BytesIO()
    _blocks.write(results, 7, out)
    expected = credence_rank(binary, tmp_path / "tied.csv", "--top", "7")
    assert _output.HEADER.encode() + out.getvalue() == expected


def test_a_full_spool_sends_the_run_as_bytes(tmp_path, monkeypatch):
    def full(path, mode):
        handle = open(path, mode)
        handle.close()
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(_blocks, "open", full, raising=False)
    run = _blocks._spool_run(b"run", str(tmp_path), "run-000000")
    assert run == b"run" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("cut, message", [
    (lambda run: run[:4], "run 0: shorter than its row count"),
    (lambda run: run[:-1], "run 0: wrong size"),
    (lambda run: (10 ** 9).to_bytes(8, "little") + run[8:],
     "run 0: shorter than its arrays"),
])
def test_a_damaged_run_is_refused(tmp_path, cut, message):
    tied_csv(tmp_path / "tied.csv", 20, True)
    result = ranked_runs(tmp_path / "tied.csv", None, blocksize=None)[0]
    damaged = result[:4] + (cut(result[4]),)
    with pytest.raises(ValueError, match=message):
        _blocks.write([damaged], None, io.BytesIO())


def test_cli_spool_folder(client, corpus, binary, tmp_path, capsys):
    spool = tmp_path / "spool"
    spool.mkdir()
    code, _, err = main_here(
        capsys, "rank", str(corpus / "ids.csv"), "--scheduler",
        client.scheduler.address, "--blocksize", "1MB", "--spool",
        str(spool), "--output", str(tmp_path / "out.csv"))
    assert code == 0, err
    assert (tmp_path / "out.csv").read_bytes() == credence_rank(
        binary, corpus / "ids.csv")
    assert list(spool.iterdir()) == []
    code, _, err = main_here(
        capsys, "rank", str(corpus / "ids.csv"), "--scheduler",
        client.scheduler.address, "--spool", str(tmp_path / "missing"),
        "--output", str(tmp_path / "again.csv"))
    assert (code, err.startswith("credence.dask: [Errno 2]")) == (1, True)
    assert str(tmp_path / "missing") in err
    assert not (tmp_path / "again.csv").exists()


def test_the_spool_folder_is_in_memory_when_it_has_room(tmp_path,
                                                         monkeypatch):
    (tmp_path / "in.csv").write_bytes(b"headline\n" + b"x" * 1000)
    given = _blocks.spool_folder(str(tmp_path), [str(tmp_path / "in.csv")])
    assert os.path.dirname(given) == str(tmp_path)
    if not os.access("/dev/shm", os.W_OK | os.X_OK):
        pytest.skip("no /dev/shm to write in")

    class Room:
        def __init__(self, blocks):
            self.f_bavail, self.f_frsize = blocks, 1

    # The runs need room for 3 bytes a byte of input: 3 x 1009.
    for room, parent in ((3028, "/dev/shm"),
                         (3027, tempfile.gettempdir())):
        monkeypatch.setattr(_blocks.os, "statvfs", lambda _: Room(room))
        folder = _blocks.spool_folder(None, [str(tmp_path / "in.csv")])
        os.rmdir(folder)
        assert os.path.dirname(folder) == parent


def test_cli_to_a_text_only_stdout(client, corpus, binary, monkeypatch):
    """stdout replaced by a text stream without .buffer (an embedding's)
    still gets credence rank's rows."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["rank", str(corpus / "small.csv"), "--scheduler",
                 client.scheduler.address, "--top", "3"]) == 0
    assert out.getvalue().encode() == credence_rank(
        binary, corpus / "small.csv", "--top", "3")
