import Foundation
import VNPlanReaders
#if canImport(Glibc)
import Glibc
#endif

/// Reads one document of a batch, taking only regular files: a symbolic link is followed
/// only when asked (a link in an archive folder could point at /etc/shadow, and ingest would
/// copy it into the git-tracked sources/), and a device, FIFO or socket is never read (it
/// may never end).
enum BatchDocument {
    enum Outcome {
        case input(InputFile)
        /// Not a regular file; the reason says what it is and how to take it.
        case refused(String)
        case unreadable(ReaderError)
    }

    static func read(_ url: URL, followSymlinks: Bool) -> Outcome {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return .unreadable(error(url)) }
        if kind(status) == S_IFLNK {
            guard followSymlinks else {
                return .refused("a symbolic link; ingest takes links only with --follow-symlinks")
            }
            guard stat(url.path, &status) == 0 else { return .unreadable(error(url)) }
        }
        if let refusal = refusal(status) { return .refused(followSymlinks ? "a link to " + refusal : refusal) }
        // O_NOFOLLOW and the check of what was opened close the gap between the look and the
        // read, in which the file could be replaced by a link.
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followSymlinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return .unreadable(error(url)) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard fstat(descriptor, &status) == 0 else { return .unreadable(error(url)) }
        if let refusal = refusal(status) { return .refused(refusal) }
        do { return .input(InputFile(name: url.lastPathComponent, data: try handle.readToEnd() ?? Data())) }
        catch { return .unreadable(.unreadable(file: url.lastPathComponent, reason: error.localizedDescription)) }
    }

    private static func kind(_ status: stat) -> mode_t { status.st_mode & S_IFMT }

    /// What a file that is not a regular file is, in words; nil for a regular file.
    private static func refusal(_ status: stat) -> String? {
        switch kind(status) {
        case S_IFREG: nil
        case S_IFDIR: "a folder (reached through a link; name the folder itself)"
        case S_IFIFO: "a FIFO (named pipe), which ingest never reads"
        case S_IFCHR, S_IFBLK: "a device, which ingest never reads"
        case S_IFSOCK: "a socket, which ingest never reads"
        default: "not a regular file"
        }
    }

    private static func error(_ url: URL) -> ReaderError {
        .unreadable(file: url.lastPathComponent, reason: String(cString: strerror(errno)))
    }
}
