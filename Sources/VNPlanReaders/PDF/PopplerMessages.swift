import PopplerCore

/// poppler's own messages ("Syntax Error: …"), which it would print on stderr beside vnplan's
/// lines: kept per thread and handed to the reader, which puts them in one warning or error.
enum PopplerMessages {
    /// Sends poppler's messages here. poppler-glib sets its own handler (which drops them)
    /// as it opens a document, so this is called again once the document is open.
    static func capture() { vnp_poppler_messages_capture() }

    /// The messages poppler gave on this thread since the last call, as one line: how many and
    /// the first few. nil when there were none.
    static func take() -> String? {
        var buffer = [CChar](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBufferPointer { vnp_poppler_messages_take($0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var distinct: [String] = []
        for line in text.split(separator: "\n").map(String.init) where !distinct.contains(line) && distinct.count < 3 {
            distinct.append(line)
        }
        let shown = distinct.map { "“\($0)”" }.joined(separator: ", ")
        return count == 1 ? "poppler reported a fault: \(shown)" : "poppler reported \(count) faults, among them \(shown)"
    }
}
