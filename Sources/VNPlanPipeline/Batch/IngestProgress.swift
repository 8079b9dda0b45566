import Foundation

/// Shows a batch as it runs: a progress bar on standard error when that is a terminal
/// (count, rate, time left, the file just done), and one JSON line per document on standard
/// output when that is a pipe or a file (for logs, `jq`, and schedulers that collect it).
public final class IngestProgress: @unchecked Sendable {
    private let showsBar: Bool
    private var writesJSONLines: Bool
    private let total: Int
    private let started = Date()
    private var done = 0
    private var counts: [DocumentOutcome.Status: Int] = [:]
    private var lastFile = ""
    private var lastDrawn = Date.distantPast
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(total: Int, showsBar: Bool, writesJSONLines: Bool) {
        self.total = total
        self.showsBar = showsBar
        self.writesJSONLines = writesJSONLines
    }

    /// The bar where a person watches standard error (unless `quiet`), JSON lines where
    /// standard output goes to a pipe or a file, as OCRmyPDF and pandoc do.
    public convenience init(total: Int, quiet: Bool) {
        self.init(total: total, showsBar: !quiet && isatty(STDERR_FILENO) == 1, writesJSONLines: isatty(STDOUT_FILENO) != 1)
    }

    /// Called by the batch for each outcome, one call at a time.
    public func record(_ outcome: DocumentOutcome) {
        done += 1
        counts[outcome.status, default: 0] += 1
        lastFile = outcome.file
        // When the reader of the lines goes away, the batch goes on without them.
        if writesJSONLines, let line = try? encoder.encode(outcome) {
            writesJSONLines = FileHandle.standardOutput.write(text: String(decoding: line, as: UTF8.self) + "\n")
        }
        // Redrawing for every document would cost more than converting a small one.
        if showsBar, Date().timeIntervalSince(lastDrawn) >= 0.1 || done == total { draw() }
    }

    /// Ends the bar's line.
    public func finish() {
        if showsBar { draw(); FileHandle.standardError.write(text: "\n") }
    }

    private func draw() {
        lastDrawn = Date()
        let failed = counts.filter { !$0.key.isInRepository }.values.reduce(0, +)
        let line = Self.bar(done: done, total: total, written: counts[.written, default: 0] + counts[.replaced, default: 0],
                            skipped: counts[.skipped, default: 0] + counts[.unchanged, default: 0], failed: failed,
                            seconds: Date().timeIntervalSince(started), file: lastFile)
        // Clear to the end of the line: the file name before may have been longer.
        FileHandle.standardError.write(text: ("\r" + line + "\u{1B}[K"))
    }

    /// "████░░ 40/100  written 38  skipped 1  failed 1  6.2 docs/s  0:10 left  kh-xa.docx"
    static func bar(done: Int, total: Int, written: Int, skipped: Int, failed: Int, seconds: Double, file: String) -> String {
        let width = 24
        let filled = total <= 0 ? width : width * min(done, total) / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = Double(done) / max(seconds, 0.001)
        let left = rate > 0 ? Double(max(total - done, 0)) / rate : 0
        let clock = left < 360_000 ? String(format: "%d:%02d", Int(left) / 60, Int(left) % 60) : "–"
        let name = file.count > 40 ? "…" + file.suffix(39) : file
        return "\(bar) \(done)/\(total)  written \(written)  skipped \(skipped)  failed \(failed)"
            + "  \(String(format: "%.1f", rate)) docs/s  \(clock) left  \(name)"
    }
}
