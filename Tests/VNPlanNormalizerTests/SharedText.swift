import Foundation

/// Real text from ../shared (the corpus and the seeds), when this checkout has it.
enum SharedText {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static var legalCorpus: URL { directory.appendingPathComponent("corpus/legal-vn.txt") }
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: legalCorpus.path) }
    static var hasSeeds: Bool { seed("003") != nil }

    /// The seed file whose name starts with `prefix` ("002").
    static func seed(_ prefix: String) -> String? {
        let seeds = directory.appendingPathComponent("seeds")
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?
            .sorted().first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }

    /// Lines of seed 003 (a clean DOCX extraction) that hold a sentence.
    static var cleanSeedLines: [String] {
        (seed("003") ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.split(separator: " ").count >= 6 && !$0.contains("[") }
    }
}
