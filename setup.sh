#!/usr/bin/env bash
# Quick start, step 1: install what is missing (Debian 12; run as root or
# with sudo), build the credence binary into build/ (only it: test.sh builds
# the tests), and score the bundled sample article with the built-in
# lexicons and model. The de_DE.UTF-8 locale is generated for the tests that
# check output does not depend on a comma-decimal locale. Running it again
# installs and rebuilds only what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ meson ninja-build pkg-config libeigen3-dev
          libboost-program-options-dev libfccp-dev libgtest-dev
          nlohmann-json3-dev locales help2man pybind11-dev
          python3-pybind11 python3-dev python3-pandas python3-pytest
          python3-dask python3-distributed)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
    missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
fi
if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
  echo "setup: generating the de_DE.UTF-8 locale" >&2
  $sudo sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)$/\1/' /etc/locale.gen
  grep -qx 'de_DE.UTF-8 UTF-8' /etc/locale.gen ||
    echo 'de_DE.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >&2
fi

[ -f build/build.ninja ] || meson setup build >&2
ninja -C build credence >&2
build/credence score fixtures/sample_article.txt
