import Foundation
import VNPlanModel

/// Recognises a file's format by its content, never by its extension; the extension is only
/// compared with it, so a file whose name claims another format is reported.
/// The one place that knows the formats' signatures.
public enum FormatSniffer {
    private static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// An encrypted Office file is an OLE compound document, not a zip.
    private static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let pdf = Array("%PDF-".utf8)
    private static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47]
    private static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    private static let tiff: [[UInt8]] = [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]

    public static func format(of input: InputFile) throws(ReaderError) -> SourceFormat {
        let format = try contentFormat(of: input)
        if format == .text, let claimed = claimedFormat(of: input.name), claimed != .text {
            throw .formatMismatch(file: input.name, claimed: claimed.rawValue, found: format.rawValue)
        }
        return format
    }

    /// The format the file's extension names, if it names one vnplan reads.
    public static func claimedFormat(of fileName: String) -> SourceFormat? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "docx", "docm", "dotx": return .docx
        case "pdf": return .pdf
        case "png", "jpg", "jpeg", "tif", "tiff": return .image
        case "txt", "text", "md": return .text
        default: return nil
        }
    }

    private static func contentFormat(of input: InputFile) throws(ReaderError) -> SourceFormat {
        let bytes = input.data.prefix(8)
        guard !bytes.isEmpty else { throw .empty(file: input.name) }
        if bytes.starts(with: zip) { return .docx }
        if bytes.starts(with: ole) { throw .encrypted(file: input.name) }
        if bytes.starts(with: pdf) { return .pdf }
        if imageExtension(bytes) != nil { return .image }
        if looksLikeText(input.data) { return .text }
        throw .unrecognizedFormat(file: input.name)
    }

    /// The extension an original is kept under: its format's, and an image's kind read from
    /// its first bytes, never taken from the name it arrived with (which may be wrong).
    public static func fileExtension(of data: Data, format: SourceFormat) -> String {
        switch format {
        case .docx: "docx"
        case .pdf: "pdf"
        case .text: "txt"
        case .image: imageExtension(data.prefix(8)) ?? "tif"
        }
    }

    private static func imageExtension(_ bytes: Data) -> String? {
        if bytes.starts(with: png) { return "png" }
        if bytes.starts(with: jpeg) { return "jpg" }
        if tiff.contains(where: bytes.starts(with:)) { return "tif" }
        return nil
    }

    /// UTF-16, with or without a byte-order mark, or valid UTF-8 (or 8-bit legacy text)
    /// without control bytes other than whitespace.
    private static func looksLikeText(_ data: Data) -> Bool {
        let sample = data.prefix(65_536)
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
            || TextDecoding.unmarkedUTF16(sample) != nil { return true }
        let controls = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
        return controls * 100 <= sample.count
    }
}
