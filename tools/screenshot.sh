#!/usr/bin/env bash
# Regenerates the docs' pictures of the HTML pages as headless Chromium
# draws them (top of each page):
#   docs/html_report.png  `credence score fixtures/sample_article.txt
#                         --format html` (1100x1250), the README's picture;
#   docs/eval_report.png  `credence eval --cues --format html` of the LIAR
#                         and PHEME development sets in ../shared/data
#                         (1100x1400); without them, of
#                         fixtures/eval/labeled.csv.
#
#   bash tools/screenshot.sh [CREDENCE]    # default build/credence
#
# Needs Debian's chromium (apt-get install chromium). Reads only the
# generated files; Chromium runs with a scratch profile and no network.
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

# shoot PAGE.html WIDTHxHEIGHT: the page's top into $work/PAGE.png.
shoot() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --user-data-dir="$work/profile" --no-first-run \
    --disable-background-networking --disable-component-update \
    --hide-scrollbars --window-size="$2" \
    --screenshot="$work/${1%.html}.png" "file://$work/$1" \
    >/dev/null 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    exit 1
  }
}

"$credence" score fixtures/sample_article.txt --format html \
  --output "$work/report.html"
shoot report.html 1100,1250
mv "$work/report.png" docs/html_report.png
echo "wrote docs/html_report.png ($(stat -c %s docs/html_report.png) bytes)"

dev=(../shared/data/liar/liar_dev.csv
  ../shared/data/pheme_veracity/pheme_veracity_dev.csv)
if [ ! -f "${dev[0]}" ] || [ ! -f "${dev[1]}" ]; then
  dev=(fixtures/eval/labeled.csv)
fi
"$credence" eval "${dev[@]}" --cues --format html >"$work/eval.html"
shoot eval.html 1100,1400
mv "$work/eval.png" docs/eval_report.png
echo "wrote docs/eval_report.png ($(stat -c %s docs/eval_report.png) bytes," \
  "of ${dev[*]})"
