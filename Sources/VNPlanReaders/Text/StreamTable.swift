import VNPlanModel

/// PDF text in stream order (seed 001).
enum StreamTable {
    static func blocks(lines: [TextLine], paragraphs: TextParagraphBuilder) -> [Block] {
        paragraphs.paragraphs(of: lines.filter { $0.kind != .blank }).map(Block.paragraph)
    }
}
