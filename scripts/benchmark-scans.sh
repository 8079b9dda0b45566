#!/usr/bin/env bash
# Scans as exact as the PDF they were made from (issue 22): every PDF of the set is scanned by
# scripts/make-scans.py (clean 300 and 200 dpi, turned, degraded, faded), each scan converted,
# and its plan compared with the PDF's by `vnplan-dev twins`: tasks found, task fields equal,
# document fields missed. The set: the samples' ruled PDFs, the Word export of the commune
# plan, and when ../shared is present the real KH-1105 and KH-58 PDFs and a LibreOffice
# render of the real KH-3957 DOCX, plans the rules were not made on.
# Usage: scripts/benchmark-scans.sh [OUT_DIR] [--angle DEGREES]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/vnplan-scans}
shift || true
shared=${VNPLAN_SHARED:-../shared}
mkdir -p "$out/pdf"
swift build -c release --product vnplan-dev >/dev/null
pdfs=(samples/kh-huyen-an-phu-2026.pdf samples/kh-thi-tran-phu-my-2025.pdf samples/kh-xa-hoa-binh-2026.pdf
      samples/qd-phuong-cam-thanh-2025.pdf samples/kh-xa-hoa-binh-2026.word.pdf)
if [ -d "$shared/realdocs" ]; then
    pdfs+=("$shared/realdocs/KH-1105-DKT-ke-hoach-kiem-tra.pdf" "$shared/realdocs/KH-58-THPTCL2-sinh-hoat-Lich-su-2026.signed.pdf")
    if [ ! -f "$out/pdf/KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.pdf" ]; then
        soffice --headless --convert-to pdf --outdir "$out/pdf" "$shared/realdocs/KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.docx" >/dev/null 2>&1
    fi
    pdfs+=("$out/pdf/KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.pdf")
fi
python3 scripts/make-scans.py --out "$out" "$@" "${pdfs[@]}" >/dev/null
echo "machine: $(nproc) cores, $(uname -sr); tesseract $(tesseract --version 2>&1 | head -1 | cut -d' ' -f2); $(date -u +%FT%TZ)"
for pdf in "${pdfs[@]}"; do
    name=$(basename "$pdf" .pdf)
    scans=()
    for variant in 300dpi 200dpi rotated degraded faded; do
        [ -f "$out/$name.$variant.tif" ] && scans+=("$out/$name.$variant.tif")
    done
    .build/release/vnplan-dev twins "$pdf" "${scans[@]}"
done
