import Foundation
import VNPlanModel

/// The plans of a repository at two git revisions: what `vnplan diff --repo` compares.
public struct PlanHistory: Sendable {
    public let repository: PlanRepository

    public init(repository: PlanRepository) {
        self.repository = repository
    }

    /// A plan file that differs between the revisions: absent on the side where it was added
    /// or removed.
    public struct Change: Sendable {
        public var path: String
        public var old: Plan?
        public var new: Plan?
    }

    /// The plan files under plans/ that differ from revision `old` to `new` (nil: the files
    /// as they are on disk), in path order. Throws when git refuses a revision or a plan
    /// cannot be read at one.
    public func changes(from old: String, to new: String?) throws(RepositoryError) -> [Change] {
        let git = Git(root: repository.root)
        for revision in [old, new].compactMap({ $0 }) {
            // "--end-of-options" keeps a revision such as "-p" from being read as an option.
            let known = try git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
            guard known.status == 0 else {
                throw .unreadable(path: repository.root.path, reason: "git knows no revision \"\(revision)\"; give a commit, a branch or a tag (git log lists them)")
            }
        }
        let listed = try git.run(["diff", "--name-only", "--no-renames", "-z", "--end-of-options", old] + (new.map { [$0] } ?? [])
                                 + ["--", "plans/"])
        guard listed.status == 0 else {
            throw .unreadable(path: repository.root.path, reason: "git diff failed: \(listed.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        var listing = listed.standardOutput
        if new == nil {
            // On disk, a plan not yet added to git is new too.
            let untracked = try git.run(["ls-files", "--others", "--exclude-standard", "-z", "--", "plans/"])
            if untracked.status == 0 { listing += [0] + untracked.standardOutput }
        }
        let paths = Set(listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
            .filter { $0.hasSuffix(".json") }.sorted()
        var changes: [Change] = []
        for path in paths {
            let after = if let new { try plan(at: path, revision: new, git: git) } else { try plan(onDiskAt: path) }
            changes.append(Change(path: path, old: try plan(at: path, revision: old, git: git), new: after))
        }
        return changes
    }

    /// The plan at `path` in `revision`, nil when the revision has no such file.
    private func plan(at path: String, revision: String, git: Git) throws(RepositoryError) -> Plan? {
        let shown = try git.run(["cat-file", "blob", "\(revision):\(path)"])
        guard shown.status == 0 else { return nil }
        return try decoded(shown.standardOutput, name: "\(revision):\(path)")
    }

    private func plan(onDiskAt path: String) throws(RepositoryError) -> Plan? {
        guard let data = FileManager.default.contents(atPath: repository.url(of: path).path) else { return nil }
        return try decoded(data, name: path)
    }

    private func decoded(_ data: Data, name: String) throws(RepositoryError) -> Plan {
        do { return try JSONDecoder().decode(Plan.self, from: data) }
        catch { throw .unreadable(path: name, reason: "it is not a valid plan; run vnplan validate on it") }
    }
}
