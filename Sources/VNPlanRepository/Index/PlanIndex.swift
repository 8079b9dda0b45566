import Foundation
import GRDB
import VNPlanModel

/// What an index run did.
public struct IndexUpdate: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    /// Plans whose document another plan stands for (`plans.copy_of`): counted once.
    public var copies = 0
    /// What kept plan files out of the index (unreadable, not a valid plan, not where its id
    /// places it, a name that is not UTF-8), as `vnplan validate` words it.
    public var problems: [ValidationIssue] = []

    /// Plan files left out of the index.
    public var notIndexed: Int { Set(problems.map(\.file)).count }
}

/// The SQLite index of a repository (`index.sqlite`): derived from the plans alone, so it can
/// be deleted and rebuilt at any time, and updated incrementally: only plan files whose size
/// or modification time changed are read again.
public struct PlanIndex: Sendable {
    public let repository: PlanRepository

    public init(repository: PlanRepository) {
        self.repository = repository
    }

    /// Brings the index up to date with the plans; `rebuild` starts from an empty index.
    @discardableResult
    public func update(rebuild: Bool = false) throws(IndexError) -> IndexUpdate {
        let url = repository.indexURL
        if rebuild || Self.storedVersion(at: url) != IndexSchema.version { Self.remove(url) }
        do {
            let queue = try DatabaseQueue(path: url.path)
            return try queue.write { db in
                if try !db.tableExists("plans") { try IndexSchema.create(db) }
                return try PlanLoader(repository: repository).load(into: db)
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw .database(path: url.path, reason: Self.reason(error))
        }
    }

    /// A connection that cannot change anything, for queries and `vnplan sql`.
    func reader() throws(IndexError) -> DatabaseQueue {
        let url = repository.indexURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missing(path: url.path) }
        var configuration = Configuration()
        configuration.readonly = true
        do { return try DatabaseQueue(path: url.path, configuration: configuration) }
        catch { throw .database(path: url.path, reason: Self.reason(error)) }
    }

    /// SQLite's own words, without GRDB's wrapping; a repository error as it describes itself.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as DatabaseError: (error.message ?? "SQLite error \(error.resultCode.rawValue)") + "; delete index.sqlite and run vnplan index"
        case let error as CustomStringConvertible: error.description
        default: error.localizedDescription
        }
    }

    private static func storedVersion(at url: URL) -> Int? {
        guard FileManager.default.fileExists(atPath: url.path),
              let queue = try? DatabaseQueue(path: url.path) else { return nil }
        return try? queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    }

    private static func remove(_ url: URL) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }
}

public enum IndexError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case database(path: String, reason: String)
    case badQuery(String)
    case tooManyRows(Int)
    case timedOut(seconds: Double)

    public var description: String {
        switch self {
        case .missing(let path): "\(path) does not exist yet; build it with: vnplan index --repo <dir>"
        case .database(let path, let reason): "\(path): \(reason)"
        case .badQuery(let reason): reason
        case .tooManyRows(let count):
            "stopped after \(count) rows (the rows before are written); add a LIMIT or a WHERE, or raise --max-rows"
        case .timedOut(let seconds):
            "stopped after \(String(format: "%g", seconds)) s (the rows before are written); narrow the query, or raise --timeout"
        }
    }

    /// A bound of `QueryLimits` was reached: the answer is cut short, not wrong.
    var isLimit: Bool {
        switch self {
        case .tooManyRows, .timedOut: true
        default: false
        }
    }
}
