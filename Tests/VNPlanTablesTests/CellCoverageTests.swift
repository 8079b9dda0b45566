import Foundation
import Testing
import VNPlanModel
import VNPlanReaders
@testable import VNPlanTables

/// Nothing dropped: every word of every cell of a plan table's data rows is held by the task
/// (or indicator) made from its row, or, for a row that is no task, by the plan's sections or
/// warnings. Run over every sample, every seed and the real DOCX plans of `../shared`.
@Suite struct CellCoverageTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var documents: [URL] {
        let files = FileManager.default
        func listed(_ folder: URL, _ ext: String) -> [URL] {
            ((try? files.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == ext }.sorted { $0.path < $1.path }
        }
        return listed(projectRoot.appendingPathComponent("samples"), "docx")
            + listed(shared.appendingPathComponent("seeds"), "txt")
            + listed(shared.appendingPathComponent("realdocs"), "docx")
    }

    @Test func thereArePlansToCheck() {
        #expect(Self.documents.count >= 3)
    }

    @Test(arguments: documents)
    func everyCellWordIsKept(file: URL) throws {
        let input = InputFile(name: file.lastPathComponent, data: try Data(contentsOf: file))
        let document = file.pathExtension == "docx"
            ? try DOCXReader().read(input)
            : try TextReader(cellStartHint: PlanCellStarts.score).read(input)
        let extractor = PlanExtractor()
        let plan = extractor.plan(from: document)
        // A document that is no plan (a procedure, a decree) has no plan tables.
        guard plan.document.type.map(DocumentWords.planTypes.contains) ?? true else { return }
        let outsideTasks = try Self.words(of: plan.sections).union(Self.words(of: plan.warnings))
        var dropped: [String] = []
        for recognised in extractor.recognisedTables(in: document) {
            let table = recognised.table
            for rowIndex in recognised.layout.firstDataRow..<table.rows.count {
                let row = table.rows[rowIndex]
                let own = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
                // The header repeated after a page break, and the "(1) (2) (3)" row, are the
                // table's own furniture, not data.
                if recognised.layout.isRepeatedHeader(row)
                    || own.count >= 2 && own.allSatisfy({ $0.contains(ListLabels.columnNumber) }) { continue }
                let holders: Set<String>
                if recognised.layout.isIndicatorTable {
                    // Indicators carry no row; a group row of the table opens a section.
                    holders = try Self.words(of: plan.indicators).union(outsideTasks)
                } else {
                    let tasks = plan.tasks.filter { $0.source == RowSource(page: $0.source.page, table: recognised.ordinal, row: rowIndex + 1) }
                    holders = tasks.isEmpty ? outsideTasks : try Self.words(of: tasks)
                }
                let missing = Self.words(in: own.joined(separator: " ")).subtracting(holders)
                if !missing.isEmpty {
                    dropped.append("table \(recognised.ordinal) row \(rowIndex + 1): \(missing.sorted().joined(separator: " "))")
                }
            }
        }
        #expect(dropped.isEmpty, "\(file.lastPathComponent): words of cells that no field holds: \(dropped.joined(separator: "; "))")
    }

    /// The words of every string a value encodes to.
    static func words<Value: Encodable>(of value: Value) throws -> Set<String> {
        let json = try JSONEncoder().encode(value)
        let strings = try JSONDecoder().decode(JSONValue.self, from: json).strings
        return words(in: strings.joined(separator: " "))
    }

    static func words(in text: String) -> Set<String> {
        Set(text.precomposedStringWithCanonicalMapping.lowercased()
            .split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }
}

private extension JSONValue {
    var strings: [String] {
        switch self {
        case .string(let text): [text]
        case .array(let items): items.flatMap(\.strings)
        case .object(let members): members.values.flatMap(\.strings)
        default: []
        }
    }
}
