import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The documents a batch is asked to take: files as named, folders searched recursively
/// (hidden files skipped), and glob patterns ("archive/2025/*.docx") expanded here so that
/// quoting them in a shell or a job spec works the same. Sorted and without repeats, so the
/// same arguments always name the same documents in the same order.
///
/// Everything that is not a folder is listed, symbolic links, devices and FIFOs included,
/// so that the batch reports what it does not read rather than leaving it out in silence;
/// a link to a folder is walked only when links are followed.
public enum BatchInputs {
    public static func expand(_ arguments: [String], followSymlinks: Bool = false) throws(BatchUsageError) -> [URL] {
        // By the file's absolute path: a file named twice, relatively and absolutely, is one.
        var files: [String: URL] = [:]
        for argument in arguments {
            let matches = try expand(argument, followSymlinks: followSymlinks)
            guard !matches.isEmpty else { throw .nothingMatches(argument) }
            for match in matches where files[match.standardizedFileURL.path] == nil { files[match.standardizedFileURL.path] = match }
        }
        return files.keys.sorted().compactMap { files[$0] }
    }

    private static func expand(_ argument: String, followSymlinks: Bool) throws(BatchUsageError) -> [URL] {
        var walk = Walk(followSymlinks: followSymlinks)
        if let found = try walk.entry(argument) { return found }
        guard argument.contains(where: { "*?[".contains($0) }) else { return [] }
        var found: [URL] = []
        for path in glob(argument) {
            found += try walk.entry(path) ?? []
        }
        return found
    }

    /// Folders are walked once each, by their real path, so that links cannot make a loop.
    private struct Walk {
        let followSymlinks: Bool
        var walked = Set<String>()

        /// The files a path stands for; nil when nothing is there.
        mutating func entry(_ path: String) throws(BatchUsageError) -> [URL]? {
            var status = stat()
            guard lstat(path, &status) == 0 else { return nil }
            let url = URL(fileURLWithPath: path)
            if Self.isFolder(status) { return try filesInside(url) }
            if followSymlinks, status.st_mode & S_IFMT == S_IFLNK, stat(path, &status) == 0, Self.isFolder(status) {
                return try filesInside(url)
            }
            return [url]
        }

        private static func isFolder(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }

        private mutating func filesInside(_ folder: URL) throws(BatchUsageError) -> [URL] {
            let real = folder.resolvingSymlinksInPath()
            guard walked.insert(real.path).inserted else { return [] }
            // A link is walked by its real path (the enumerator does not enter a link); a
            // folder by the path the person gave, which the report then shows.
            var status = stat()
            let isLink = lstat(folder.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
            guard let walker = FileManager.default.enumerator(
                at: isLink ? real : folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            else { throw .unreadableFolder(folder.path) }
            // Files inside are named under the folder as given ("luu-tru/a.docx" stays relative).
            let walkedRoot = (isLink ? real : folder).standardizedFileURL.path
            let given = folder.relativePath.hasSuffix("/") && folder.relativePath.count > 1
                ? String(folder.relativePath.dropLast()) : folder.relativePath
            var files: [URL] = []
            for case let url as URL in walker where lstat(url.path, &status) == 0 && !Self.isFolder(status) {
                let found = url.standardizedFileURL.path
                let named = found.hasPrefix(walkedRoot + "/")
                    ? URL(fileURLWithPath: given + found.dropFirst(walkedRoot.count)) : url
                files += followSymlinks ? try entry(named.relativePath) ?? [] : [named]
            }
            return files
        }
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    }
}

/// Documents whose source hash falls in shard `index` of `count` (counted from 0), so a
/// Kubernetes indexed Job, a Slurm array or GNU parallel can fan one batch out: every document
/// lands in exactly one shard, whatever machine computes it.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// "2/8": shard 2 of 8.
    public init(_ text: String) throws(BatchUsageError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index)
        else { throw .badShard(text) }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public func contains(sha256: String) -> Bool {
        guard count > 1 else { return true }
        let leading = UInt64(sha256.prefix(16), radix: 16) ?? 0
        return leading % UInt64(count) == UInt64(index)
    }

    public var description: String { "\(index)/\(count)" }
}

/// A batch asked for in a way that cannot run; the command line exits 2 for these.
public enum BatchUsageError: Error, Equatable, CustomStringConvertible {
    case nothingMatches(String)
    case unreadableFolder(String)
    case badShard(String)
    case badJobs(Int)

    public var description: String {
        switch self {
        case .nothingMatches(let argument): "\(argument): no such file or folder, and no file matches it as a pattern"
        case .unreadableFolder(let path): "\(path): the folder cannot be listed; check its permissions"
        case .badShard(let text): "--shard \(text): write it as i/n with 0 ≤ i < n, such as 0/4 … 3/4"
        case .badJobs(let jobs): "--jobs \(jobs): give at least 1"
        }
    }
}
