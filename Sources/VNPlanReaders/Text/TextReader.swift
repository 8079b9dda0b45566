import VNPlanModel

/// Reads text that an earlier tool extracted from a plan into the same `SourceDocument` the
/// DOCX reader makes: paragraphs, and tables as grids of cells with spans.
///
/// The forms met in archives, told apart line by line by their shape (`TextLine.Kind`):
/// - Word table text, one cell per tab-led line, rows split by blank lines, vertical merges
///   written as empty cells (`CellPerLineTable`), which become `rowSpan` here;
/// - markdown or PDF conversions with one tab-separated row per line, `<b>`/`**` markup and
///   tables cut at page breaks (`RowPerLineTable`);
/// - the pipe form, one "|" line before each cell (`PipeTable`);
/// - PDF text in stream order, every line cut at the page width, table cells one after
///   another (`StreamTable`, a best effort);
/// - anything else, such as OCR without Vietnamese data, as paragraphs for the normalizer.
///
/// Bytes are decoded by `TextDecoding` (UTF-8, UTF-16 with a mark, else Windows-1252 byte
/// for byte so legacy font encodings survive for the normalizer). Form feeds are page breaks.
public struct TextReader: DocumentReader {
    public let format = SourceFormat.text
    /// The plan logic's judgement of where a cell of a stream-order table starts.
    private let cellStartHint: CellStartHint?

    public init(cellStartHint: CellStartHint? = nil) {
        self.cellStartHint = cellStartHint
    }

    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        let text = TextDecoding.decode(input.data)
        if let reason = DocumentTextCheck.refusal(of: text) { throw .notADocument(file: input.name, reason: reason) }
        let lines = TextLine.lines(of: text)
        guard lines.contains(where: { $0.kind != .blank }) else { throw .empty(file: input.name) }
        let pages = lines.compactMap(\.page).max()
        return SourceDocument(metadata: input.metadata(format: .text, pageCount: pages),
                              blocks: TextLayout(lines: lines, cellStartHint: cellStartHint).blocks())
    }
}

/// Walks the lines and hands each region to the reader of its form.
struct TextLayout {
    let lines: [TextLine]
    /// PDF text: a blank line after nearly every line, lines cut at the page width.
    let wrapped: Bool
    let markdown: Bool
    let cellStartHint: CellStartHint?

    init(lines: [TextLine], cellStartHint: CellStartHint? = nil) {
        self.lines = lines
        self.cellStartHint = cellStartHint
        let filled = lines.indices.filter { lines[$0].kind == .text }
        let followedByBlank = filled.filter { $0 + 1 < lines.count && lines[$0 + 1].kind == .blank }.count
        let tabular = lines.contains { $0.kind == .cell || $0.kind == .row || $0.kind == .pipe }
        wrapped = !tabular && filled.count >= 10 && followedByBlank * 10 >= filled.count * 7
        markdown = lines.contains { line in
            line.text.utf8.contains { $0 == 0x23 || $0 == 0x2A || $0 == 0x3C } && line.text.contains(Self.markdownMark)
        }
    }

    private nonisolated(unsafe) static let markdownMark = /^#{1,6}\s|\*\*|<b>|<\/b>/

    func blocks() -> [Block] {
        var blocks: [Block] = []
        var running: [TextLine] = []
        let builder = TextParagraphBuilder(wrapped: wrapped, markdown: markdown)
        func flush() {
            blocks += builder.paragraphs(of: running).map(Block.paragraph)
            running = []
        }
        if wrapped {
            return StreamTable.blocks(lines: lines, paragraphs: builder, hint: cellStartHint)
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let read: (tables: [Table], end: Int)
            switch line.kind {
            case .text:
                running.append(line)
                index += 1
                continue
            case .blank:
                flush()
                index += 1
                continue
            case .pipe: read = PipeTable(lines: lines).read(from: index)
            case .cell: read = CellPerLineTable(lines: lines).read(from: index)
            case .row: read = RowPerLineTable(lines: lines).read(from: index)
            }
            flush()
            blocks += read.tables.map(Block.table)
            index = max(read.end, index + 1)
        }
        flush()
        return blocks
    }
}
