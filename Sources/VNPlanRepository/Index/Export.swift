import Foundation
import VNPlanModel

/// Tables of the index as they are exported, for DuckDB, Spark, BigQuery or Excel. Every plan
/// is a row of `plans` (`copy_of` names the plan a copy's document stands under); tasks and
/// indicators are each document's once.
public enum ExportTable: String, Sendable, CaseIterable {
    case plans, tasks, indicators

    var sql: String {
        switch self {
        case .plans: "SELECT * FROM plans ORDER BY date, id"
        case .tasks: "SELECT * FROM task_view WHERE copy_of IS NULL ORDER BY plan_date, plan_id, seq"
        case .indicators: """
            SELECT p.issuer, p.number AS plan_number, p.date AS plan_date, i.*
            FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.copy_of IS NULL
            ORDER BY p.date, i.plan_id, i.seq
            """
        }
    }
}

extension PlanRepository {
    /// Every plan, whole, one JSON object per line (keys sorted), in path order: the form
    /// DuckDB's read_json, Spark and BigQuery load as it is. Throws `RepositoryError`, or what
    /// `output` throws.
    public func exportPlansAsJSONLines(to output: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in try planFiles() {
            let line: Data
            do {
                let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: file))
                line = try encoder.encode(plan) + Data([0x0A])
            } catch {
                throw RepositoryError.unreadable(path: file.path, reason: "it is not a valid plan; run vnplan validate on it")
            }
            try output(line)
        }
    }
}
