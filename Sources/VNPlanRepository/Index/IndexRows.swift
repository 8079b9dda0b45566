import GRDB
import VNPlanModel

/// Rows of the index, one plain struct per table. Column names are snake_case so that SQL
/// written by analysts reads naturally (`deadline_end`, `plan_id`).
/// Records with an id SQLite assigns are mutable records (the insert stores the id); the
/// others are plain persistable records.
protocol IndexRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension IndexRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// One plan file: what the document is, and the file's size and time so a later run can tell
/// whether it changed.
struct PlanRecord: IndexRecord, PersistableRecord {
    static let databaseTableName = "plans"
    var id: String
    var file: String
    var fileSize: Int64
    var fileModified: Int64
    var sha256: String
    var format: String
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
}

struct TaskRecord: IndexRecord {
    static let databaseTableName = "tasks"
    var id: Int64?
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
    /// Units joined with "; " for display; the `assignments` table is what filters use.
    var lead: String?
    var support: String?
    var deadlineText: String?
    var deadlineKind: String?
    var deadlineStart: String?
    var deadlineEnd: String?
    var deadlineEvery: String?
    var funding: String?
    var note: String?
    var confidence: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A unit (cơ quan, đơn vị) as plans name it, once, with its folded form for matching.
struct UnitRecord: IndexRecord {
    static let databaseTableName = "units"
    var id: Int64?
    var name: String
    var folded: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A unit's role on a task or an indicator: lead (chủ trì), support (phối hợp), evaluator.
struct AssignmentRecord: IndexRecord, PersistableRecord {
    static let databaseTableName = "assignments"
    var unitId: Int64
    var role: String
    var planId: String
    var taskId: Int64?
    var indicatorId: Int64?
}

/// A task's deadline and each of its milestones (seq 0 is the deadline itself), with the day
/// it falls due: its end, or its start when it has no end.
struct DeadlineRecord: IndexRecord, PersistableRecord {
    static let databaseTableName = "deadlines"
    var taskId: Int64
    var planId: String
    var seq: Int
    var kind: String
    var text: String
    var start: String?
    var end: String?
    var every: String?
    var due: String?
}

struct IndicatorRecord: IndexRecord {
    static let databaseTableName = "indicators"
    var id: Int64?
    var planId: String
    var seq: Int
    var path: String
    var number: String?
    var name: String
    var unit: String?
    var targetText: String?
    var comparator: String?
    var value: Double?
    var lead: String?
    var support: String?
    var evaluator: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
