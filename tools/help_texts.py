"""The credence binary's help texts, for the man page and the bash
completion written from them: the commands (from `credence --help`) and
each command's options (from `credence CMD --help`)."""
import re
import subprocess

# An option line of a help text: two spaces, then the option names, then
# two or more spaces (or the line's end) before the description.
_OPTION_LINE = re.compile(r"^  (-\S.*?)(?:\s{2,}|$)")
_COMMAND_LINE = re.compile(r"^  ([a-z]+) ")


def help_text(binary, *command):
    return subprocess.run([binary, *command, "--help"], check=True,
                          capture_output=True, text=True).stdout


def commands(binary):
    """The command names listed under "commands:" in `credence --help`."""
    names, listing = [], False
    for line in help_text(binary).splitlines():
        if line == "commands:":
            listing = True
        elif listing and not line.strip():
            break
        elif listing and _COMMAND_LINE.match(line):
            names.append(_COMMAND_LINE.match(line).group(1))
    return names


def options(text):
    """Every option a help text names, in order of first mention: long
    options anywhere (usage lines, option lines, prose such as eval's
    --gold), short ones in option lines, and --help, which every command
    takes."""
    found = []
    for line in text.splitlines():
        match = _OPTION_LINE.match(line)
        if match:
            found += re.findall(r"(?<![\w-])-[a-zA-Z](?![\w-])", match.group(1))
        found += re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", line)
    found.append("--help")
    return list(dict.fromkeys(found))
