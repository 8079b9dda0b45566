import Foundation

/// Bytes of an earlier extraction to text.
///
/// A byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, valid UTF-8 is UTF-8 and
/// anything else is read as Windows-1252, byte for byte. That last choice matters: legacy
/// Vietnamese fonts (TCVN3/ABC, VNI) stored their letters in 8-bit code points, and the
/// normalizer recognises them from the Windows-1252 characters, so no byte may be lost or
/// replaced here.
enum TextDecoding {
    static func decode(_ data: Data) -> String {
        MarkRuns.streamSafe(decodeBytes(data))
    }

    private static func decodeBytes(_ data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if let order = unmarkedUTF16(bytes) { return utf16(bytes[...], bigEndian: order) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1252(bytes)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// UTF-16 without a mark shows as text whose every other byte is zero; the side the
    /// zeros fall on gives the byte order. `nil` when the bytes do not look like UTF-16.
    static func unmarkedUTF16<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 >= half * 3, evenZeros * 10 < half { return false }
        if evenZeros * 10 >= half * 3, oddZeros * 10 < half { return true }
        return nil
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F. The five bytes the code page leaves
    /// undefined keep their value as C1 code points, so the text still holds every byte.
    private static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? c1[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? Unicode.Scalar(UInt32(byte))!)
        }
        return String(scalars)
    }

    private static let c1: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
