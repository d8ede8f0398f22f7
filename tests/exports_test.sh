#!/usr/bin/env bash
# The shared library exports the public API of include/credence/credence.h
# and nothing of the engine: every defined dynamic symbol named in the
# credence namespace is in credence::api (std:: instantiations over public
# types may appear too). Fails listing the first internal symbols found, or
# when the API itself is missing.
# Usage: exports_test.sh LIBRARY
set -euo pipefail
lib=$1
fail() { echo "exports_test: $*" >&2; exit 1; }
symbols=$(nm -D --defined-only "$lib" | awk '{print $3}' | c++filt)
[ -n "$symbols" ] || fail "$lib exports nothing"
# The name itself, after a "vtable for "-like prefix, not a template
# argument: "credence::Scorer::..." is internal, "std::vector<credence::
# api::Cue>" is not.
internal=$(printf '%s\n' "$symbols" |
  sed -E 's/^(vtable|typeinfo|typeinfo name|VTT|guard variable) for //' |
  grep -E '^credence::' | grep -vE '^credence::api::' || true)
if [ -n "$internal" ]; then
  fail "$lib exports internal symbols (mark the API CREDENCE_API, build \
hidden): $(printf '%s\n' "$internal" | head -5 | tr '\n' ';')"
fi
for api in 'credence::api::Version()' 'credence::api::Scorer::Scorer(' \
           'typeinfo for credence::api::TextError'; do
  # A here-string, not a pipe: grep -q stops at the first match, and the
  # writer of a long list would then die of SIGPIPE (a failure under
  # pipefail).
  grep -qF -- "$api" <<<"$symbols" || fail "$lib does not export $api"
done
echo "exports_test: ok ($(printf '%s\n' "$symbols" | grep -c 'credence::api::') API symbols)"
