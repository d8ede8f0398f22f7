"""Writes the bash completion of credence from the binary's help texts:
python3 tools/write_completion.py CREDENCE OUTPUT."""
import sys

import help_texts

TEMPLATE = """# bash completion for credence; written from its help texts by
# tools/write_completion.py.
_credence() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}}
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W "{commands} --help --version" -- "$cur"))
    return
  fi
  local words
  case ${{COMP_WORDS[1]}} in
{cases}
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _credence credence
"""


def main(binary, output):
    names = help_texts.commands(binary)
    cases = "\n".join(
        f'    {name}) words="{" ".join(help_texts.options(help_texts.help_text(binary, name)))}" ;;'
        for name in names)
    text = TEMPLATE.format(commands=" ".join(names), cases=cases)
    with open(output, "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:])
