import GRDB
import VNPlanModel

/// A row the index writes: a plain struct whose columns (snake_case, so analysts' SQL reads
/// naturally) are listed once, in the order `values` gives them.
///
/// Rows are written with one prepared INSERT per table, reused for every row: GRDB's
/// PersistableRecord encodes each record through Codable and builds its statement on every
/// call, which was 30% of building an index of 10,000 plans.
protocol IndexRow {
    static var table: String { get }
    static var columns: [String] { get }
    var values: [(any DatabaseValueConvertible)?] { get }
}

extension IndexRow {
    /// Inserts the row and returns its rowid.
    @discardableResult
    func insert(_ db: Database) throws -> Int64 {
        let placeholders = Array(repeating: "?", count: Self.columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(Self.table) (\(Self.columns.joined(separator: ", "))) VALUES (\(placeholders))"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }
}

/// One plan file: what the document is, and the file's size and time so a later run can tell
/// whether it changed.
struct PlanRow: IndexRow {
    static let table = "plans"
    static let columns = ["id", "file", "file_size", "file_modified", "sha256", "format", "ocr", "issuer", "issuer_folded",
                          "type", "number", "date", "year", "title", "signer", "task_count", "indicator_count",
                          "warning_count", "document_key"]
    var id: String
    var file: String
    var fileSize: Int64
    var fileModified: Int64
    var sha256: String
    var format: String
    var ocr: Bool
    var issuer: String?
    var issuerFolded: String?
    var type: String?
    var number: String?
    var date: String?
    var year: Int?
    var title: String?
    var signer: String?
    var taskCount: Int
    var indicatorCount: Int
    var warningCount: Int
    var documentKey: String?

    var values: [(any DatabaseValueConvertible)?] {
        [id, file, fileSize, fileModified, sha256, format, ocr, issuer, issuerFolded, type, number, date, year, title,
         signer, taskCount, indicatorCount, warningCount, documentKey]
    }
}

struct TaskRow: IndexRow {
    static let table = "tasks"
    static let columns = ["plan_id", "seq", "path", "section", "section_title", "number", "objective", "task",
                          "activity", "outputs", "lead", "support", "deadline_text", "deadline_kind", "deadline_start",
                          "deadline_end", "deadline_every", "funding", "note", "confidence"]
    var planId: String
    /// Order in the plan.
    var seq: Int
    var path: String
    var section: String?
    var sectionTitle: String?
    var number: String?
    var objective: String?
    var task: String?
    var activity: String?
    var outputs: String?
    /// Lists (outputs, units) as JSON arrays; the `assignments` table is what filters use.
    var lead: String?
    var support: String?
    var deadline: Deadline?
    var funding: String?
    var note: String?
    var confidence: Double

    var values: [(any DatabaseValueConvertible)?] {
        [planId, seq, path, section, sectionTitle, number, objective, task, activity, outputs, lead, support,
         deadline?.text, deadline?.kind.rawValue, deadline?.start, deadline?.end, deadline?.every, funding, note,
         confidence]
    }
}

/// A unit (cơ quan, đơn vị) as plans name it, once, with its folded form for matching.
struct UnitRow: IndexRow {
    static let table = "units"
    static let columns = ["name", "folded", "canonical", "kind"]
    var name: String
    var folded: String
    var canonical: String
    var kind: String

    var values: [(any DatabaseValueConvertible)?] { [name, folded, canonical, kind] }
}

/// A unit's role on a task or an indicator: lead (chủ trì), support (phối hợp), evaluator.
struct AssignmentRow: IndexRow {
    static let table = "assignments"
    static let columns = ["unit_id", "role", "plan_id", "task_id", "indicator_id"]
    var unitId: Int64
    var role: String
    var planId: String
    var taskId: Int64?
    var indicatorId: Int64?

    var values: [(any DatabaseValueConvertible)?] { [unitId, role, planId, taskId, indicatorId] }
}

/// A task's deadline or one of its milestones (seq 0 is the deadline itself), with the day
/// it falls due: its end, or its start when it has no end.
struct DeadlineRow: IndexRow {
    static let table = "deadlines"
    static let columns = ["task_id", "plan_id", "seq", "kind", "text", "start", "end", "every", "due"]
    var taskId: Int64
    var planId: String
    var seq: Int
    var deadline: Deadline

    var values: [(any DatabaseValueConvertible)?] {
        [taskId, planId, seq, deadline.kind.rawValue, deadline.text, deadline.start, deadline.end, deadline.every,
         deadline.end ?? deadline.start]
    }
}

struct IndicatorRow: IndexRow {
    static let table = "indicators"
    static let columns = ["plan_id", "seq", "path", "number", "name", "unit", "target_text", "comparator", "value",
                          "lead", "support", "evaluator"]
    var planId: String
    var seq: Int
    var indicator: Indicator

    var values: [(any DatabaseValueConvertible)?] {
        [planId, seq, indicator.path, indicator.number, indicator.name, indicator.unit, indicator.target?.text,
         indicator.target?.comparator?.rawValue, indicator.target?.value, PlanLoader.list(indicator.lead),
         PlanLoader.list(indicator.support), PlanLoader.list(indicator.evaluator)]
    }
}

/// The words of a task that full-text search looks in. FTS5's unicode61 tokenizer (with
/// remove_diacritics 2) folds case and every Vietnamese diacritic itself, in C; only đ/Đ,
/// a letter of its own rather than d with a mark, is mapped here.
struct TaskSearchRow: IndexRow {
    static let table = "task_search"
    static let columns = ["rowid", "text"]
    var taskId: Int64
    var text: String

    var values: [(any DatabaseValueConvertible)?] { [taskId, Self.mappingD(text)] }

    static func mappingD(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "đ": result.append("d")
            case "Đ": result.append("D")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
