import Foundation
import VNPlanModel

/// Writes plans and their originals into a repository.
///
/// Two different files can describe the same document (a re-saved copy, a corrected draft, the
/// PDF beside the DOCX): their plans get the same id. The first stored keeps the id's name;
/// each later one is stored as `<id>-<first 8 hex of its source hash>`. A plan once stored is
/// never renamed, so the path a batch reported is where the plan stays, even while another
/// batch stores twins of it.
public final class PlanStore: @unchecked Sendable {
    public let repository: PlanRepository
    /// Storing is a few file operations; one at a time keeps the id collision check honest
    /// when parallel workers store plans of the same document.
    private let lock = NSLock()

    public init(repository: PlanRepository) {
        self.repository = repository
    }

    /// Where a plan went.
    public struct Stored: Sendable, Equatable {
        public var path: String
        /// The plan of another file of the same document that holds the id's own name.
        public var twin: String?
    }

    /// Writes the plan, then its original (when given). The original is written last because
    /// its presence is what marks the document as done: a run killed in between redoes it.
    @discardableResult
    public func store(_ plan: Plan, original: Data?, originalExtension: String) throws(RepositoryError) -> Stored {
        lock.lock()
        defer { lock.unlock() }
        let (placed, twin) = place(plan)
        try write(Self.encoded(placed), to: placed.repositoryPath)
        if let original {
            try write(original, to: "sources/\(plan.source.sha256).\(originalExtension)")
        }
        return Stored(path: placed.repositoryPath, twin: twin)
    }

    /// The plan with the id it is stored under: its own, unless another document's plan holds
    /// that name; then its id with the mark of its source hash. A stored plan never moves.
    private func place(_ plan: Plan) -> (Plan, twin: String?) {
        guard let holder = try? PlanHeader.read(from: repository.url(of: plan.repositoryPath)),
              holder.source.sha256 != plan.source.sha256 else { return (plan, nil) }
        return (Self.disambiguated(plan), plan.repositoryPath)
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
