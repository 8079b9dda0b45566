#!/usr/bin/env bash
# OCR of a 6-page scan: the whole vnplan pipeline (release build) next to pdftoppm + the
# tesseract CLI on one thread, on the same pages in the same run; wall time, processor time
# per page and peak memory of each. The scan is the real resolution ../shared/realdocs/NQ-19…
# (200 dpi, bilevel), rendered at 300 dpi into a grey 6-page TIFF so that both read the very
# same pixels. vnplan is also timed on one core (taskset) for its parallel speed-up.
# Usage: scripts/benchmark-ocr.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
shared=${VNPLAN_SHARED:-../shared}
scan="$shared/realdocs/NQ-19-2026-NQ-CP.pages1-6.scan.pdf"
[ -f "$scan" ] || { echo "benchmark-ocr: $scan is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
pdftoppm -r 300 -gray "$scan" "$work/page"
python3 - "$work" <<'PY'
import glob, sys
from PIL import Image
pages = [Image.open(p) for p in sorted(glob.glob(sys.argv[1] + "/page-*.pgm"))]
pages[0].save(sys.argv[1] + "/scan.tif", save_all=True, append_images=pages[1:], dpi=(300, 300), compression="tiff_lzw")
PY
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); tesseract $(tesseract --version 2>&1 | head -1 | cut -d' ' -f2)"
measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1
    read -r wall user sys peak < "$work/time"
    printf "%-58s wall %6.2f s   processor %6.2f s (%.2f s/page)   peak %4.0f MB\n" "$label" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "($user + $sys) / 6" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
}
for run in $(seq "$runs"); do
    echo "== run $run"
    measure "vnplan convert scan.tif (2 cores)" .build/release/vnplan convert "$work/scan.tif"
    measure "vnplan convert scan.tif (taskset: 1 core)" taskset -c 0 .build/release/vnplan convert "$work/scan.tif"
    measure "vnplan convert NQ-19…scan.pdf (2 cores)" .build/release/vnplan convert "$scan"
    measure "vnplan convert NQ-19…scan.pdf (taskset: 1 core)" taskset -c 0 .build/release/vnplan convert "$scan"
    measure "pdftoppm -r 300 -gray + tesseract -l vie, one thread" bash -c \
        "pdftoppm -r 300 -gray '$scan' '$work/cli' && for p in '$work'/cli-*.pgm; do OMP_THREAD_LIMIT=1 tesseract \"\$p\" - -l vie; done"
done
