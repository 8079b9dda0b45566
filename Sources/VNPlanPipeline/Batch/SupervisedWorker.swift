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
///
/// Started with posix_spawn rather than Foundation's Process: its pipes are created
/// close-on-exec and the child closes every other descriptor, so no worker (nor any other
/// program this process starts at the same time) holds another worker's pipe open, which
/// would hide that worker's death; and the batch waits for its own child with waitpid.
final class SupervisedWorker: DocumentConverter {
    private let command: WorkerCommand
    private let hello: Data
    private let limits: PipelineConfiguration.BatchSettings
    private var running: Running?
    /// The end of the worker's standard error, kept to say why it died.
    private var errorTail = Data()
    private static let errorTailLimit = 8_192

    private struct Running {
        let pid: pid_t
        /// The batch's ends of the worker's standard input, output and error.
        let requests: Int32
        let replies: Int32
        let errors: Int32
    }

    /// How a worker ended, from waitpid's status.
    private enum Exit {
        case status(Int32)
        case signal(Int32)
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
        if let started = running {
            worker = started
        } else {
            do { worker = try start() }
            catch { return .failed(stage: .read, reason: "no worker process could be started (\(error.description))") }
            running = worker
        }
        errorTail.removeAll()
        let deadline = ContinuousClock.now + .seconds(limits.timeLimitSeconds)
        let request = WorkerProtocol.frame(Data(input.name.utf8)) + WorkerProtocol.frame(input.data)
        guard WorkerProtocol.write(request, to: worker.requests) else { return ended(worker) }
        return reply(from: worker, before: deadline)
    }

    func finish() {
        guard let worker = running else { return }
        // The end of its input tells an idle worker to exit.
        close(worker.requests)
        _ = reap(worker)
    }

    private struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private func start() throws(SpawnError) -> Running {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard Self.pipe(&input), Self.pipe(&output), Self.pipe(&errors) else {
            let reason = String(cString: strerror(errno))
            for descriptor in input + output + errors where descriptor >= 0 { close(descriptor) }
            throw SpawnError(description: "no pipe: \(reason)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO)
        // What posix_spawn's closefrom would do: descriptors another thread opened without
        // close-on-exec (Foundation's pipes are) stay out of the worker.
        for descriptor in 3...Self.highestOpenDescriptor() { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // A crash report with a symbolicated backtrace takes seconds; one line is enough here.
        let environment = ProcessInfo.processInfo.environment
            .merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .merging(command.environment) { $1 }
        let argv = ([command.executable.path] + command.arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command.executable.path, &actions, nil, argv, envp)
        for descriptor in [input[0], output[1], errors[1]] { close(descriptor) }
        guard spawned == 0 else {
            for descriptor in [input[1], output[0], errors[0]] { close(descriptor) }
            throw SpawnError(description: "\(command.executable.path): \(String(cString: strerror(spawned)))")
        }
        // A worker that died at once is found out by the request that follows, and its exit told.
        _ = WorkerProtocol.write(hello, to: input[1])
        return Running(pid: pid, requests: input[1], replies: output[0], errors: errors[0])
    }

    static func highestOpenDescriptor() -> Int32 {
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return max(3, open.compactMap { Int32($0) }.max() ?? 3)
    }

    /// A pipe whose ends programs started later do not inherit.
    private static func pipe(_ ends: inout [Int32]) -> Bool {
        guard Glibc.pipe(&ends) == 0 else { return false }
        return ends.allSatisfy { fcntl($0, F_SETFD, FD_CLOEXEC) == 0 }
    }

    /// Waits for the worker to end and closes the batch's ends of its pipes.
    private func reap(_ worker: Running) -> Exit {
        var status: Int32 = 0
        while waitpid(worker.pid, &status, 0) < 0 && errno == EINTR {}
        for descriptor in [worker.requests, worker.replies, worker.errors] { close(descriptor) }
        running = nil
        let signal = status & 0x7F
        return signal == 0 ? .status(status >> 8 & 0xFF) : .signal(signal)
    }

    /// Waits for the reply, keeping the worker's standard error drained (a full pipe would
    /// stall it) and its last lines.
    private func reply(from worker: Running, before deadline: ContinuousClock.Instant) -> Conversion {
        var descriptors = [pollfd(fd: worker.replies, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: worker.errors, events: Int16(POLLIN), revents: 0)]
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
        kill(worker.pid, SIGKILL)
        close(worker.requests)
        _ = reap(worker)
    }

    /// The worker closed its output: it died. Why, from its exit and its last words.
    private func ended(_ worker: Running) -> Conversion {
        close(worker.requests)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while drainErrors(worker.errors, into: &chunk) {}
        let exit = reap(worker)
        let detail = Self.lastWords(errorTail)
        switch exit {
        case .status(let status):
            return .crashed(signal: nil, detail: "the worker exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
        case .signal(let signal):
            // The kernel's out-of-memory killer sends SIGKILL; the batch sends it only on a time-out.
            if signal == SIGKILL || Self.allocationFailures.contains(where: { detail.localizedCaseInsensitiveContains($0) }) {
                return .outOfMemory(limitMB: limits.memoryLimitMB, detail: detail)
            }
            return .crashed(signal: Self.signalName(signal), detail: detail)
        }
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
