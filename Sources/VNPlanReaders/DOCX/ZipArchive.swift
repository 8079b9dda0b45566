import CZlib
import Foundation

/// The entries of a zip archive, read from its central directory with every offset, length and
/// count checked against the file before it is used.
///
/// vnplan reads zip itself (with zlib for inflate) because a damaged archive must end in an
/// error, never a trap or a hang: ZIPFoundation traps on an offset past the end of an in-memory
/// archive, and its inflate loop reads on past the entry to the end of the file.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let isEncrypted: Bool
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    private let bytes: ByteReader
    /// Entries by name; the first of two entries with one name is the one read.
    private(set) var entries: [String: Entry] = [:]

    private static let endOfDirectorySignature: UInt32 = 0x0605_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let endOfDirectorySize = 22
    private static let directoryEntrySize = 46
    private static let localHeaderSize = 30

    init(_ data: Data) throws(ZipError) {
        bytes = ByteReader(data)
        let end = try Self.endOfDirectory(in: bytes)
        let entryCount = bytes.uint16(at: end + 10)
        let directorySize = Int(bytes.uint32(at: end + 12))
        let directoryOffset = Int(bytes.uint32(at: end + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .unsupported("a ZIP64 archive, which no Word document needs")
        }
        guard directoryOffset + directorySize <= end else {
            throw .damaged("the zip directory points past the end of the file")
        }
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<entryCount {
            guard position + Self.directoryEntrySize <= directoryEnd,
                  bytes.uint32(at: position) == Self.directorySignature else {
                throw .damaged("the zip directory lists an entry it does not hold")
            }
            let nameLength = Int(bytes.uint16(at: position + 28))
            let extraLength = Int(bytes.uint16(at: position + 30))
            let commentLength = Int(bytes.uint16(at: position + 32))
            let next = position + Self.directoryEntrySize + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw .damaged("a zip directory entry runs past the directory") }
            let entry = Entry(
                name: String(decoding: bytes.slice(position + Self.directoryEntrySize, count: nameLength), as: UTF8.self),
                method: bytes.uint16(at: position + 10),
                isEncrypted: bytes.uint16(at: position + 8) & 1 != 0,
                crc32: bytes.uint32(at: position + 16),
                compressedSize: Int(bytes.uint32(at: position + 20)),
                uncompressedSize: Int(bytes.uint32(at: position + 24)),
                localHeaderOffset: Int(bytes.uint32(at: position + 42)))
            if entries[entry.name] == nil { entries[entry.name] = entry }
            position = next
        }
    }

    /// The end-of-directory record: the last one whose comment ends exactly at the file's end
    /// (a comment may itself hold the signature's bytes).
    private static func endOfDirectory(in bytes: ByteReader) throws(ZipError) -> Int {
        let latest = bytes.count - endOfDirectorySize
        guard latest >= 0 else { throw .damaged("the zip directory cannot be read") }
        for offset in stride(from: latest, through: max(0, latest - 0xFFFF), by: -1)
        where bytes.uint32(at: offset) == endOfDirectorySignature
            && offset + endOfDirectorySize + Int(bytes.uint16(at: offset + 20)) == bytes.count {
            return offset
        }
        throw .damaged("the zip directory cannot be read")
    }

    /// A stream of the entry's uncompressed bytes, which refuses to give more than `limit`.
    func contents(of entry: Entry, limit: Int) throws(ZipError) -> ZipEntryStream {
        if entry.isEncrypted { throw .encrypted }
        let header = entry.localHeaderOffset
        guard header + Self.localHeaderSize <= bytes.count,
              bytes.uint32(at: header) == Self.localHeaderSignature else {
            throw .damaged("\(entry.name) has no local header where the directory says")
        }
        let start = header + Self.localHeaderSize + Int(bytes.uint16(at: header + 26)) + Int(bytes.uint16(at: header + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw .damaged("\(entry.name) runs past the end of the file")
        }
        let compressed = start..<(start + entry.compressedSize)
        switch entry.method {
        case 0, 8: return try ZipEntryStream(entry: entry, compressed: bytes.slice(compressed), limit: limit)
        default: throw .unsupported("\(entry.name) is compressed with method \(entry.method), not deflate")
        }
    }
}

enum ZipError: Error, Equatable {
    case damaged(String)
    case unsupported(String)
    case encrypted
    /// The entry expands beyond the limit it was read with.
    case tooLarge(entry: String)
}

/// Little-endian reads from bytes whose bounds the caller has checked.
private struct ByteReader {
    let data: Data
    var count: Int { data.count }

    init(_ data: Data) { self.data = data }

    func uint16(at offset: Int) -> UInt16 {
        let base = data.startIndex + offset
        return UInt16(data[base]) | UInt16(data[base + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    func slice(_ offset: Int, count: Int) -> Data { slice(offset..<(offset + count)) }

    func slice(_ range: Range<Int>) -> Data {
        data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
    }
}

/// An entry's bytes, inflated on demand so a large part never needs to be held whole; its
/// length and checksum are checked against the directory when the stream ends.
final class ZipEntryStream {
    typealias Entry = ZipArchive.Entry

    private let entry: Entry
    private let compressed: Data
    private let limit: Int
    /// Bytes of `compressed` handed to zlib (or copied, for a stored entry).
    private var consumed = 0
    private var produced = 0
    private var checksum = CZlib.crc32(0, nil, 0)
    private var finished = false
    /// zlib's state and the input it reads from; nil for a stored entry. The input chunk lives
    /// as long as the stream because zlib keeps pointing into what it has not read yet.
    private let inflater: (stream: UnsafeMutablePointer<z_stream>, input: UnsafeMutablePointer<UInt8>)?

    private static let chunkSize = 65_536

    fileprivate init(entry: Entry, compressed: Data, limit: Int) throws(ZipError) {
        self.entry = entry
        self.compressed = compressed
        self.limit = limit
        guard entry.method == 8 else { inflater = nil; return }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits: raw deflate, as zip stores it (no zlib header).
        guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            throw .damaged("zlib could not start inflating \(entry.name)")
        }
        inflater = (stream, UnsafeMutablePointer<UInt8>.allocate(capacity: Self.chunkSize))
    }

    deinit {
        if let inflater {
            inflateEnd(inflater.stream)
            inflater.stream.deallocate()
            inflater.input.deallocate()
        }
    }

    /// Fills up to `capacity` bytes at `buffer`; 0 at the end of the entry.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ZipError) -> Int {
        guard !finished, capacity > 0 else { return 0 }
        let count: Int
        if let inflater {
            (count, finished) = try inflate(inflater, into: buffer, capacity: capacity)
        } else {
            count = min(capacity, compressed.count - consumed)
            take(count, into: buffer)
            finished = consumed == compressed.count
        }
        produced += count
        guard produced <= limit else { throw .tooLarge(entry: entry.name) }
        checksum = CZlib.crc32(checksum, buffer, UInt32(count))
        if finished, produced != entry.uncompressedSize || checksum != entry.crc32 {
            throw .damaged("\(entry.name) does not match its recorded size and checksum")
        }
        return count
    }

    /// Copies the next `count` bytes of the entry's own data.
    private func take(_ count: Int, into buffer: UnsafeMutablePointer<UInt8>) {
        let start = compressed.startIndex + consumed
        compressed.copyBytes(to: buffer, from: start..<(start + count))
        consumed += count
    }

    /// Inflates until some output comes or the stream ends. Input comes only from the entry's
    /// own bytes, so a damaged stream stops at the entry's end with an error.
    private func inflate(_ inflater: (stream: UnsafeMutablePointer<z_stream>, input: UnsafeMutablePointer<UInt8>),
                         into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ZipError) -> (Int, ended: Bool) {
        let stream = inflater.stream
        let outputSize = UInt32(min(capacity, Int(UInt32.max)))
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = outputSize
        var ended = false
        while stream.pointee.avail_out == outputSize, !ended {
            if stream.pointee.avail_in == 0 {
                guard consumed < compressed.count else {
                    throw .damaged("\(entry.name) ends in the middle of its compressed data")
                }
                let count = min(Self.chunkSize, compressed.count - consumed)
                take(count, into: inflater.input)
                stream.pointee.next_in = inflater.input
                stream.pointee.avail_in = UInt32(count)
            }
            switch CZlib.inflate(stream, Z_NO_FLUSH) {
            case Z_STREAM_END: ended = true
            case Z_OK: continue
            default: throw .damaged("\(entry.name) has damaged compressed data")
            }
        }
        return (Int(outputSize - stream.pointee.avail_out), ended)
    }
}
