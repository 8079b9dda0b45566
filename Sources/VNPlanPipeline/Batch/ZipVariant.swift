import Foundation

/// Copies of a zip file (a DOCX) that differ only in the archive comment: different bytes and
/// hash, the same document inside. Benchmarks and batch tests use them to make many distinct
/// documents out of a few real ones.
public enum ZipVariant {
    public struct NotAZip: Error {}

    public static func withComment(_ zip: Data, _ comment: Data) throws -> Data {
        let bytes = [UInt8](zip)
        let endSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
        guard bytes.count >= 22, let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 65_557), by: -1)
            .first(where: { Array(bytes[$0..<$0 + 4]) == endSignature })
        else { throw NotAZip() }
        let length = min(comment.count, 65_535)
        return Data(bytes[..<(end + 20)]) + Data([UInt8(length & 0xFF), UInt8(length >> 8)]) + comment.prefix(length)
    }

    /// `count` distinct copies of the documents, in turn, as document-00000.docx … in `folder`.
    public static func writeCopies(of documents: [Data], count: Int, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let copy = try withComment(documents[index % documents.count], Data("benchmark copy \(index)".utf8))
            try copy.write(to: folder.appendingPathComponent(String(format: "document-%05d.docx", index)))
        }
    }
}
