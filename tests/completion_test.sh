#!/usr/bin/env bash
# The bash completion offers every command of `credence --help` and, after
# `credence CMD -`, every option `credence CMD --help` lists: in its option
# lines ("  --format text|json  ...") and its usage lines ("[--cues]").
# Usage: completion_test.sh CREDENCE COMPLETION_FILE
set -euo pipefail
credence=$1
# shellcheck source=/dev/null
source "$2"
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _credence
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
status=0
commands=$("$credence" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
[ -n "$commands" ] || { echo "no commands in credence --help" >&2; exit 1; }
commands_offered=$(complete_words credence "")
for command in $commands; do
  grep -qx "$command" <<<"$commands_offered" ||
    { echo "command $command not completed" >&2; status=1; }
  # The option column of each option line (the text before two spaces),
  # and each bracketed option of the usage lines.
  help=$("$credence" "$command" --help)
  options=$({
    grep -E '^  -' <<<"$help" | sed -E 's/^  //; s/  .*//' |
      grep -oE -- '(^|[ ,])--?[a-z][a-z0-9-]*' | sed -E 's/^[ ,]//'
    grep -oE -- '\[--[a-z][a-z0-9-]*' <<<"$help" | tr -d '['
  } | sort -u)
  [ -n "$options" ] || { echo "no options in $command --help" >&2; status=1; }
  offered=$(complete_words credence "$command" -)
  for option in $options; do
    grep -qx -- "$option" <<<"$offered" ||
      { echo "credence $command $option not completed" >&2; status=1; }
  done
done
exit $status
