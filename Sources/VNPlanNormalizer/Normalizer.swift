import Foundation
import VNPlanModel

/// Text in, text out, with a count of what changed. Never damages text that is already right.
public struct Normalizer: Sendable {
    public let configuration: NormalizerConfiguration

    public init(configuration: NormalizerConfiguration = NormalizerConfiguration()) {
        self.configuration = configuration
    }

    /// Unicode NFC and whitespace tidying of one run of text.
    public func normalize(_ text: String) -> NormalizedText {
        let normalized = text.precomposedStringWithCanonicalMapping
        let changed = normalized == text ? 0 : countChangedTokens(from: text, to: normalized)
        return NormalizedText(text: normalized, changedTokens: changed, restoredTokens: 0)
    }

    /// Every paragraph and cell of a document, with the summary the plan records.
    public func normalize(_ document: SourceDocument) -> (SourceDocument, NormalizationSummary) {
        var summary = NormalizationSummary()
        func run(_ text: String) -> String {
            let result = normalize(text)
            summary.changedTokens += result.changedTokens
            summary.restoredTokens += result.restoredTokens
            return result.text
        }
        var document = document
        document.blocks = document.blocks.map { $0.mappingText(run) }
        return (document, summary)
    }

    private func countChangedTokens(from original: String, to normalized: String) -> Int {
        let before = original.split(whereSeparator: \.isWhitespace)
        let after = normalized.split(whereSeparator: \.isWhitespace)
        return zip(before, after).filter { !$0.0.unicodeScalars.elementsEqual($0.1.unicodeScalars) }.count
    }
}

public struct NormalizedText: Sendable, Equatable {
    public var text: String
    public var changedTokens: Int
    public var restoredTokens: Int
}

extension Block {
    /// The block with every piece of text passed through `transform`, structure untouched.
    func mappingText(_ transform: (String) -> String) -> Block {
        switch self {
        case .paragraph(var paragraph):
            paragraph.text = transform(paragraph.text)
            return .paragraph(paragraph)
        case .table(let table):
            return .table(table.mappingText(transform))
        }
    }
}

extension Table {
    func mappingText(_ transform: (String) -> String) -> Table {
        var table = self
        for r in table.rows.indices {
            for c in table.rows[r].cells.indices {
                table.rows[r].cells[c].text = transform(table.rows[r].cells[c].text)
                table.rows[r].cells[c].nestedTables = table.rows[r].cells[c].nestedTables.map {
                    $0.mappingText(transform)
                }
            }
        }
        return table
    }
}
