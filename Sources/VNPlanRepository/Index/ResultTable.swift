import Foundation
import GRDB
import VNPlanModel

/// Rows of a query with their column names, ready to print as a table, JSON, JSON Lines or
/// CSV. Values keep their SQL type (null, integer, real, text) in JSON.
public struct ResultTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[JSONValue]]

    public init(columns: [String], rows: [[JSONValue]]) {
        self.columns = columns
        self.rows = rows
    }

    static func fetch(_ statement: Statement, arguments: StatementArguments = []) throws -> ResultTable {
        let columns = statement.columnNames
        let rows = try Row.fetchAll(statement, arguments: arguments).map { row in
            (0..<columns.count).map { Self.value(row[$0] as DatabaseValue) }
        }
        return ResultTable(columns: columns, rows: rows)
    }

    private static func value(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(Int(number))
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        case .blob(let data): .string(data.base64EncodedString())
        }
    }
}

/// How results are written.
public enum ResultFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal; long texts cut with "…".
    case table
    /// One JSON array of objects, keys in column order.
    case json
    /// One JSON object per line, for jq, DuckDB, Spark, BigQuery.
    case jsonl
    /// RFC 4180 CSV with a UTF-8 byte order mark, so Excel opens Vietnamese text intact.
    case csv
}

extension ResultTable {
    public func rendered(as format: ResultFormat, cellWidth: Int = 48) -> Data {
        switch format {
        case .table: Data(table(cellWidth: cellWidth).utf8)
        case .json: Data(("[" + rows.map { "\n  " + object($0) }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")).utf8)
        case .jsonl: Data(rows.map { object($0) + "\n" }.joined().utf8)
        case .csv: Data([0xEF, 0xBB, 0xBF]) + Data(csv().utf8)
        }
    }

    /// One row as a one-line JSON object, keys in column order. Written by hand: going through
    /// JSONEncoder took 60% of a query that returns 13,000 rows.
    private func object(_ row: [JSONValue]) -> String {
        var text = "{"
        for (index, (column, value)) in zip(columns, row).enumerated() {
            if index > 0 { text += "," }
            Self.writeJSON(.string(column), into: &text)
            text += ":"
            Self.writeJSON(value, into: &text)
        }
        return text + "}"
    }

    /// Query results hold nulls, numbers and texts only (SQLite's types).
    private static func writeJSON(_ value: JSONValue, into text: inout String) {
        switch value {
        case .string(let string):
            text += CanonicalJSON.quote(string)
        case .number(let number) where !number.isFinite: text += "null"
        default: text += plain(value).isEmpty ? "null" : plain(value)
        }
    }

    private func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = [columns.map(field)] + rows.map { $0.map { field(Self.plain($0)) } }
        return lines.map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    private func table(cellWidth: Int) -> String {
        let cells = rows.map { $0.map { Self.cut(Self.plain($0).replacingOccurrences(of: "\n", with: " "), to: cellWidth) } }
        let widths = columns.indices.map { column in
            ([columns[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(columns) + line(widths.map { String(repeating: "─", count: $0) }) + cells.map(line).joined()
            + "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
    }

    private static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): "\(number)"
        case .bool(let flag): flag ? "1" : "0"
        case .array, .object: ""
        }
    }

    private static func cut(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
