#!/usr/bin/env bash
# DOCX conversion throughput: vnplan (release build) next to pandoc -f docx -t json on the
# same files in the same run. Usage: scripts/benchmark-docx.sh [REPEAT]
# The real documents are read from $VNPLAN_SHARED/realdocs (default ../shared) when present.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-20}
files=(samples/*.docx)
shared=${VNPLAN_SHARED:-../shared}
[ -d "$shared/realdocs" ] && files+=("$shared"/realdocs/*.docx)

swift build -c release >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "files: ${#files[@]}, each converted $repeat times, one at a time"
echo
echo "== vnplan convert (DOCX → canonical plan JSON)"
.build/release/vnplan-dev bench-convert -n "$repeat" "${files[@]}"
echo
echo "== vnplan convert FILE, one process per file (as a shell loop would run it)"
python3 - "$repeat" "${files[@]}" <<'PY'
import resource, subprocess, sys, time
repeat, files = int(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
for _ in range(repeat):
    for f in files:
        subprocess.run([".build/release/vnplan", "convert", f], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
print(f"documents/s:      {len(files) * repeat / elapsed:.1f}")
print(f"peak memory:      {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f} MB (largest process)")
PY
echo
echo "== pandoc -f docx -t json ($(pandoc --version | head -1))"
python3 - "$repeat" "${files[@]}" <<'PY'
import resource, subprocess, sys, time
repeat, files = int(sys.argv[1]), sys.argv[2:]
size = sum(len(open(f, "rb").read()) for f in files)
start = time.perf_counter()
for _ in range(repeat):
    for f in files:
        subprocess.run(["pandoc", "-f", "docx", "-t", "json", f], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"documents/s:      {len(files) * repeat / elapsed:.1f}")
print(f"MB/s:             {size * repeat / 1048576 / elapsed:.2f}")
print(f"peak memory:      {peak:.1f} MB (largest pandoc process)")
PY
