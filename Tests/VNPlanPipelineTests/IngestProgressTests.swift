import Testing
@testable import VNPlanPipeline

/// The progress bar a person watches: how far, how fast, how long still, and which file.
@Suite struct IngestProgressTests {
    @Test func barSaysCountRateTimeLeftAndFile() {
        let line = IngestProgress.bar(done: 40, total: 100, written: 38, skipped: 1, failed: 1, seconds: 20,
                                      file: "luu-tru/kh-xa-hoa-binh-2026.docx")
        #expect(line.hasPrefix(String(repeating: "█", count: 9) + String(repeating: "░", count: 15) + " 40/100"))
        #expect(line.contains("written 38  skipped 1  failed 1  2.0 docs/s  0:30 left  luu-tru/kh-xa-hoa-binh-2026.docx"))
    }

    @Test func barKeepsItsShapeAtTheEdges() {
        let long = String(repeating: "thu-muc/", count: 10) + "ke-hoach.pdf"
        let start = IngestProgress.bar(done: 0, total: 0, written: 0, skipped: 0, failed: 0, seconds: 0, file: long)
        #expect(start.contains(" 0/0 ") && start.contains("0:00 left"))
        #expect(start.hasSuffix("…" + long.suffix(39)))
        let slow = IngestProgress.bar(done: 1, total: 1_000_000, written: 1, skipped: 0, failed: 0, seconds: 3600, file: "a")
        #expect(slow.contains("– left"))
    }
}
