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

    /// A repository that must exist already: a folder holding plans/ or index.sqlite. Commands
    /// that read or update a repository open it this way, so a mistyped folder is an error
    /// rather than a new, empty repository; `vnplan init` (or ingest when asked) makes one.
    public static func open(existing root: URL) throws(RepositoryError) -> PlanRepository {
        let repository = PlanRepository(root: root)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repository.root.path, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.fileExists(atPath: repository.plansFolder.path)
                || FileManager.default.fileExists(atPath: repository.indexURL.path)
        else { throw .notARepository(path: root.path) }
        return repository
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

    /// The original the repository keeps for this hash, whatever its extension; nil when it
    /// keeps none.
    public func heldSource(sha256: String) -> URL? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit),
              let names = try? FileManager.default.contentsOfDirectory(atPath: sourcesFolder.path) else { return nil }
        return names.sorted().first { $0.hasPrefix(sha256 + ".") }.map { sourcesFolder.appendingPathComponent($0) }
    }

    /// The repository a plan file lies in: the nearest folder above it that holds `plans/`
    /// with the file under it.
    public static func containing(planFile url: URL) -> PlanRepository? {
        var folder = url.standardizedFileURL.deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            if folder.lastPathComponent == "plans" {
                return PlanRepository(root: folder.deletingLastPathComponent())
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
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
        try JSONFileListing(under: folder).files
    }
}

/// Every `*.json` file under a folder, sorted by path so that everything built from them is
/// deterministic, hidden names skipped, links to folders not followed. Read with readdir(3):
/// Foundation's enumerator turns a name that is not UTF-8 into one that cannot be opened, and
/// one such file then failed a whole index.
public struct JSONFileListing: Sendable {
    public var files: [URL] = []
    /// Paths (invalid bytes shown as U+FFFD) of files whose names are not UTF-8 text.
    public var misnamed: [String] = []

    /// What is wrong with a misnamed file, and the fix.
    public static let misnamedProblem = "the file name is not UTF-8 text; rename it to its plan's id (<id>.json)"

    public init(under folder: URL) throws(RepositoryError) {
        let root = folder.standardizedFileURL.path
        var status = stat()
        guard stat(root, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            if root.hasSuffix(".json") { files = [URL(fileURLWithPath: root)] }
            return
        }
        var paths: [String] = []
        var folders = [root]
        while let current = folders.popLast() {
            guard let directory = opendir(current) else {
                throw .unreadable(path: current, reason: String(cString: strerror(errno)))
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                guard bytes.first != UInt8(ascii: ".") else { continue }
                guard let name = String(bytes: bytes, encoding: .utf8) else {
                    if bytes.reversed().starts(with: ".json".utf8.reversed()) {
                        misnamed.append(current + "/" + String(decoding: bytes, as: UTF8.self))
                    }
                    continue
                }
                let path = current + "/" + name
                guard lstat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    folders.append(path)
                } else if name.hasSuffix(".json"), stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                    paths.append(path)
                }
            }
        }
        files = paths.sorted().map { URL(fileURLWithPath: $0) }
        misnamed.sort()
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
    case notARepository(path: String)
    case notEncodable(path: String)
    /// A file of the repository that could not be written (the path relative to its root).
    case output(OutputError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))"
        case .cannotWrite(let path, let reason): "\(path): cannot be written (\(reason)); check the disk space and permissions"
        case .output(let error): error.description
        case .notEncodable(let path):
            "\(path): the plan cannot be written as JSON (a number in it is infinite or not a number); "
                + "report it with its source document"
        case .notARepository(let path):
            "\(path) is not a plans repository (it has no plans/ folder and no index.sqlite); "
                + "make one with vnplan init \(path), or name the right folder with --repo"
        }
    }
}
