import Foundation
import VNPlanModel

/// Writes files so that a reader never sees half of one: a temporary file beside the
/// target, then an atomic rename.
public enum AtomicFile {
    /// Temporary files carry the writer's process id, so that a later run can tell the
    /// leftovers of a killed writer (safe to delete) from files another writer is still filling.
    static let temporarySuffix = ".tmp"

    /// What to do when the path names a symbolic link.
    public enum Links: Sendable {
        /// Write into the file the link points to and keep the link: what a person who names
        /// a path (`-o`, `--report`) expects, as a shell redirection does.
        case writeThrough
        /// Put a file in the link's place: inside a repository, a link planted in `plans/`
        /// must never make vnplan write outside it.
        case replace
    }

    /// Writes the data to `url`; see `OutputFile` for what happens to paths that are not
    /// regular files.
    public static func write(_ data: Data, to url: URL, links: Links = .writeThrough) throws(OutputError) {
        try OutputFile.write(data, to: url.path, links: links)
    }

    static func temporaryURL(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(getpid()).\(UUID().uuidString)\(temporarySuffix)")
    }

    /// The process that wrote a temporary file, read from its name; nil for other files.
    static func writer(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(temporarySuffix) else { return nil }
        let parts = name.dropLast(temporarySuffix.count).split(separator: ".")
        guard parts.count >= 3 else { return nil }
        return pid_t(parts[parts.count - 2])
    }
}

/// Where a command writes what a person asked for: standard output (no path, or "-", as
/// pandoc and most Unix tools read it), or a file.
///
/// A regular file, or a path where nothing is yet, is replaced atomically (a temporary file
/// beside it, then a rename). Anything else is written through and never replaced: a FIFO, a
/// terminal, `/dev/null`, and (unless `links` is `.replace`) the file a symbolic link points
/// to. A folder is refused. Written in 64 KB pieces, so output of any length is never held whole.
public final class OutputFile {
    /// The path as given, for messages ("-" for standard output).
    public let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The temporary file and the file it becomes, when the output is replaced atomically.
    private var replacement: (temporary: String, target: String)?
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    public static let standardOutputName = "-"

    /// - Parameter path: nil or "-" for standard output.
    public init(path: String?, links: AtomicFile.Links = .writeThrough) throws(OutputError) {
        guard let path, path != Self.standardOutputName else {
            self.path = Self.standardOutputName
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            return
        }
        self.path = path
        ownsDescriptor = true
        switch Self.kind(of: path, links: links) {
        case .folder:
            throw OutputError(path: path, problem: "is a folder; name a file to write to")
        case .special(let target):
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
        case .replaceable(let target):
            let targetURL = URL(fileURLWithPath: target)
            do {
                try FileManager.default.createDirectory(at: targetURL.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, problem: "its folder cannot be created; check the path and permissions")
            }
            let temporary = AtomicFile.temporaryURL(for: targetURL).path
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
            replacement = (temporary, target)
            // The replaced file keeps its permissions (an executable hook stays executable).
            var existing = stat()
            if stat(target, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        }
    }

    /// Writes the whole of `data` to the path (nil or "-": standard output).
    public static func write(_ data: Data, to path: String?, links: AtomicFile.Links = .writeThrough) throws(OutputError) {
        let output = try OutputFile(path: path, links: links)
        try output.write(data)
        try output.commit()
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        if let replacement { unlink(replacement.temporary) }
    }

    public func write(_ data: Data) throws(OutputError) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.chunk { try flush() }
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes what is left and, for a replaced file, moves it into place.
    public func commit() throws(OutputError) {
        try flush()
        guard let replacement else { return }
        if rename(replacement.temporary, replacement.target) != 0 {
            throw OutputError(path: path, problem: "the new file cannot be moved into place (\(String(cString: strerror(errno))))")
        }
        self.replacement = nil
    }

    private func flush() throws(OutputError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, errno: errno)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private enum Kind {
        case folder
        /// Written through: a FIFO, a device, a socket, or a link whose target is one (or missing).
        case special(String)
        /// Replaced by a rename: a regular file, or nothing yet.
        case replaceable(String)
    }

    private static func kind(of path: String, links: AtomicFile.Links) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .replaceable(path) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .replaceable(path)
        case S_IFLNK:
            if links == .replace { return .replaceable(path) }
            // The link's final target, replaced atomically when it is a regular file; a link
            // that leads nowhere yet is written through, creating its target as a shell would.
            guard let resolved = realpath(path, nil) else { return .special(path) }
            defer { free(resolved) }
            let target = String(cString: resolved)
            return kind(of: target, links: links)
        default: return .special(path)
        }
    }
}

/// An output that cannot be written, naming the path and what to do.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    init(path: String, errno code: Int32) {
        let reason = String(cString: strerror(code))
        let advice = switch code {
        case ENOSPC, EDQUOT: "free some disk space"
        case EACCES, EPERM, EROFS: "check the permissions, or write elsewhere"
        case ENOENT, ENOTDIR: "check the path"
        default: "check the path, disk space and permissions"
        }
        self.init(path: path == OutputFile.standardOutputName ? "standard output" : path,
                  problem: "cannot be written (\(reason)); \(advice)")
    }

    public var description: String { "\(path): \(problem)" }
}
