#!/usr/bin/env bash
# Plan conversion throughput, release build, next to the tools a user would otherwise run, on
# the same files in the same run: vnplan against `pandoc -f docx -t json` (one process per
# file, and vnplan in one process), and the text reader against `wc` on the seed texts.
# Usage: scripts/benchmark-docx.sh [REPEAT]
# Files: samples/*.docx; the seed texts of $VNPLAN_SHARED/seeds (default ../shared) rendered
# as DOCX by scripts/seeds-to-docx.py (LibreOffice); $VNPLAN_SHARED/realdocs/*.docx.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-10}
shared=${VNPLAN_SHARED:-../shared}

swift build -c release --product vnplan >/dev/null
swift build -c release --product vnplan-dev >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=(samples/*.docx)
if [ -d "$shared/seeds" ] && command -v soffice >/dev/null; then
  python3 scripts/seeds-to-docx.py "$bin/vnplan" "$shared/seeds" "$work/seeds" >/dev/null
  files+=("$work"/seeds/*.docx)
fi
[ -d "$shared/realdocs" ] && files+=("$shared"/realdocs/*.docx)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "files: ${#files[@]} ($(du -cb "${files[@]}" | tail -1 | cut -f1) bytes), each converted $repeat times"
echo
echo "== vnplan-dev bench-convert: one process, read + normalize + tables + canonical JSON"
"$bin/vnplan-dev" bench-convert -n "$repeat" "${files[@]}"
echo
echo "== one process per file: vnplan convert FILE, pandoc -f docx -t json FILE ($(pandoc --version | head -1))"
python3 - "$repeat" "$bin/vnplan" "${files[@]}" <<'PY'
import os, resource, subprocess, sys, time
repeat, vnplan, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
tools = {"vnplan convert": [vnplan, "convert"], "pandoc -f docx -t json": ["pandoc", "-f", "docx", "-t", "json"]}

def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def run(command, paths):
    start, start_cpu = time.perf_counter(), cpu()
    for _ in range(repeat):
        for path in paths:
            subprocess.run(command + [path], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, cpu() - start_cpu

largest = max(files, key=os.path.getsize)
for name, command in tools.items():
    wall, processor = run(command, files)
    count = len(files) * repeat
    print(f"{name:24} {count / wall:6.1f} documents/s   {count / processor:6.1f} documents per processor second")
plans = [f for f in files if "/seeds/" in f] or files
biggest = max(plans, key=os.path.getsize)
for name, command in tools.items():
    _, processor = run(command, [biggest])
    print(f"{name:24} {processor / repeat * 1000:6.0f} ms of processor time for {os.path.basename(biggest)}")
PY
if [ -d "$shared/seeds" ]; then
  # The seeds joined $repeat times into one file, so that neither tool's start-up counts.
  for _ in $(seq "$repeat"); do cat "$shared"/seeds/*.txt; done > "$work/seeds.txt"
  echo
  echo "== the text reader on the seed texts ($(du -b "$work/seeds.txt" | cut -f1) bytes), next to wc"
  "$bin/vnplan-dev" bench-convert --read-only -n 3 "$work/seeds.txt"
  python3 - "$work/seeds.txt" <<'PY'
import os, subprocess, sys, time
path = sys.argv[1]
times = []
for _ in range(3):
    start = time.perf_counter()
    subprocess.run(["wc", path], check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"wc: {os.path.getsize(path) / 1048576 / min(times):.2f} MB/s (best of 3)")
PY
fi
