import Foundation
import GRDB
import VNPlanModel

extension PlanIndex {
    /// The repository at a glance on `asOf`: plans by issuer and year, tasks by lead, the
    /// deadlines of the `lanes` units that lead most, what fell due before `asOf` and what falls
    /// due in the `soonDays` days from it, indicators, and the documents stored from several
    /// files. Each document counts once.
    public func overview(asOf: CalendarDate, soonDays: Int = 30, lanes: Int = 12) throws(IndexError) -> RepositoryOverview {
        let soon = try DateSpan("next-\(min(max(soonDays, 1), 3660))-days", asOf: asOf)
        let today = asOf.iso
        do {
            return try reader().read { db in
                RepositoryOverview(
                    asOf: today, soonUntil: soon.end, soonDays: soonDays,
                    totals: try Self.totals(db), issuers: try Self.issuers(db),
                    leads: try Self.leads(db, asOf: today, soon: soon),
                    lanes: try Self.lanes(db, count: lanes),
                    overdue: try Self.dueTasks(db, from: "0000-01-01", to: asOf.previousDay?.iso ?? "0000-01-01"),
                    dueSoon: try Self.dueTasks(db, from: soon.start, to: soon.end),
                    indicators: try Self.indicators(db), copies: try Self.copies(db))
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .database(path: repository.indexURL.path, reason: Self.reason(error))
        }
    }

    /// Tasks of the plans that stand for their documents.
    private static let standingTasks = "SELECT t.* FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.copy_of IS NULL"

    private static func totals(_ db: Database) throws -> RepositoryOverview.Totals {
        let row = try Row.fetchOne(db, sql: """
            WITH standing AS (\(standingTasks))
            SELECT (SELECT COUNT(*) FROM plans) AS files,
                   (SELECT COUNT(*) FROM plans WHERE copy_of IS NULL) AS documents,
                   (SELECT COUNT(*) FROM standing) AS tasks,
                   (SELECT COUNT(*) FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.copy_of IS NULL) AS indicators,
                   (SELECT COUNT(*) FROM standing WHERE lead IS NULL) AS unled,
                   (SELECT COUNT(*) FROM standing s WHERE NOT EXISTS
                       (SELECT 1 FROM deadlines d WHERE d.task_id = s.id AND d.due IS NOT NULL)) AS undated
            """)!
        return .init(planFiles: row["files"], documents: row["documents"], tasks: row["tasks"],
                     indicators: row["indicators"], tasksWithoutLead: row["unled"], tasksWithoutDueDay: row["undated"])
    }

    private static func issuers(_ db: Database) throws -> [RepositoryOverview.IssuerPlans] {
        var byIssuer: [String: RepositoryOverview.IssuerPlans] = [:]
        var order: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(issuer_folded, '') AS folded, MIN(COALESCE(issuer, '')) AS issuer, year,
                   COUNT(*) AS plans, SUM(task_count) AS tasks
            FROM plans WHERE copy_of IS NULL GROUP BY folded, year ORDER BY folded, year
            """) {
            let folded: String = row["folded"]
            if byIssuer[folded] == nil {
                order.append(folded)
                byIssuer[folded] = .init(issuer: row["issuer"], plansByYear: [:], tasks: 0)
            }
            byIssuer[folded]!.plansByYear[row["year"] as Int?] = row["plans"]
            byIssuer[folded]!.tasks += row["tasks"] as Int
        }
        return order.compactMap { byIssuer[$0] }.sorted { ($0.tasks, $1.issuer) > ($1.tasks, $0.issuer) }
    }

    private static func leads(_ db: Database, asOf: String, soon: DateSpan) throws -> [RepositoryOverview.LeadLoad] {
        try Row.fetchAll(db, sql: """
            WITH standing AS (\(standingTasks)),
            led AS (SELECT u.canonical, u.kind, u.id AS unit_id, s.id AS task_id, s.plan_id
                    FROM standing s JOIN assignments a ON a.task_id = s.id AND a.role = 'lead'
                    JOIN units u ON u.id = a.unit_id)
            SELECT \(TaskCount.wordingUsedMost(canonical: "led.canonical", kind: "led.kind", role: "lead")) AS name,
                   kind, COUNT(DISTINCT task_id) AS tasks, COUNT(DISTINCT plan_id) AS plans,
                   COUNT(DISTINCT unit_id) AS wordings,
                   COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM deadlines d WHERE d.task_id = led.task_id AND d.due < ?)
                                  THEN task_id END) AS overdue,
                   COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM deadlines d WHERE d.task_id = led.task_id
                                                    AND d.due BETWEEN ? AND ?) THEN task_id END) AS soon
            FROM led GROUP BY canonical, kind ORDER BY tasks DESC, name
            """, arguments: [asOf, soon.start, soon.end]).map { row in
            .init(name: row["name"], kind: UnitName.Kind(rawValue: row["kind"]) ?? .unit, tasks: row["tasks"],
                  plans: row["plans"], overdue: row["overdue"], dueSoon: row["soon"], wordings: row["wordings"])
        }
    }

    /// The units that lead most, each with every day its tasks fall due.
    private static func lanes(_ db: Database, count: Int) throws -> [RepositoryOverview.TimelineLane] {
        var lanes: [RepositoryOverview.TimelineLane] = []
        var laneOf: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            WITH standing AS (\(standingTasks)),
            top AS (SELECT u.canonical FROM standing s JOIN assignments a ON a.task_id = s.id AND a.role = 'lead'
                    JOIN units u ON u.id = a.unit_id WHERE u.kind = 'unit'
                    GROUP BY u.canonical ORDER BY COUNT(DISTINCT s.id) DESC, u.canonical LIMIT ?)
            SELECT top.canonical,
                   \(TaskCount.wordingUsedMost(canonical: "top.canonical", kind: "'unit'", role: "lead")) AS unit,
                   d.start, d.due, s.plan_id, s.path
            FROM top JOIN units u ON u.canonical = top.canonical AND u.kind = 'unit'
            JOIN assignments a ON a.unit_id = u.id AND a.role = 'lead'
            JOIN standing s ON s.id = a.task_id
            JOIN deadlines d ON d.task_id = s.id
            WHERE d.due IS NOT NULL
            GROUP BY top.canonical, s.id, d.due
            ORDER BY top.canonical, d.due, s.plan_id, s.seq
            """, arguments: [count]) {
            let canonical: String = row["canonical"]
            if laneOf[canonical] == nil {
                laneOf[canonical] = lanes.count
                lanes.append(.init(unit: row["unit"], marks: []))
            }
            let start: String? = row["start"]
            let due: String = row["due"]
            lanes[laneOf[canonical]!].marks.append(.init(start: start.flatMap { $0 < due ? $0 : nil }, due: due,
                                                         label: "\(row["plan_id"] as String) · \(row["path"] as String)"))
        }
        return lanes.sorted { ($0.marks.count, $1.unit) > ($1.marks.count, $0.unit) }
    }

    /// Each task and day it falls due from `from` to `to`; a milestone on the day of its deadline's
    /// end counts once, worded as the milestone.
    private static func dueTasks(_ db: Database, from: String, to: String) throws -> [RepositoryOverview.DueTask] {
        try Row.fetchAll(db, sql: """
            WITH standing AS (\(standingTasks))
            SELECT p.id, p.issuer, p.number, s.path, COALESCE(s.activity, s.task, s.objective, '') AS work, s.lead,
                   (SELECT d2.text FROM deadlines d2 WHERE d2.task_id = s.id AND d2.due = d.due
                    ORDER BY d2.seq DESC LIMIT 1) AS wording, d.due
            FROM deadlines d JOIN standing s ON s.id = d.task_id JOIN plans p ON p.id = s.plan_id
            WHERE d.due BETWEEN ? AND ?
            GROUP BY s.id, d.due
            ORDER BY d.due, p.date, p.id, s.seq
            """, arguments: [from, to]).map { row in
            .init(planID: row["id"], issuer: row["issuer"], planNumber: row["number"], path: row["path"],
                  work: row["work"], lead: list(row["lead"]), deadline: row["wording"], due: row["due"])
        }
    }

    private static func indicators(_ db: Database) throws -> [RepositoryOverview.IndicatorLine] {
        try Row.fetchAll(db, sql: """
            SELECT p.issuer, p.number, i.path, i.name, i.unit, i.target_text, i.lead
            FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.copy_of IS NULL
            ORDER BY p.date, p.id, i.seq
            """).map { row in
            .init(issuer: row["issuer"], planNumber: row["number"], path: row["path"], name: row["name"],
                  unit: row["unit"], target: row["target_text"], lead: list(row["lead"]))
        }
    }

    private static func copies(_ db: Database) throws -> [RepositoryOverview.CopyGroup] {
        var groups: [RepositoryOverview.CopyGroup] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT s.file AS standing, c.file AS copy FROM plans c JOIN plans s ON s.id = c.copy_of ORDER BY s.file, c.file
            """) {
            let standing: String = row["standing"]
            if groups.last?.standing != standing { groups.append(.init(standing: standing, copies: [])) }
            groups[groups.count - 1].copies.append(row["copy"])
        }
        return groups
    }

    /// A list column (a JSON array of names) as its names.
    private static func list(_ json: String?) -> [String] {
        guard let json, let names = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return [] }
        return names
    }
}
