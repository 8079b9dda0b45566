import Foundation
import GRDB
import VNPlanModel

/// The questions an analyst asks of tasks across plans. Names of units and issuers match
/// anywhere in the name, without regard to diacritics or case ("trung tam phuc vu" finds
/// "Trung tâm Phục vụ hành chính công"); all filters given must hold.
public struct TaskQuery: Sendable, Equatable {
    public var lead: String?
    public var support: String?
    /// A unit in any role.
    public var unit: String?
    public var issuer: String?
    public var year: Int?
    /// Tasks with a deadline or milestone falling due in this span.
    public var due: DateSpan?
    public var kind: Deadline.Kind?
    /// A phrase searched in the task's texts and units, diacritics folded.
    public var text: String?
    public var limit: Int?
    /// Also the tasks of plans that copy another file of their document (`plans.copy_of`).
    public var includeCopies: Bool
    /// Counts of the matching tasks instead of the tasks.
    public var countBy: TaskCount?

    public init(lead: String? = nil, support: String? = nil, unit: String? = nil, issuer: String? = nil,
                year: Int? = nil, due: DateSpan? = nil, kind: Deadline.Kind? = nil, text: String? = nil,
                limit: Int? = nil, includeCopies: Bool = false, countBy: TaskCount? = nil) {
        self.lead = lead
        self.support = support
        self.unit = unit
        self.issuer = issuer
        self.year = year
        self.due = due
        self.kind = kind
        self.text = text
        self.limit = limit
        self.includeCopies = includeCopies
        self.countBy = countBy
    }

    /// The SQL and its arguments; readable on purpose, `--explain` style.
    func sql() throws(IndexError) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for (name, role) in [(lead, "lead"), (support, "support"), (unit, nil)] {
            guard let name else { continue }
            // Units first (a few thousand names), then their assignments by index: SQLite would
            // otherwise scan every assignment and look its unit up.
            conditions.append("""
                t.id IN (SELECT task_id FROM assignments
                         WHERE \(role == nil ? "" : "role = ? AND ")unit_id IN (SELECT id FROM units WHERE folded LIKE ? ESCAPE '\\'))
                """)
            if let role { arguments.append(role) }
            arguments.append(Self.containing(name))
        }
        if let issuer {
            conditions.append("p.issuer_folded LIKE ? ESCAPE '\\'")
            arguments.append(Self.containing(issuer))
        }
        if let year {
            conditions.append("p.year = ?")
            arguments.append(year)
        }
        if let due {
            conditions.append("t.id IN (SELECT task_id FROM deadlines WHERE due BETWEEN ? AND ?)")
            arguments += [due.start, due.end]
        }
        if let kind {
            conditions.append("t.deadline_kind = ?")
            arguments.append(kind.rawValue)
        }
        if let text {
            let terms = PlanLoader.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            guard !terms.isEmpty else { throw .badQuery("--text \"\(text)\" has no word to search for") }
            conditions.append("t.id IN (SELECT rowid FROM task_search WHERE task_search MATCH ?)")
            // One FTS5 phrase: the words in this order, as "số hóa hồ sơ" is meant; operators
            // typed by accident stay words.
            arguments.append("\"" + terms.joined(separator: " ") + "\"")
        }
        if !includeCopies { conditions.append("p.copy_of IS NULL") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND ")
        let sql = countBy.map { $0.sql(filter: filter) } ?? """
            SELECT p.id AS plan_id, p.issuer, p.number AS plan_number, p.date AS plan_date, t.path, t.task,
                   t.activity, t.lead, t.support, t.deadline_text, t.deadline_kind, t.deadline_end
            FROM tasks t JOIN plans p ON p.id = t.plan_id
            \(filter)
            ORDER BY p.date, p.id, t.seq
            """
        // The columns keep task_view's names, so a query's CSV and the export's read alike.
        return (sql + (limit.map { "\nLIMIT \($0)" } ?? ""), StatementArguments(arguments))
    }

    /// A LIKE pattern for text anywhere in a folded name, with LIKE's wildcards escaped.
    private static func containing(_ name: String) -> String {
        let folded = PlanLoader.fold(name)
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%\(folded)%"
    }
}

/// What matching tasks are counted by: each group a row, the largest first.
public enum TaskCount: String, Sendable, CaseIterable {
    /// The unit that leads (chủ trì), its wordings folded into one (`UnitName.canonicalKey`).
    case lead
    /// A unit that supports (phối hợp), folded the same way.
    case support
    /// The issuing body of the plan.
    case issuer
    /// The month a deadline or milestone falls due in (YYYY-MM); tasks without a date count
    /// under none.
    case month

    func sql(filter: String) -> String {
        let matching = "SELECT t.id, t.plan_id FROM tasks t JOIN plans p ON p.id = t.plan_id \(filter)"
        switch self {
        case .lead, .support:
            return """
                WITH matching AS (\(matching))
                SELECT \(Self.wordingUsedMost(canonical: "u.canonical", kind: "u.kind", role: rawValue)) AS \(rawValue),
                       u.kind, COUNT(DISTINCT m.id) AS tasks, COUNT(DISTINCT m.plan_id) AS plans,
                       COUNT(DISTINCT u.id) AS wordings
                FROM matching m
                JOIN assignments a ON a.task_id = m.id AND a.role = '\(rawValue)'
                JOIN units u ON u.id = a.unit_id
                GROUP BY u.canonical, u.kind
                ORDER BY tasks DESC, \(rawValue)
                """
        case .issuer:
            return """
                WITH matching AS (\(matching))
                SELECT MIN(p.issuer) AS issuer, COUNT(DISTINCT m.plan_id) AS plans, COUNT(*) AS tasks
                FROM matching m JOIN plans p ON p.id = m.plan_id
                GROUP BY p.issuer_folded
                ORDER BY tasks DESC, issuer
                """
        case .month:
            return """
                WITH matching AS (\(matching))
                SELECT substr(d.due, 1, 7) AS month, COUNT(DISTINCT m.id) AS tasks, COUNT(DISTINCT m.plan_id) AS plans
                FROM matching m JOIN deadlines d ON d.task_id = m.id
                WHERE d.due IS NOT NULL
                GROUP BY month
                ORDER BY month
                """
        }
    }
}

extension TaskCount {
    /// SQL for the wording of a unit (the units of one `canonical` key and `kind`, both SQL
    /// expressions) that its plans use most in `role`, the shortest on a tie: how a unit is shown
    /// wherever its wordings are counted as one.
    static func wordingUsedMost(canonical: String, kind: String, role: String) -> String {
        """
        (SELECT w.name FROM units w JOIN assignments wa ON wa.unit_id = w.id
         WHERE w.canonical = \(canonical) AND w.kind = \(kind) AND wa.role = '\(role)'
         GROUP BY w.id ORDER BY COUNT(*) DESC, length(w.name), w.name LIMIT 1)
        """
    }
}

/// Days from `start` to `end`, both included, written YYYY-MM-DD.
public struct DateSpan: Sendable, Equatable {
    public var start: String
    public var end: String

    /// "2025-10-01..2025-12-31", "2025-10..2025-12", "2025..2026", "2025-Q4", "2025",
    /// "..2025-06-30" (until), "2025-07-01.." (from).
    public init(_ text: String) throws(IndexError) {
        let bad = IndexError.badQuery("--due \(text): write FROM..TO with dates YYYY, YYYY-MM or YYYY-MM-DD (either may be left out), YYYY-Qn, or overdue, this-month, next-month, this-quarter, next-quarter, this-year, next-year, next-N-days")
        let parts = text.components(separatedBy: "..")
        switch parts.count {
        case 1:
            guard let span = Self.span(of: parts[0]) else { throw bad }
            self = span
        case 2:
            let from = parts[0].isEmpty ? DateSpan(start: "0000-01-01", end: "0000-01-01") : Self.span(of: parts[0])
            let to = parts[1].isEmpty ? DateSpan(start: "9999-12-31", end: "9999-12-31") : Self.span(of: parts[1])
            guard let from, let to, from.start <= to.end else { throw bad }
            self.init(start: from.start, end: to.end)
        default:
            throw bad
        }
    }

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    /// A span said relative to a day (`asOf`, today for a person): "overdue" (every day
    /// before it), "this-month", "next-month", "this-quarter", "next-quarter", "this-year",
    /// "next-year", "next-N-days" (N from 1 to 3660, `asOf` the first); anything else as
    /// `init(_:)` reads it.
    public init(_ text: String, asOf: CalendarDate) throws(IndexError) {
        let (year, month) = (asOf.year, asOf.month)
        let quarter = (month - 1) / 3 + 1
        let span: DateSpan? = switch text {
        case "overdue": asOf.previousDay.map { DateSpan(start: "0000-01-01", end: $0.iso) }
        case "this-month": Self.month(year, month, through: month)
        case "next-month": month == 12 ? Self.month(year + 1, 1, through: 1) : Self.month(year, month + 1, through: month + 1)
        case "this-quarter": Self.month(year, quarter * 3 - 2, through: quarter * 3)
        case "next-quarter": quarter == 4 ? Self.month(year + 1, 1, through: 3) : Self.month(year, quarter * 3 + 1, through: quarter * 3 + 3)
        case "this-year": Self.month(year, 1, through: 12)
        case "next-year": Self.month(year + 1, 1, through: 12)
        default: Self.days(text, from: asOf)
        }
        if let span { self = span } else { try self.init(text) }
    }

    /// "next-30-days": the 30 days from `first`.
    private static func days(_ text: String, from first: CalendarDate) -> DateSpan? {
        guard text.hasPrefix("next-"), text.hasSuffix("-days"),
              let count = Int(text.dropFirst(5).dropLast(5)), (1...3660).contains(count) else { return nil }
        var last = first
        for _ in 1..<count { guard let next = last.nextDay else { return nil }; last = next }
        return DateSpan(start: first.iso, end: last.iso)
    }

    /// The days a single YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn covers.
    private static func span(of text: String) -> DateSpan? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            return DateSpan(start: "\(parts[0])-01-01", end: "\(parts[0])-12-31")
        case 2 where parts[1].hasPrefix("Q"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            return month(year, quarter * 3 - 2, through: quarter * 3)
        case 2:
            guard let month = Int(parts[1]), parts[1].count == 2 else { return nil }
            return Self.month(year, month, through: month)
        case 3:
            guard let day = CalendarDate(iso: text) else { return nil }
            return DateSpan(start: day.description, end: day.description)
        default:
            return nil
        }
    }

    private static func month(_ year: Int, _ first: Int, through last: Int) -> DateSpan? {
        guard let start = CalendarDate(year: year, month: first, day: 1),
              let end = CalendarDate(year: year, month: last, day: CalendarDate.lastDay(ofMonth: last, year: year))
        else { return nil }
        return DateSpan(start: start.description, end: end.description)
    }
}
