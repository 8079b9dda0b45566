import Foundation
import VNPlanModel

/// Turns a `SourceDocument` into a `Plan`: metadata from the letterhead and signature,
/// tasks and sections from the plan tables. Knows plans, nothing of file formats.
public struct PlanExtractor: Sendable {
    public init() {}

    public func plan(from document: SourceDocument,
                     normalization: NormalizationSummary = NormalizationSummary()) -> Plan {
        let document = SignatureRows.separated(document)
        // The letterhead and title are never in a long table, so the type is read without
        // them; a document that is not a plan (a decree with 60 tables) needs no tables read.
        let headLines = DocumentLines(document, skippingTables: Self.longTables(in: document)).lines
        let head = DocumentMetadata(lines: headLines)
        let isPlan = head.info.type.map(DocumentWords.planTypes.contains) ?? true
        let recognised = isPlan ? recognisedTables(in: document) : []
        let lines = isPlan ? DocumentLines(document, skippingTables: Set(recognised.flatMap(\.blocks))).lines : headLines
        let metadata = isPlan ? DocumentMetadata(lines: lines) : head
        // What the reader and the Layout stage were unsure of comes first.
        var warnings = document.warnings
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        var weaklyRead: [String] = []
        var indicators: [Indicator] = []

        let type = metadata.info.type
        if let type, !DocumentWords.planTypes.contains(type) {
            warnings.append("The document is a \(type), not a plan: its tables were not read as tasks.")
        } else {
            let planYear = Self.planYear(of: metadata.info)
            var previousBlock = -1
            for table in recognised {
                // Each table has its own outline, opened by the heading of the part it is in
                // unless the table's own groups are labelled in the heading's style (then
                // the heading is the document's, above the table's parts).
                let reader = TaskTableReader(table: table.table, layout: table.layout,
                                             tableNumber: table.ordinal, planYear: planYear,
                                             boxUnit: Self.boxUnit(of: document.metadata))
                let readByOCR = document.metadata.usedOCR
                var outline = SectionOutline(readByOCR: readByOCR)
                var result = reader.read(into: &outline)
                if let heading = Self.heading(in: document.blocks[(previousBlock + 1)..<table.block]) {
                    var underHeading = SectionOutline(readByOCR: readByOCR)
                    let label = underHeading.resolving(heading.label)
                    if !result.sections.contains(where: { SectionLabel($0.number)?.style == label.style }) {
                        let path = underHeading.enter(label)
                        sections.append(Section(path: path, number: label.number, title: heading.title))
                        result = reader.read(into: &underHeading)
                    }
                }
                previousBlock = table.blocks.last ?? table.block
                sections += result.sections
                tasks += result.tasks
                weaklyRead += result.weaklyRead
                indicators += result.indicators
            }
            if !weaklyRead.isEmpty {
                warnings.append("OCR read a cell of \(weaklyRead.count) row(s) unsurely (below \(Int(TaskTableReader.weakCellConfidence * 100))% confidence); check them against the page: \(weaklyRead.prefix(10).joined(separator: ", "))\(weaklyRead.count > 10 ? " …" : "").")
            }
            if recognised.isEmpty {
                let body = metadata.typeLineIndex.map { lines[$0].block + 1 } ?? 0
                sections = Self.proseSections(in: document.blocks.dropFirst(body), readByOCR: document.metadata.usedOCR)
                warnings.append("No plan table was found: no table has a header naming the work "
                    + "(Nhiệm vụ, Hoạt động, Nội dung…) and who or when (Chủ trì, Thời gian…).")
            }
            if type == nil {
                warnings.append("The document type (Kế hoạch, Quyết định…) was not found in its title.")
            }
        }
        warnings += Self.metadataWarnings(metadata.info)
        let withoutActivity = tasks.filter { $0.activity == nil }.count
        if withoutActivity > 0 {
            warnings.append("\(withoutActivity) task row(s) have no activity text.")
        }

        let source = PlanSource(file: document.metadata.fileName, sha256: document.metadata.sha256,
                                format: document.metadata.format, pages: document.metadata.pageCount,
                                ocr: document.metadata.usedOCR)
        return Plan(id: Plan.identifier(for: metadata.info, sha256: source.sha256), source: source,
                    document: metadata.info,
                    legalBasis: LegalBasisParser.citations(in: lines.map(\.text)),
                    sections: Self.withUniquePaths(sections, \.path), tasks: Self.withUniquePaths(tasks, \.path),
                    indicators: Self.withUniquePaths(indicators, \.path),
                    normalization: normalization, warnings: warnings)
    }

    /// Blocks of tables too long to be a letterhead or a signature block.
    private static func longTables(in document: SourceDocument) -> Set<Int> {
        Set(document.blocks.indices.filter { index in
            if case .table(let table) = document.blocks[index] { table.rows.count > 6 } else { false }
        })
    }

    struct RecognisedTable {
        var table: Table
        var layout: TableLayout
        /// Index among the document's blocks.
        var block: Int
        /// This block and those of the pieces joined to it (a table cut at page breaks).
        var blocks: [Int]
        /// 1-based index among the document's tables.
        var ordinal: Int
    }

    /// Plan tables, and tables that continue the previous one without repeating its header
    /// (same grid width, first row not a header).
    func recognisedTables(in document: SourceDocument) -> [RecognisedTable] {
        var found: [RecognisedTable] = []
        var ordinal = 0
        for (index, block) in document.blocks.enumerated() {
            guard case .table(let table) = block else { continue }
            ordinal += 1
            if let layout = TableLayout.recognise(table), !Self.isAgenda(table, layout) {
                // The same header right after the previous piece: a page break cut the table.
                if let previous = found.last, previous.blocks.last == index - 1, previous.layout.roles == layout.roles {
                    join(table, dataFrom: layout.firstDataRow, block: index, into: &found[found.count - 1])
                } else {
                    found.append(RecognisedTable(table: table, layout: layout, block: index, blocks: [index],
                                                 ordinal: ordinal))
                }
            } else if let previous = found.last, previous.ordinal == ordinal - 1,
                      previous.table.columnCount == table.columnCount, !table.rows.isEmpty,
                      !SignatureRows.opensWithSignature(table) {
                join(table, dataFrom: 0, block: index, into: &found[found.count - 1])
            } else if let layout = TableLayout.inferred(from: table) {
                found.append(RecognisedTable(table: table, layout: layout, block: index, blocks: [index],
                                             ordinal: ordinal))
            }
        }
        return found
    }

    /// The unit the Layout stage's boxes are in: a scan's (or a scanned PDF's) pixels as OCR
    /// read the page, a PDF's points; a DOCX or a text has no pages.
    static func boxUnit(of metadata: SourceMetadata) -> PageBox.Unit? {
        if metadata.usedOCR || metadata.format == .image { return .px }
        return metadata.format == .pdf ? .pt : nil
    }

    /// A meeting's agenda (Thời gian | Nội dung | Người thực hiện) names work and a time, but
    /// its times are of the day ("8h00 - 8h30"): its rows are a programme, not tasks.
    static func isAgenda(_ table: Table, _ layout: TableLayout) -> Bool {
        let columns = Set(layout.columns(for: .deadline))
        let times = table.rows.dropFirst(layout.firstDataRow).flatMap(\.cells)
            .filter { columns.contains($0.column) }.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        let clockTimes = times.filter { $0.localizedLowercase.contains(DeadlineWords.clockTime) }.count
        return !times.isEmpty && clockTimes * 2 > times.count
    }

    private func join(_ table: Table, dataFrom row: Int, block: Int, into recognised: inout RecognisedTable) {
        recognised.table = TableContinuation.join(recognised.table, table, nextDataRow: row,
                                                  numberColumns: recognised.layout.columns(for: .number))
        recognised.blocks.append(block)
    }

    /// The heading that opens the part a table belongs to: the last paragraph before it
    /// labelled like a part ("II. Công bố, công khai …", "B. …") and set as a heading.
    static func heading(in blocks: ArraySlice<Block>) -> (label: SectionLabel, title: String)? {
        for block in blocks.reversed() {
            // Another table, or the start of an appendix, closes the part the heading opened.
            guard case .paragraph(let paragraph) = block else { return nil }
            if CellText.singleLine(paragraph.text).uppercased().hasPrefix(DocumentWords.appendix) { return nil }
            guard let (label, title) = SectionLabel.leading(CellText.singleLine(paragraph.labeledText)),
                  label.style.isGroupStyle,
                  paragraph.isBold || title == title.uppercased() || title.count <= 160 else { continue }
            return (label, title)
        }
        return nil
    }

    /// A plan with no plan table is written as prose: its parts are its headings, a
    /// numeral or capital letter before a title set in capitals or bold ("I. MỤC ĐÍCH, YÊU
    /// CẦU"), and bold numbered headings under them ("1. Thời gian"), up to an appendix.
    /// A numbered sentence ("1. Phân tích đề thi … thực hiện.") is an item, not a part.
    static func proseSections(in blocks: ArraySlice<Block>, readByOCR: Bool) -> [Section] {
        var outline = SectionOutline(readByOCR: readByOCR)
        var sections: [Section] = []
        for block in blocks {
            guard case .paragraph(let paragraph) = block else { continue }
            let text = CellText.singleLine(paragraph.labeledText)
            if text.uppercased().hasPrefix(DocumentWords.appendix) { break }
            guard let (printed, title) = SectionLabel.leading(text), title.count <= 100,
                  !title.hasSuffix("."), !title.hasSuffix(";") else { continue }
            let label = outline.resolving(printed)
            let isHeading = switch label.style {
            case .upperRoman, .upperLetter: paragraph.isBold || title == title.uppercased()
            case .decimal: paragraph.isBold
            case .lowerLetter: false
            }
            guard isHeading else { continue }
            let heading = title.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            sections.append(Section(path: outline.enter(label), number: label.number, title: heading))
        }
        return sections
    }

    /// The year the plan is for: its date, else the first "năm 2025" of its title.
    static func planYear(of info: DocumentInfo) -> Int? {
        if let date = info.date { return Int(date.prefix(4)) }
        let titles = [info.title, info.adopts?.title].compactMap { $0 }
        return titles.lazy.compactMap { $0.firstMatch(of: DocumentWords.titleYear).flatMap { Int($0.year) } }.first
    }

    private static func metadataWarnings(_ info: DocumentInfo) -> [String] {
        var warnings: [String] = []
        if info.issuer == nil { warnings.append("The issuing body was not found in the letterhead.") }
        if let unsure = info.unsure, !unsure.isEmpty {
            let fields = unsure.map(\.rawValue).joined(separator: ", ")
            warnings.append("OCR read the letterhead's \(fields) below \(Int(DocumentMetadata.leastIdentityConfidence * 100))% "
                            + "confidence: the plan keeps what was read, but is named by its source hash and filed "
                            + "without it (plans/unknown-issuer or undated) until a person checks the letterhead.")
        }
        if info.number == nil { warnings.append("The document number is blank or missing (a draft?).") }
        if info.date == nil { warnings.append("The document date is blank or missing (a draft?).") }
        return warnings
    }

    /// Paths must be unique: a repeated one (two tables numbering from 1) gets "-2", "-3".
    static func withUniquePaths<Item>(_ items: [Item], _ path: WritableKeyPath<Item, String>) -> [Item] {
        var seen: [String: Int] = [:]
        return items.map { item in
            var item = item
            let count = seen[item[keyPath: path], default: 0] + 1
            seen[item[keyPath: path]] = count
            if count > 1 { item[keyPath: path] += "-\(count)" }
            return item
        }
    }
}
