import Foundation

/// Shows a batch as it runs: a progress bar on a terminal, one JSON line per document
/// otherwise (for logs, `jq`, and schedulers that collect standard output).
public final class IngestProgress: @unchecked Sendable {
    public enum Style: Sendable { case bar, jsonLines }

    private let style: Style
    private let total: Int
    private let started = Date()
    private var done = 0
    private var counts: [DocumentOutcome.Status: Int] = [:]
    private var lastDrawn = Date.distantPast
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(total: Int, style: Style) {
        self.total = total
        self.style = style
    }

    /// A bar when standard output is a terminal, JSON lines when it is a pipe or a file.
    public static func styleForStandardOutput() -> Style {
        isatty(STDOUT_FILENO) == 1 ? .bar : .jsonLines
    }

    /// Called by the batch for each outcome, one call at a time.
    public func record(_ outcome: DocumentOutcome) {
        done += 1
        counts[outcome.status, default: 0] += 1
        switch style {
        case .jsonLines:
            guard var line = try? encoder.encode(outcome) else { return }
            line.append(0x0A)
            FileHandle.standardOutput.write(line)
        case .bar:
            // Redrawing for every document would cost more than converting a small one.
            if Date().timeIntervalSince(lastDrawn) >= 0.1 || done == total { draw() }
        }
    }

    /// Ends the bar's line.
    public func finish() {
        if style == .bar { draw(); FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw() {
        lastDrawn = Date()
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
        let failed = counts.filter { !$0.key.isInRepository }.values.reduce(0, +)
        let line = "\r\(bar) \(done)/\(total)  written \(counts[.written, default: 0] + counts[.replaced, default: 0])"
            + "  skipped \(counts[.skipped, default: 0] + counts[.unchanged, default: 0])  failed \(failed)"
            + "  \(String(format: "%.1f", rate)) docs/s "
        FileHandle.standardError.write(Data(line.utf8))
    }
}
