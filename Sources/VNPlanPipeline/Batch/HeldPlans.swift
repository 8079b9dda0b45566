import Foundation
import VNPlanModel
import VNPlanRepository

/// Which sources `ingest --reconvert` converts again.
public enum Reconversion: String, Sendable, CaseIterable {
    /// Every source the repository holds.
    case all
    /// Only sources whose plans another vnplan version or pipeline configuration made.
    case outdated
}

/// The plans a repository holds, by the hash of the source each was made from: what a
/// reconversion compares its new plans with.
struct HeldPlans {
    struct Entry {
        /// Relative to the repository root.
        var path: String
        var id: String
        var file: String
        var producer: Producer?
    }

    private(set) var bySource: [String: [Entry]] = [:]

    /// The part of a plan read here: a plan that does not even have these is left alone.
    private struct Header: Decodable {
        struct Source: Decodable {
            var sha256: String
            var file: String
        }
        var id: String
        var source: Source
        var producer: Producer?
    }

    init(repository: PlanRepository) throws(RepositoryError) {
        let decoder = JSONDecoder()
        let root = repository.root.path + "/"
        for url in try repository.planFiles() {
            guard let data = try? Data(contentsOf: url), let header = try? decoder.decode(Header.self, from: data) else { continue }
            let entry = Entry(path: String(url.path.dropFirst(root.count)), id: header.id, file: header.source.file,
                              producer: header.producer)
            bySource[header.source.sha256, default: []].append(entry)
        }
    }

    /// The plans to replace for a source, or nil when `mode` leaves it as it is.
    func toReconvert(sha256: String, mode: Reconversion, producer: Producer) -> [Entry]? {
        guard let entries = bySource[sha256], !entries.isEmpty else { return nil }
        switch mode {
        case .all: return entries
        case .outdated: return entries.allSatisfy { $0.producer == producer } ? nil : entries
        }
    }
}
