import Foundation
import VNPlanModel

/// A plans repository on disk (DESIGN.md):
///
///     plans/<issuer-slug>/<year>/<id>.json   canonical plans, tracked by git
///     sources/<sha256>.<ext>                 the originals, by content hash
///     index.sqlite                           derived, rebuildable, not tracked
public struct PlanRepository: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var plansFolder: URL { root.appendingPathComponent("plans", isDirectory: true) }
    public var sourcesFolder: URL { root.appendingPathComponent("sources", isDirectory: true) }
    public var indexURL: URL { root.appendingPathComponent("index.sqlite") }

    public func url(of relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public func sourceURL(sha256: String, extension ext: String) -> URL {
        sourcesFolder.appendingPathComponent("\(sha256).\(ext)")
    }

    /// Every plan file, sorted by path so that everything built from them is deterministic.
    public func planFiles() throws(RepositoryError) -> [URL] {
        try Self.jsonFiles(under: plansFolder)
    }

    /// The hashes of the originals the repository keeps under `sources/`.
    public func heldSourceHashes() throws(RepositoryError) -> Set<String> {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: sourcesFolder.path) }
        catch {
            if !FileManager.default.fileExists(atPath: sourcesFolder.path) { return [] }
            throw .unreadable(path: "sources", reason: error.localizedDescription)
        }
        return Set(names.compactMap { name in
            let hash = name.prefix { $0 != "." }
            return hash.count == 64 && hash.allSatisfy(\.isHexDigit) ? String(hash) : nil
        })
    }

    /// The source hashes that plans in the repository name: what a repository that does not
    /// keep its originals holds.
    public func planSourceHashes() throws(RepositoryError) -> Set<String> {
        var hashes = Set<String>()
        for file in try planFiles() {
            if let hash = try? PlanHeader.read(from: file).source.sha256 { hashes.insert(hash) }
        }
        return hashes
    }

    /// Deletes the temporary files of writers that no longer run (a run killed midway), so
    /// that a rerun leaves the same tree as an uninterrupted run. Returns how many it removed.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> Int {
        var removed = 0
        for folder in [plansFolder, sourcesFolder] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                guard let writer = AtomicFile.writer(ofTemporary: url.lastPathComponent),
                      kill(writer, 0) != 0, errno == ESRCH
                else { continue }
                if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
            }
        }
        return removed
    }

    public static func jsonFiles(under folder: URL) throws(RepositoryError) -> [URL] {
        let folder = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return folder.pathExtension == "json" ? [folder] : [] }
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw .unreadable(path: folder.path, reason: "cannot list the folder") }
        // Sorted by path text, each path computed once: URL.path in the comparator was a
        // quarter of an index update over 10,000 plans.
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "json" {
            paths.append(url.path)
        }
        return paths.sorted().map { URL(fileURLWithPath: $0) }
    }
}

/// The part of a plan needed to tell which source it came from, read leniently.
struct PlanHeader: Decodable {
    struct Source: Decodable { var sha256: String }
    var id: String
    var source: Source

    static func read(from url: URL) throws -> PlanHeader {
        try JSONDecoder().decode(PlanHeader.self, from: Data(contentsOf: url))
    }
}

/// A repository operation that failed, naming the path and what went wrong.
public enum RepositoryError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))"
        case .cannotWrite(let path, let reason): "\(path): cannot be written (\(reason)); check the disk space and permissions"
        }
    }
}
