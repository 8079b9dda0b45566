import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a file (flock), so that vnplan processes writing one repository take
/// turns: the lock is the kernel's, released when its holder exits, even by kill -9.
///
/// flock excludes other processes, not other threads of this one (they share the open
/// file), so a mutex orders the threads first.
public final class RepositoryLock: @unchecked Sendable {
    /// Where the lock of a repository's writes lives.
    public static func storeLock(of root: URL) -> URL { root.appendingPathComponent(".vnplan.lock") }

    /// The lock that one batch holds while it runs, beside its report: two batches that
    /// would write the same report run one after the other.
    public static func runLock(ofReport report: URL) -> URL {
        report.deletingLastPathComponent().appendingPathComponent(".\(report.lastPathComponent).lock")
    }

    public let url: URL
    private let descriptor: Int32
    private let threads = NSLock()

    /// Opens (or creates) the lock file; nothing is locked yet.
    public init(_ url: URL) throws(LockError) {
        self.url = url
        do { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        catch { throw LockError(path: url.path, reason: error.localizedDescription) }
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw LockError(path: url.path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    /// Takes the lock; `waiting` is told once when another process holds it, before waiting.
    public func lock(waiting: () -> Void = {}) throws(LockError) {
        threads.lock()
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                threads.unlock()
                throw LockError(path: url.path, reason: reason)
            }
        }
    }

    public func unlock() {
        flock(descriptor, LOCK_UN)
        threads.unlock()
    }
}

public struct LockError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot be locked (\(reason)); check that the folder is writable" }
}
