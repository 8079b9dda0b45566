#!/bin/sh
# The isolation benchmark of BENCHMARKS.md: release build, then `vnplan-dev bench-ingest` (a batch of
# copies of the sample DOCX ingested with worker processes and in one process, alternating),
# then the same copies converted by one `vnplan convert` process per document through
# `xargs -P`, which is how one would isolate documents without the workers.
# Usage: scripts/bench-ingest.sh [jobs] [copies]
set -eu
cd "$(dirname "$0")/.."
jobs=${1:-2}
copies=${2:-300}
swift build -c release --product vnplan
swift build -c release --product vnplan-dev
vnplan="$(swift build -c release --show-bin-path)/vnplan"
work="${TMPDIR:-/tmp}/vnplan-bench-ingest"
"$vnplan-dev" bench-ingest samples/*.docx --copies "$copies" --jobs "$jobs" --rounds 3 --work "$work"
start=$(date +%s.%N)
ls "$work"/input/*.docx | xargs -P "$jobs" -I{} "$vnplan" convert {} > /dev/null
end=$(date +%s.%N)
echo "one vnplan convert process per document, xargs -P $jobs: $(echo "$copies / ($end - $start)" | bc -l | cut -c1-5) documents/s"
