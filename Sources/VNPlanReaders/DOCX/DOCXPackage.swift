import Foundation
import ZIPFoundation

/// The parts of a DOCX (a zip archive) that the reader needs, extracted with a size limit so
/// a zip bomb is refused instead of filling memory.
struct DOCXPackage {
    static let mainDocumentPart = "word/document.xml"
    /// No real plan's document.xml comes near this; a bomb expands far beyond it.
    static let partSizeLimit = 200 * 1_048_576

    private let archive: Archive
    private let fileName: String

    init(_ input: InputFile) throws(ReaderError) {
        do { archive = try Archive(data: input.data, accessMode: .read) }
        catch { throw .corruptArchive(file: input.name, reason: "the zip directory cannot be read") }
        fileName = input.name
        guard archive[Self.mainDocumentPart] != nil else {
            if archive["EncryptionInfo"] != nil { throw .encrypted(file: input.name) }
            throw .missingPart(file: input.name, part: Self.mainDocumentPart)
        }
    }

    /// The part's bytes, or nil when the archive does not have it.
    func part(_ path: String) throws(ReaderError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.partSizeLimit) else {
            throw .tooLarge(file: fileName, part: path, limit: Self.partSizeLimit)
        }
        var data = Data()
        do {
            // The declared size can lie; count what really comes out.
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= Self.partSizeLimit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw .tooLarge(file: fileName, part: path, limit: Self.partSizeLimit)
        } catch {
            throw .corruptArchive(file: fileName, reason: "\(path) cannot be decompressed")
        }
        return data
    }

    private struct PartTooLarge: Error {}
}
