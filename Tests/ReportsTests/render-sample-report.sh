#!/bin/sh
# Renders the sample report, comparison and charts (synthetic data, Tests/ReportsTests/
# SampleOutputTests.swift, and a real-model run, ModelSampleTests.swift) to PNG with headless
# Chromium, to look at them, and checks that two separate processes write byte-identical
# files. Not run in CI.
#
#   apt-get update && apt-get install -y chromium      # once (Debian package `chromium`)
#   Tests/ReportsTests/render-sample-report.sh [OUTPUT-DIR]   # default /tmp/receptor-sim-sample
set -eu
out="${1:-/tmp/receptor-sim-sample}"
cd "$(dirname "$0")/../.."
swift build --build-tests --quiet
rm -rf "$out" "$out.second"
REPORTS_SAMPLE_DIR="$out" swift test --skip-build --filter SampleOutputTests >/dev/null
REPORTS_SAMPLE_DIR="$out.second" swift test --skip-build --filter SampleOutputTests >/dev/null
for file in "$out"/*; do
    cmp "$file" "$out.second/$(basename "$file")"
done
rm -rf "$out.second"
echo "byte-identical across two processes: $(ls "$out" | tr '\n' ' ')"
# The real model on two teaching scenarios (not compared byte for byte: the report includes
# the solver's wall time).
REPORTS_SAMPLE_DIR="$out" swift test --skip-build --filter ModelSampleTests >/dev/null
shot() { # file width height
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out/${1%.*}-${1##*.}.png" \
        --window-size="$2,$3" "file://$out/$1" 2>/dev/null
}
shot sample-report.html 1200 1600
shot sample-compare.html 1200 1600
shot sample-plot.svg 960 1280
shot sample-compare.svg 960 1800
shot model-report.html 1200 1600
shot model-compare.html 1200 1900
shot model-zoom.svg 960 800
ls -l "$out"/*.png
