import CTesseract
import Foundation

/// What leptonica, libpng and libjpeg say while they decode an image, kept instead of printed:
/// a damaged file gives one error line naming it, with the library's reason, rather than a
/// burst of library messages on the terminal. Messages leptonica prints at any other time
/// (a warning from a morphology step) are dropped.
enum LibraryMessages {
    /// Serialises the windows in which `stderr` points at a memory stream.
    private static let window = NSLock()
    /// Guards `owner` and `leptonicaText`: leptonica calls the handler on any thread.
    private static let state = NSLock()
    nonisolated(unsafe) private static var owner: pthread_t?
    nonisolated(unsafe) private static var leptonicaText = ""
    private static let limit = 2_000

    private static let handlerInstalled: Void = {
        leptSetStderrHandler { message in
            guard let message else { return }
            LibraryMessages.state.lock()
            defer { LibraryMessages.state.unlock() }
            guard let owner = LibraryMessages.owner, pthread_equal(owner, pthread_self()) != 0,
                  LibraryMessages.leptonicaText.utf8.count < LibraryMessages.limit else { return }
            LibraryMessages.leptonicaText += String(cString: message)
        }
    }()

    /// Runs `body` with the libraries' messages captured; returns its value and the first
    /// message line, if any library complained.
    static func capturing<Value>(_ body: () -> Value) -> (value: Value, message: String?) {
        _ = handlerInstalled
        window.lock()
        defer { window.unlock() }
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        let stream = open_memstream(&buffer, &size)
        let previous = stream.map { vnplan_swap_stderr($0) }
        state.lock(); owner = pthread_self(); leptonicaText = ""; state.unlock()

        let value = body()

        state.lock(); owner = nil; let leptonica = leptonicaText; state.unlock()
        if let previous { vnplan_swap_stderr(previous) }
        if let stream { fclose(stream) }
        let direct = buffer.map { String(cString: $0) } ?? ""
        free(buffer)
        return (value, firstLine(of: direct + leptonica))
    }

    /// The first line a library printed, without leptonica's "Error in function:" prefix.
    private static func firstLine(of text: String) -> String? {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces)
        guard var line, !line.isEmpty else { return nil }
        if line.hasPrefix("Error in "), let colon = line.firstIndex(of: ":") {
            line = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return String(line.prefix(160))
    }
}
