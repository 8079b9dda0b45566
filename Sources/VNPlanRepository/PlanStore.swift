import Foundation
import VNPlanModel

/// Writes plans and their originals into a repository.
///
/// Two different files can describe the same document (a re-saved copy, a corrected draft):
/// their plans get the same id. Then every one of them is stored as `<id>-<first 8 hex of its
/// source hash>`, whichever arrived first, so the repository ends the same whatever order a
/// parallel batch finished in.
public final class PlanStore: @unchecked Sendable {
    public let repository: PlanRepository
    /// Storing is a few file operations; one at a time keeps the id collision check honest
    /// when parallel workers store plans of the same document.
    private let lock = NSLock()

    public init(repository: PlanRepository) {
        self.repository = repository
    }

    /// Writes the plan, then its original (when given). The original is written last because
    /// its presence is what marks the document as done: a run killed in between redoes it.
    /// Returns the plan's path in the repository.
    @discardableResult
    public func store(_ plan: Plan, original: Data?, originalExtension: String) throws(RepositoryError) -> String {
        lock.lock()
        defer { lock.unlock() }
        let placed = try place(plan)
        try write(Self.encoded(placed), to: placed.repositoryPath)
        if let original {
            try write(original, to: "sources/\(plan.source.sha256).\(originalExtension)")
        }
        return placed.repositoryPath
    }

    /// The plan with the id it is stored under, after moving a colliding plan aside.
    private func place(_ plan: Plan) throws(RepositoryError) -> Plan {
        let plain = repository.url(of: plan.repositoryPath)
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: plain.deletingLastPathComponent().path)) ?? []
        if let holder = try? PlanHeader.read(from: plain) {
            if holder.source.sha256 == plan.source.sha256 { return plan }
            try moveAside(plain, sha256: holder.source.sha256)
            return Self.disambiguated(plan)
        }
        let taken = siblings.contains { StoredName.isMarkedFile($0, of: plan.id) }
        return taken ? Self.disambiguated(plan) : plan
    }

    private func moveAside(_ url: URL, sha256: String) throws(RepositoryError) {
        let relative = String(url.path.dropFirst(repository.root.path.count + 1))
        let existing: Plan
        do { existing = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url)) }
        catch { throw .unreadable(path: relative, reason: "it is not a valid plan; run vnplan validate on it") }
        let renamed = Self.disambiguated(existing)
        try write(Self.encoded(renamed), to: renamed.repositoryPath)
        do { try FileManager.default.removeItem(at: url) }
        catch { throw .cannotWrite(path: relative, reason: error.localizedDescription) }
    }

    static func disambiguated(_ plan: Plan) -> Plan {
        var plan = plan
        plan.id += "-" + plan.source.sha256.prefix(8)
        return plan
    }

    /// JSON has no infinity: a number a reader let grow without bound is refused here, not trapped on.
    static func encoded(_ plan: Plan) throws(RepositoryError) -> Data {
        do { return try CanonicalJSON.encode(plan) }
        catch { throw .notEncodable(path: plan.repositoryPath) }
    }

    private func write(_ data: Data, to relativePath: String) throws(RepositoryError) {
        do { try AtomicFile.write(data, to: repository.url(of: relativePath), links: .replace) }
        catch { throw .output(OutputError(path: relativePath, problem: error.problem)) }
    }
}
