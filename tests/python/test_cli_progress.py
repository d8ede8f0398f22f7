"""Progress on a terminal: rank and batch score show a percentage and the
time left on a terminal's stderr when the input's size is known, a rate
when it is not, and nothing of it when stderr is not a terminal."""
import json
import os
import pty
import re
import subprocess


def run_with_terminal(args, stdin=None):
    """Runs `args` with stderr on a pseudo-terminal: (exit code, stderr)."""
    master, slave = pty.openpty()
    try:
        done = subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL,
                              stderr=slave, timeout=300)
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return done.returncode, b"".join(chunks).decode()


def headlines(path, rows):
    with open(path, "w") as f:
        f.write("id,headline\n")
        for i in range(rows):
            f.write(f"{i},Police confirmed the arrest of suspect {i}\n")


def test_rank_shows_percentage_and_time_left(binary, tmp_path):
    csv = tmp_path / "h.csv"
    headlines(csv, 10000)
    code, err = run_with_terminal([binary, "rank", str(csv), "--output",
                                   str(tmp_path / "out.csv")])
    assert code == 0, err
    # The first batch (4096 rows) is shown at once, then a few a second.
    assert re.search(r"\rread 4096 rows \(\d+%, \d+s left\)\x1b\[K", err), err
    assert err.endswith("\r\nread 10000 rows, ranked 10000, rejected 0\r\n")


def test_rank_of_standard_input_shows_a_rate(binary, tmp_path):
    csv = tmp_path / "h.csv"
    headlines(csv, 10000)
    code, err = run_with_terminal([binary, "rank", "-"],
                                  stdin=csv.read_bytes())
    assert code == 0, err
    assert re.search(r"\rread 4096 rows \(\d+ rows/s\)\x1b\[K", err), err
    assert "%" not in err


def test_no_progress_without_a_terminal(binary, tmp_path):
    csv = tmp_path / "h.csv"
    headlines(csv, 10000)
    done = subprocess.run([binary, "rank", str(csv), "--output",
                           str(tmp_path / "out.csv")], capture_output=True)
    assert done.returncode == 0
    assert done.stderr == b"read 10000 rows, ranked 10000, rejected 0\n"


def test_batch_score_shows_percentage_and_time_left(binary, tmp_path):
    lines = tmp_path / "a.jsonl"
    with open(lines, "w") as f:
        for i in range(200):
            f.write(json.dumps({"id": str(i), "text": "Kim may visit.\n"
                                "The ministry confirmed it."}) + "\n")
    code, err = run_with_terminal([binary, "score", "--jsonl", str(lines),
                                   "--format", "brief", "--output",
                                   str(tmp_path / "out.jsonl")])
    assert code == 0, err
    assert re.search(r"\rscored \d+ articles \(\d+%, \d+s left\)", err), err
