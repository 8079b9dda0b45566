import Foundation
import VNPlanModel

/// Recognises a file's format by its content, never by its extension.
public enum FormatSniffer {
    public static func format(of input: InputFile) throws(ReaderError) -> SourceFormat {
        let bytes = input.data.prefix(8)
        guard !bytes.isEmpty else { throw .empty(file: input.name) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        // An encrypted Office file is an OLE compound document, not a zip.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .encrypted(file: input.name)
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return .image
        }
        if looksLikeText(input.data) { return .text }
        throw .unrecognizedFormat(file: input.name)
    }

    /// Valid UTF-8 (or 8-bit legacy text) without control bytes other than whitespace.
    private static func looksLikeText(_ data: Data) -> Bool {
        let sample = data.prefix(65_536)
        let controls = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
        return controls * 100 <= sample.count
    }
}
