#!/usr/bin/env bash
# Regenerates docs/html_report.png, the README's picture of the HTML
# report: the page of `credence score fixtures/sample_article.txt --format
# html` as headless Chromium draws it (top of the page, 1100x1250).
#
#   bash tools/screenshot.sh [CREDENCE]    # default build/credence
#
# Needs Debian's chromium (apt-get install chromium). Reads only the
# generated file; Chromium runs with a scratch profile and no network.
set -euo pipefail
cd "$(dirname "$0")/.."
credence=${1:-build/credence}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "screenshot.sh: chromium not found (apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$credence" score fixtures/sample_article.txt --format html \
  --output "$work/report.html"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
  --user-data-dir="$work/profile" --no-first-run \
  --disable-background-networking --disable-component-update \
  --hide-scrollbars --window-size=1100,1250 \
  --screenshot="$work/report.png" "file://$work/report.html" \
  >/dev/null 2>"$work/chromium.log" || {
  cat "$work/chromium.log" >&2
  exit 1
}
mv "$work/report.png" docs/html_report.png
echo "wrote docs/html_report.png ($(stat -c %s docs/html_report.png) bytes)"
