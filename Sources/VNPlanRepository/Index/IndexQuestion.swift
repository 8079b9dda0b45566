import Foundation
import GRDB
import VNPlanModel

/// A question put to the index: the task filters, a table to export, or any SQL.
public enum IndexQuestion: Sendable {
    case tasks(TaskQuery)
    case export(ExportTable)
    case sql(String)

    func statement() throws(IndexError) -> (String, StatementArguments) {
        switch self {
        case .tasks(let query): try query.sql()
        case .export(let table): (table.sql, [])
        case .sql(let text): (text, [])
        }
    }
}

/// Bounds on a question a person types, so that a cross join or a recursive query without
/// an end stops with a message instead of running for ever or filling the disk.
public struct QueryLimits: Sendable, Equatable {
    /// More rows than this is an error (the rows up to it are written); nil for no bound.
    public var maxRows: Int?
    /// Seconds the question may run, writing included; nil for no bound.
    public var seconds: Double?

    public init(maxRows: Int? = nil, seconds: Double? = nil) {
        self.maxRows = maxRows
        self.seconds = seconds
    }

    public static let none = QueryLimits()
}

extension PlanIndex {
    public func tasks(matching query: TaskQuery) throws(IndexError) -> ResultTable {
        try collect(.tasks(query))
    }

    /// Any SQL on a read-only connection: a statement that would change the index fails.
    public func select(_ sql: String) throws(IndexError) -> ResultTable {
        try collect(.sql(sql))
    }

    public func export(_ table: ExportTable) throws(IndexError) -> ResultTable {
        try collect(.export(table))
    }

    /// Answers the question into `output` row by row, never holding the result whole, and
    /// commits the output. Returns the number of rows. Throws `IndexError` (a bad question, a
    /// limit reached: the rows before it are written) or `OutputError`.
    @discardableResult
    public func write(_ question: IndexQuestion, as format: ResultFormat, limits: QueryLimits = .none,
                      to output: OutputFile) throws -> Int {
        var writer: ResultWriter?
        let stopped: IndexError?
        do {
            try answer(question, limits: limits) { columns in
                writer = ResultWriter(format: format, columns: columns)
                try output.write(writer!.prefix)
                try output.write(writer!.header())
            } row: { values in
                try output.write(writer!.row(values))
            }
            stopped = nil
        } catch let error as IndexError where error.isLimit {
            stopped = error
        }
        if var writer { try output.write(writer.finish()) }
        try output.commit()
        if let stopped { throw stopped }
        return writer?.count ?? 0
    }

    private func collect(_ question: IndexQuestion) throws(IndexError) -> ResultTable {
        var table = ResultTable(columns: [], rows: [])
        do {
            try answer(question, limits: .none) { table.columns = $0 } row: { table.rows.append($0) }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .badQuery("\(error)")
        }
        return table
    }

    /// Reads the answer with a cursor, handing over the column names, then each row.
    private func answer(_ question: IndexQuestion, limits: QueryLimits,
                        columns: ([String]) throws -> Void, row: ([JSONValue]) throws -> Void) throws {
        let (sql, arguments) = try question.statement()
        let queue = try reader()
        let watchdog = limits.seconds.map { seconds in
            let interrupt = DispatchWorkItem { queue.interrupt() }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: interrupt)
            return interrupt
        }
        defer { watchdog?.cancel() }
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let names = statement.columnNames
                let isList = names.map(IndexSchema.listColumns.contains)
                try columns(names)
                let cursor = try Row.fetchCursor(statement, arguments: arguments)
                var count = 0
                while let next = try cursor.next() {
                    if let maxRows = limits.maxRows, count >= maxRows { throw IndexError.tooManyRows(maxRows) }
                    try row(names.indices.map { ResultWriter.value(next[$0], isList: isList[$0]) })
                    count += 1
                }
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_INTERRUPT: throw IndexError.timedOut(seconds: limits.seconds ?? 0)
            case .SQLITE_READONLY:
                throw IndexError.badQuery("the index is read-only here: use SELECT (or WITH … SELECT); rebuild it with vnplan index")
            default: throw IndexError.badQuery("SQL error: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
            }
        }
    }
}
