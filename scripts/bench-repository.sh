#!/bin/sh
# The repository benchmark of BENCHMARKS.md: release build, then ingest throughput on copies of
# the sample DOCX plans, and index build time and query latency on 10,000 plans made by
# varying the reviewed sample plans. Extra arguments go to `vnplan-dev bench-repository`.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product vnplan-dev
exec "$(swift build -c release --show-bin-path)/vnplan-dev" bench-repository samples/*.docx \
    --plans-from samples/expected --copies 400 --plans 10000 --repeat 50 "$@"
