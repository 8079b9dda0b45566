import Foundation

/// The parts of a DOCX (a zip archive) that the reader needs, inflated with a size limit so
/// a zip bomb is refused instead of filling memory.
struct DOCXPackage {
    static let mainDocumentPart = "word/document.xml"
    /// No real plan's document.xml comes near this (a thousand pages of text is a few MB); a
    /// bomb expands far beyond it. The document read from a part costs several times the
    /// part's size in memory, so the limit keeps a conversion well under a gigabyte.
    static let partSizeLimit = 64 * 1_048_576

    private let archive: ZipArchive
    private let fileName: String

    init(_ input: InputFile) throws(ReaderError) {
        do { archive = try ZipArchive(input.data) }
        catch { throw Self.readerError(error, file: input.name) }
        fileName = input.name
        guard archive.entries[Self.mainDocumentPart] != nil else {
            if archive.entries["EncryptionInfo"] != nil { throw .encrypted(file: input.name) }
            throw .missingPart(file: input.name, part: Self.mainDocumentPart)
        }
    }

    /// The part's bytes as a stream, or nil when the archive does not have it.
    func stream(_ path: String) throws(ReaderError) -> ZipEntryStream? {
        guard let entry = archive.entries[path] else { return nil }
        // The declared size can lie: the stream also counts what really comes out.
        guard entry.uncompressedSize <= Self.partSizeLimit else {
            throw .tooLarge(file: fileName, part: path, limit: Self.partSizeLimit)
        }
        do { return try archive.contents(of: entry, limit: Self.partSizeLimit) }
        catch { throw Self.readerError(error, file: fileName) }
    }

    static func readerError(_ error: ZipError, file: String) -> ReaderError {
        switch error {
        case .damaged(let reason), .unsupported(let reason): .corruptArchive(file: file, reason: reason)
        case .encrypted: .encrypted(file: file)
        case .tooLarge(let entry): .tooLarge(file: file, part: entry, limit: partSizeLimit)
        }
    }
}
