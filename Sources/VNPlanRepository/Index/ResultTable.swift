import Foundation
import GRDB
import VNPlanModel

/// Rows of a query with their column names, held whole: for library callers and tests. The
/// commands stream rows through `ResultWriter` instead. Values keep their SQL type (null,
/// integer, real, text) in JSON; list columns (`IndexSchema.listColumns`) are lists.
public struct ResultTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[JSONValue]]

    public init(columns: [String], rows: [[JSONValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public func rendered(as format: ResultFormat, cellWidth: Int = 48) -> Data {
        var writer = ResultWriter(format: format, columns: columns, cellWidth: cellWidth)
        var text = writer.header()
        for row in rows { text += writer.row(row) }
        text += writer.finish()
        return writer.prefix + Data(text.utf8)
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
    /// RFC 4180 CSV (CRLF after every record, a field holding a comma, quote or line break
    /// quoted) with a UTF-8 byte order mark, so Excel opens Vietnamese text intact.
    case csv
}

/// Turns rows into text one at a time, so a result of any length is written as it comes and
/// never held whole. A list (the units of a task) is a JSON array in json and jsonl, and its
/// items joined with "; " in csv and table.
public struct ResultWriter {
    public let format: ResultFormat
    public let columns: [String]
    private let cellWidth: Int
    /// Rows written so far.
    public private(set) var count = 0
    /// The table format sizes its columns from the first rows, held until there are enough.
    private var heldRows: [[String]] = []
    private var widths: [Int]?
    static let rowsThatSizeTheTable = 1000

    public init(format: ResultFormat, columns: [String], cellWidth: Int = 48) {
        self.format = format
        self.columns = columns
        self.cellWidth = cellWidth
    }

    /// Bytes that come before the text: the byte order mark of CSV.
    public var prefix: Data { format == .csv ? Data([0xEF, 0xBB, 0xBF]) : Data() }

    public func header() -> String {
        switch format {
        case .csv: columns.map(Self.csvField).joined(separator: ",") + "\r\n"
        case .json: "["
        case .table, .jsonl: ""
        }
    }

    public mutating func row(_ values: [JSONValue]) -> String {
        count += 1
        switch format {
        case .csv: return values.map { Self.csvField($0.flatText) }.joined(separator: ",") + "\r\n"
        case .json: return (count > 1 ? "," : "") + "\n  " + object(values)
        case .jsonl: return object(values) + "\n"
        case .table:
            let cells = values.map { Self.cut($0.flatText.replacingOccurrences(of: "\n", with: " "), to: cellWidth) }
            guard let widths else {
                heldRows.append(cells)
                return heldRows.count < Self.rowsThatSizeTheTable ? "" : releaseHeldRows()
            }
            return line(cells, widths: widths)
        }
    }

    public mutating func finish() -> String {
        switch format {
        case .csv, .jsonl: return ""
        case .json: return count == 0 ? "]\n" : "\n]\n"
        case .table:
            let held = widths == nil ? releaseHeldRows() : ""
            return held + "(\(count) row\(count == 1 ? "" : "s"))\n"
        }
    }

    /// The header and the held rows, once the column widths are known; later rows are cut to them.
    private mutating func releaseHeldRows() -> String {
        let widths = columns.indices.map { column in
            ([columns[column]] + heldRows.map { $0[column] }).map(\.count).max() ?? 0
        }
        self.widths = widths
        defer { heldRows = [] }
        return line(columns, widths: widths) + line(widths.map { String(repeating: "─", count: $0) }, widths: widths)
            + heldRows.map { line($0, widths: widths) }.joined()
    }

    private func line(_ values: [String], widths: [Int]) -> String {
        var text = zip(values, widths).map { value, width in
            let cell = Self.cut(value, to: width)
            return cell + String(repeating: " ", count: max(width - cell.count, 0))
        }.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }

    /// One row as a one-line JSON object, keys in column order. Written by hand: going through
    /// JSONEncoder took 60% of a query that returns 13,000 rows.
    private func object(_ row: [JSONValue]) -> String {
        var text = "{"
        for (index, (column, value)) in zip(columns, row).enumerated() {
            if index > 0 { text += "," }
            text += CanonicalJSON.quote(column) + ":"
            Self.writeJSON(value, into: &text)
        }
        return text + "}"
    }

    /// Query results hold nulls, numbers, texts and lists of texts.
    private static func writeJSON(_ value: JSONValue, into text: inout String) {
        switch value {
        case .string(let string): text += CanonicalJSON.quote(string)
        case .number(let number) where !number.isFinite: text += "null"
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                writeJSON(item, into: &text)
            }
            text += "]"
        case .null, .object: text += "null"
        default: text += value.flatText
        }
    }

    /// RFC 4180 §2.6-2.7: a field holding a separator, a quote or a line break (CR or LF on
    /// their own too) is quoted, with its quotes doubled. Checked on scalars: "\r\n" is one
    /// Character to Swift, so a Character test misses a lone "\n".
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }


    private static func cut(_ text: String, to width: Int) -> String {
        if text.count <= width { return text }
        return width < 1 ? "" : String(text.prefix(width - 1)) + "…"
    }
}

extension ResultWriter {
    /// A value as the index holds it, read from a row; a list column's JSON text becomes a list.
    static func value(_ value: DatabaseValue, isList: Bool) -> JSONValue {
        switch value.storage {
        case .null: return isList ? .array([]) : .null
        case .int64(let number): return .integer(Int(number))
        case .double(let number): return .number(number)
        case .blob(let data): return .string(data.base64EncodedString())
        case .string(let text):
            guard isList, text.hasPrefix("["),
                  case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            else { return .string(text) }
            return .array(items)
        }
    }
}
