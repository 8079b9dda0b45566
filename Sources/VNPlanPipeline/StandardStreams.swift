import Foundation

extension FileHandle {
    /// Writes the text; false when nobody reads any more (`vnplan ingest | head` closed the
    /// pipe). Foundation's `write(_:)` traps on that; a batch must not die of it.
    @discardableResult
    public func write(text: String) -> Bool {
        (try? write(contentsOf: Data(text.utf8))) != nil
    }
}
