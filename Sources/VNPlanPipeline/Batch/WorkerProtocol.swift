import Foundation
import VNPlanModel
#if canImport(Glibc)
import Glibc
#endif

/// What the batch and its worker processes say to each other over two pipes: frames of a
/// 4-byte big-endian length and that many bytes.
///
///     batch ► worker   hello (JSON WorkerHello), then per document: its name, its bytes
///     worker ► batch   per document: a reply (JSON WorkerReply)
///
/// The worker answers one document at a time, so a reply always belongs to the last request.
enum WorkerProtocol {
    /// The largest reply the batch accepts: a plan is far smaller, so a longer frame can only
    /// come from a worker that went wrong.
    static let replyLimit = 256 * 1_048_576

    static func frame(_ payload: Data) -> Data {
        let length = UInt32(clamping: payload.count)
        return Data([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
            + payload
    }

    /// The payload length a frame's first four bytes announce.
    static func length(of header: Data) -> Int {
        header.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    }

    /// Writes all of `data` to a descriptor; false when the reader is gone (EPIPE) or the
    /// descriptor fails.
    static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Reads exactly `count` bytes, blocking; nil at the end of the stream or on an error.
    static func read(_ count: Int, from descriptor: Int32) -> Data? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while data.count < count {
            let wanted = min(chunk.count, count - data.count)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, wanted) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            data.append(contentsOf: chunk.prefix(got))
        }
        return data
    }

    /// One frame, blocking: what the worker uses, reading from the batch that started it.
    static func readFrame(from descriptor: Int32) -> Data? {
        guard let header = read(4, from: descriptor) else { return nil }
        return read(length(of: header), from: descriptor)
    }
}

/// The first frame a worker reads: how to convert and within what memory.
struct WorkerHello: Codable {
    var configuration: PipelineConfiguration
    var memoryLimitMB: Int
}

/// A worker's answer for one document.
enum WorkerReply: Codable {
    case plan(Plan)
    case failure(stage: PipelineError.Stage, reason: String)
}
