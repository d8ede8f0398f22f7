"""The README's Python example runs as written."""
import contextlib
import io

from conftest import SOURCE


def readme_python_example():
    """The indented code of the README's "## Python" section."""
    text = (SOURCE / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    lines, started = [], False
    for line in section.splitlines():
        if line.startswith("    "):
            started = True
            lines.append(line[4:])
        elif started and line.strip():
            break
        elif started:
            lines.append("")
    return "\n".join(lines)


def test_readme_python_example_runs():
    code = readme_python_example()
    assert "credence.rank_frame" in code
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    assert printed[0] == "0.3348223521686261"
    assert printed[1].split()[1:] == ["institution", "may"]
    assert "cue_category" in printed[2]
