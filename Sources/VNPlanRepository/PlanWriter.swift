import Foundation
import VNPlanModel

/// Writes files so that a reader never sees half of one: a temporary file beside the
/// target, then an atomic rename.
public enum AtomicFile {
    /// Temporary files carry the writer's process id, so that a later run can tell the
    /// leftovers of a killed writer (safe to delete) from files another writer is still filling.
    static let temporarySuffix = ".tmp"

    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString)\(temporarySuffix)")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: url.path,
                NSLocalizedDescriptionKey: "cannot move the new file into place: \(String(cString: strerror(code)))",
            ])
        }
    }

    /// The process that wrote a temporary file, read from its name; nil for other files.
    static func writer(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(temporarySuffix) else { return nil }
        let parts = name.dropLast(temporarySuffix.count).split(separator: ".")
        guard parts.count >= 3 else { return nil }
        return pid_t(parts[parts.count - 2])
    }
}
