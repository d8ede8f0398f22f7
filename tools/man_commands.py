"""Writes the help2man include file that puts each command's --help into
the man page, as a COMMANDS section: python3 tools/man_commands.py
CREDENCE OUTPUT (help2man itself reads only `credence --help`)."""
import sys

import help_texts


def roff_literal(text):
    """`text` as roff lines shown as they are: backslashes escaped, and a
    zero-width character before a leading '.' or "'" (a request otherwise)."""
    lines = []
    for line in text.splitlines():
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def main(binary, output):
    parts = ["[COMMANDS]"]
    for name in help_texts.commands(binary):
        parts += [f'.SS "credence {name}"', ".nf",
                  roff_literal(help_texts.help_text(binary, name)), ".fi"]
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
