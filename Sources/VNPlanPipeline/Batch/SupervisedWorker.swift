import Foundation
import VNPlanModel
import VNPlanReaders
#if canImport(Glibc)
import Glibc
#endif

/// How a batch starts a worker process: this program again, with its hidden `worker` command.
public struct WorkerCommand: Sendable {
    public var executable: URL
    public var arguments: [String]
    /// Variables added to the batch's own environment.
    public var environment: [String: String]

    public init(executable: URL, arguments: [String] = ["worker"], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}

/// What one document's conversion came to, wherever it ran.
enum Conversion {
    case plan(Plan)
    case failed(stage: PipelineError.Stage, reason: String)
    /// The worker died of a signal ("SIGILL") or exited on its own; `detail` is its last word.
    case crashed(signal: String?, detail: String)
    case timedOut(seconds: Int)
    case outOfMemory(limitMB: Int, detail: String)
}

/// Converts documents one at a time.
protocol DocumentConverter {
    func convert(_ input: InputFile) -> Conversion
    /// Ends what the converter started.
    func finish()
}

/// Conversion in the batch's own process: what `convert` does, and the yardstick the
/// isolation's cost is measured against.
struct InProcessConverter: DocumentConverter {
    let pipeline: Pipeline

    func convert(_ input: InputFile) -> Conversion {
        do { return .plan(try pipeline.convert(input)) }
        catch { return .failed(stage: error.stage, reason: error.reason) }
    }

    func finish() {}
}

/// One worker process, started when first needed, given document after document, and
/// replaced by a fresh one after a document crashed it, outlived its time or its memory.
/// Used by one thread at a time.
final class SupervisedWorker: DocumentConverter {
    private let command: WorkerCommand
    private let hello: Data
    private let limits: PipelineConfiguration.BatchSettings
    private var running: Running?
    /// The end of the worker's standard error, kept to say why it died.
    private var errorTail = Data()
    private static let errorTailLimit = 8_192

    private struct Running {
        let process: Process
        let requests: Pipe
        let replies: Pipe
        let errors: Pipe
    }

    init(command: WorkerCommand, configuration: PipelineConfiguration) {
        self.command = command
        self.limits = configuration.batch
        // Strings, numbers and lists: encoding cannot fail (and a worker refuses an empty hello).
        let hello = WorkerHello(configuration: configuration, memoryLimitMB: configuration.batch.memoryLimitMB)
        self.hello = WorkerProtocol.frame((try? JSONEncoder().encode(hello)) ?? Data())
        _ = Self.ignoreBrokenPipes
    }

    /// A worker that dies while the batch writes to it must be an error of that write, not
    /// a SIGPIPE that ends the batch.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    func convert(_ input: InputFile) -> Conversion {
        let worker: Running
        do { worker = try running ?? start() }
        catch { return .failed(stage: .read, reason: "no worker process could be started (\(error.localizedDescription))") }
        running = worker
        errorTail.removeAll()
        let deadline = ContinuousClock.now + .seconds(limits.timeLimitSeconds)
        let request = WorkerProtocol.frame(Data(input.name.utf8)) + WorkerProtocol.frame(input.data)
        guard WorkerProtocol.write(request, to: worker.requests.fileHandleForWriting.fileDescriptor) else {
            return ended(worker)
        }
        return reply(from: worker, before: deadline)
    }

    func finish() {
        guard let worker = running else { return }
        running = nil
        // The end of its input tells an idle worker to exit.
        try? worker.requests.fileHandleForWriting.close()
        worker.process.waitUntilExit()
    }

    /// Workers are started one at a time, their pipes closed on exec: a worker started by
    /// another thread must not inherit this one's pipe ends, or this worker would never see
    /// the end of its input (a batch of two jobs hung on it when finishing).
    private static let spawning = NSLock()

    private func start() throws -> Running {
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments
        // A crash report with a symbolicated backtrace takes seconds; one line is enough here.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .merging(command.environment) { $1 }
        let worker = Running(process: process, requests: Pipe(), replies: Pipe(), errors: Pipe())
        for pipe in [worker.requests, worker.replies, worker.errors] {
            for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
                _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
            }
        }
        process.standardInput = worker.requests
        process.standardOutput = worker.replies
        process.standardError = worker.errors
        try process.run()
        // A worker that died at once is found out by the request that follows, and its exit told.
        _ = WorkerProtocol.write(hello, to: worker.requests.fileHandleForWriting.fileDescriptor)
        return worker
    }

    /// Waits for the reply, keeping the worker's standard error drained (a full pipe would
    /// stall it) and its last lines.
    private func reply(from worker: Running, before deadline: ContinuousClock.Instant) -> Conversion {
        var descriptors = [pollfd(fd: worker.replies.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: worker.errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        var reply = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return timedOut(worker) }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready < 0 && errno != EINTR { return ended(worker) }
            guard ready > 0 else { continue }
            if descriptors[1].revents != 0 && !drainErrors(descriptors[1].fd, into: &chunk) {
                descriptors[1].fd = -1  // closed: poll skips negative descriptors
            }
            guard descriptors[0].revents != 0 else { continue }
            let got = chunk.withUnsafeMutableBytes { read(descriptors[0].fd, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return ended(worker) }
            reply.append(contentsOf: chunk.prefix(got))
            guard reply.count >= 4 else { continue }
            let length = WorkerProtocol.length(of: reply)
            guard length <= WorkerProtocol.replyLimit else {
                return abandoned(worker, because: "sent a reply of \(length) bytes, more than a plan can be")
            }
            guard reply.count >= 4 + length else { continue }
            do {
                return switch try JSONDecoder().decode(WorkerReply.self, from: reply.dropFirst(4).prefix(length)) {
                case .plan(let plan): .plan(plan)
                case .failure(let stage, let reason): .failed(stage: stage, reason: reason)
                }
            } catch {
                return abandoned(worker, because: "sent a reply that cannot be read")
            }
        }
    }

    /// Reads what the worker wrote to standard error; false when it closed it.
    private func drainErrors(_ descriptor: Int32, into chunk: inout [UInt8]) -> Bool {
        let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if got < 0 && errno == EINTR { return true }
        guard got > 0 else { return false }
        errorTail.append(contentsOf: chunk.prefix(got))
        if errorTail.count > Self.errorTailLimit { errorTail = Data(errorTail.suffix(Self.errorTailLimit)) }
        return true
    }

    private func timedOut(_ worker: Running) -> Conversion {
        stop(worker)
        return .timedOut(seconds: limits.timeLimitSeconds)
    }

    private func abandoned(_ worker: Running, because problem: String) -> Conversion {
        stop(worker)
        return .crashed(signal: nil, detail: "the worker \(problem)")
    }

    private func stop(_ worker: Running) {
        kill(worker.process.processIdentifier, SIGKILL)
        // Foundation sees the exit only when every holder of the worker's descriptors is
        // gone: a child the worker left behind ("cat") must see the end of its input too.
        try? worker.requests.fileHandleForWriting.close()
        worker.process.waitUntilExit()
        running = nil
    }

    /// The worker closed its output: it died. Why, from its exit and its last words.
    private func ended(_ worker: Running) -> Conversion {
        worker.process.waitUntilExit()
        running = nil
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let errors = worker.errors.fileHandleForReading.fileDescriptor
        _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
        while drainErrors(errors, into: &chunk) {}
        let detail = Self.lastWords(errorTail)
        let status = worker.process.terminationStatus
        guard worker.process.terminationReason == .uncaughtSignal else {
            return .crashed(signal: nil, detail: "the worker exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        // The kernel's out-of-memory killer sends SIGKILL; the batch sends it only on a time-out.
        if status == SIGKILL || Self.allocationFailures.contains(where: { detail.localizedCaseInsensitiveContains($0) }) {
            return .outOfMemory(limitMB: limits.memoryLimitMB, detail: detail)
        }
        return .crashed(signal: Self.signalName(status), detail: detail)
    }

    /// How the Swift runtime, C++ and C libraries say that an allocation failed.
    static let allocationFailures = ["failed to allocate", "could not allocate memory", "bad_alloc", "cannot allocate memory", "out of memory"]

    /// The line that says most about a death: Swift's "Fatal error: …", else the last line.
    static func lastWords(_ errors: Data) -> String {
        let lines = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let line = lines.last { $0.contains("Fatal error") } ?? lines.last ?? ""
        return String(line.prefix(300))
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
                                      SIGFPE: "SIGFPE", SIGSEGV: "SIGSEGV", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
                                      SIGINT: "SIGINT", SIGPIPE: "SIGPIPE", SIGXCPU: "SIGXCPU", SIGSYS: "SIGSYS"]
        return names[signal] ?? "signal \(signal)"
    }
}
