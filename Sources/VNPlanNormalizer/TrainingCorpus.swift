import Foundation

/// The documents of `legal-vn.txt` kept out of training so they can measure the model.
///
/// A document (0-based, in file order) is held out when `index % 25 == 12`: about 20 of the 511,
/// spread over the file. `scripts/normalizer/ocr_corpus.py` applies the same rule.
public enum HeldOutDocuments {
    public static let modulus = 25
    public static let remainder = 12

    public static func contains(documentIndex index: Int) -> Bool {
        index % modulus == remainder
    }

    /// The documents of a corpus file: blocks separated by form-feed lines.
    public static func documents(of text: String) -> [Substring] {
        text.split(separator: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
    }
}

/// One source of training text and how much it counts.
public struct TrainingSource: Sendable {
    public var url: URL
    /// Every n-gram of this source is counted this many times: administrative text weighs more
    /// than news because the plans vnplan reads are administrative.
    public var weight: Int
    /// Leave out the held-out documents (for legal-vn.txt, the evaluation source).
    public var excludesHeldOut: Bool

    public init(url: URL, weight: Int, excludesHeldOut: Bool = false) {
        self.url = url
        self.weight = weight
        self.excludesHeldOut = excludesHeldOut
    }

    /// The source's text; `.gz` files are read through `gzip -dc` so the corpus is never copied.
    func text() throws(LanguageModelError) -> String {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .corpusMissing(path: url.path) }
        let data: Data
        do {
            if url.pathExtension == "gz" {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["gzip", "-dc", url.path]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw LanguageModelError.unreadable(path: url.path, reason: "gzip -dc exited with \(process.terminationStatus)")
                }
            } else {
                data = try Data(contentsOf: url)
            }
        } catch let error as LanguageModelError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The lines the model learns from: metadata lines ("# source: …") and held-out documents dropped.
    func trainingLines() throws(LanguageModelError) -> [Substring] {
        let text = try text()
        let documents = HeldOutDocuments.documents(of: text)
        var lines: [Substring] = []
        for (index, document) in documents.enumerated()
        where !(excludesHeldOut && HeldOutDocuments.contains(documentIndex: index)) {
            for line in document.split(separator: "\n") where !line.hasPrefix("# source:") && !line.hasPrefix("# topic:") {
                lines.append(line)
            }
        }
        return lines
    }
}

/// The model's token sequence for one line of text: words lowercased, codes as `<num>`,
/// punctuation kept, other symbols (markdown `**`, table pipes) dropped.
func modelTokens(of line: Substring) -> [String] {
    TextToken.tokens(of: line).compactMap(\.modelToken)
}
