import Foundation
import VNPlanModel
import VNPlanReaders
#if canImport(Glibc)
import Glibc
#endif

/// The worker side of an isolated batch (`vnplan worker`): converts the documents the batch
/// sends, one at a time, until its input ends. Whatever a document does to this process (a
/// trap, a hang, all the memory) costs this process alone; the batch starts another.
public enum ConversionWorker {
    /// Serves the batch on standard input and output; returns the exit status.
    public static func serve() -> Int32 {
        // The protocol gets its own descriptors; a library that prints to standard output
        // then writes into standard error instead of into a frame.
        let requests = dup(STDIN_FILENO)
        let replies = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_RDONLY)
        guard requests >= 0, replies >= 0, null >= 0,
              dup2(null, STDIN_FILENO) >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0
        else { return fail("cannot set up its pipes (\(String(cString: strerror(errno))))") }
        close(null)

        guard let helloFrame = WorkerProtocol.readFrame(from: requests) else { return 0 }
        let hello: WorkerHello
        do { hello = try JSONDecoder().decode(WorkerHello.self, from: helloFrame) }
        catch { return fail("the batch sent settings it cannot read (\(error))") }
        var limit = rlimit(rlim_cur: rlim_t(hello.memoryLimitMB) * 1_048_576, rlim_max: rlim_t(hello.memoryLimitMB) * 1_048_576)
        guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
            return fail("cannot limit its memory to \(hello.memoryLimitMB) MB (\(String(cString: strerror(errno))))")
        }
        exitWhenOrphaned()

        let pipeline = Pipeline(configuration: hello.configuration)
        let hooks = TestHooks.fromEnvironment()
        let encoder = JSONEncoder()
        while let nameFrame = WorkerProtocol.readFrame(from: requests),
              let data = WorkerProtocol.readFrame(from: requests) {
            let input = InputFile(name: String(decoding: nameFrame, as: UTF8.self), data: data)
            hooks?.perform(for: input)
            let reply: WorkerReply
            do { reply = .plan(try pipeline.convert(input)) }
            catch { reply = .failure(stage: error.stage, reason: error.reason) }
            guard let encoded = try? encoder.encode(reply),
                  WorkerProtocol.write(WorkerProtocol.frame(encoded), to: replies)
            else { return fail("cannot send its reply for \(input.name)") }
        }
        return 0
    }

    private static func fail(_ problem: String) -> Int32 {
        FileHandle.standardError.write(text: "vnplan worker: \(problem)\n")
        return 1
    }

    /// A worker whose batch died (kill -9 gives it no chance to stop its workers) must not
    /// go on converting, or hanging, for nobody.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        let watcher = Thread {
            while getppid() == parent { sleep(1) }
            _exit(1)
        }
        watcher.start()
    }
}

/// Hooks that make a worker misbehave on purpose, for the tests of the batch's supervision.
/// They act only when the worker's environment has VNPLAN_TEST_HOOKS=1, on a document whose
/// bytes start with "VNPLAN-TEST-HOOK:" and the hook's name: no real document does.
struct TestHooks {
    enum Hook: String {
        /// A Swift runtime trap, as a reader's overflow or bad range would cause.
        case trap
        /// A conversion that never ends.
        case hang
        /// An allocation without end.
        case allocate
    }

    static let marker = Data("VNPLAN-TEST-HOOK:".utf8)

    static func fromEnvironment() -> TestHooks? {
        ProcessInfo.processInfo.environment["VNPLAN_TEST_HOOKS"] == "1" ? TestHooks() : nil
    }

    func perform(for input: InputFile) {
        guard input.data.starts(with: Self.marker) else { return }
        let name = String(decoding: input.data.dropFirst(Self.marker.count).prefix { $0 != 0x0A }, as: UTF8.self)
        switch Hook(rawValue: name.trimmingCharacters(in: .whitespaces)) {
        case .trap:
            fatalError("test hook: trap in \(input.name)")
        case .hang:
            while true { sleep(60) }
        case .allocate:
            var blocks: [[UInt8]] = []
            while true {
                blocks.append([UInt8](repeating: 1, count: 64 * 1_048_576))
                FileHandle.standardError.write(text: "test hook: \(blocks.count * 64) MB held\n")
            }
        case nil:
            return
        }
    }
}
