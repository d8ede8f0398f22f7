#!/usr/bin/env bash
# Quick start, step 1: install what is missing (Debian 12; run as root or
# with sudo), build into build/, and score the bundled sample article with
# the built-in lexicons and model.
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ meson ninja-build pkg-config libeigen3-dev
          libboost-program-options-dev libfccp-dev libgtest-dev
          nlohmann-json3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
fi

[ -f build/build.ninja ] || meson setup build >&2
ninja -C build >&2
build/credence score fixtures/sample_article.txt
