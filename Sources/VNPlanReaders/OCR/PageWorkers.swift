import Foundation
import VNPlanModel

/// Pages recognised ahead in parallel and handed on in order.
///
/// The calling thread produces pages one at a time (decoding or rendering is not thread-safe
/// in every library) and receives the results in page order; up to `workers` threads, each
/// with its own engine kept for all the pages it reads, recognise in between. At most
/// `window` pages are produced and not yet handed on, so memory stays bounded however long
/// the file is.
struct PageWorkers<Page: Sendable> {
    let workers: Int
    let languages: [String]
    let file: String
    /// Pages in flight: one more than the workers, so a worker never waits for the producer.
    var window: Int { workers + 1 }

    /// Runs `recognize` over every page `next` produces and hands each result to `receive`
    /// in order. An error from `next` or `receive` stops the work and is thrown once the
    /// workers are done with their current page.
    func run(next: () throws(ReaderError) -> Page?,
             recognize: @escaping @Sendable (Page, OCREngine) throws(ReaderError) -> PageGeometry,
             receive: (PageGeometry) throws(ReaderError) -> Void) throws(ReaderError) {
        let queue = WorkQueue<Page, Result<PageGeometry, ReaderError>>()
        let (languages, file) = (languages, file)
        var started: [Thread] = []
        defer {
            queue.finish()
            queue.waitUntilStopped(count: started.count)
        }
        var produced = 0, delivered = 0
        while true {
            while produced - delivered >= window {
                try receive(queue.waitForResult(delivered).get())
                delivered += 1
            }
            guard let page = try next() else { break }
            queue.add(page, index: produced)
            produced += 1
            if started.count < workers && started.count < produced - delivered {
                let thread = Thread {
                    do throws(ReaderError) {
                        try OCREngine.withEngine(languages: languages, file: file) { engine in
                            queue.work { page in Result { () throws(ReaderError) in try recognize(page, engine) } }
                        }
                    } catch {
                        queue.work { _ in .failure(error) }
                    }
                }
                // Tesseract recurses deeply on dense pages; a worker gets a main thread's stack.
                thread.stackSize = 8 << 20
                thread.start()
                started.append(thread)
            }
        }
        while delivered < produced {
            try receive(queue.waitForResult(delivered).get())
            delivered += 1
        }
    }
}

/// The pages waiting for a worker and the results waiting to be handed on, under one lock.
private final class WorkQueue<Page: Sendable, Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [(index: Int, page: Page)] = []
    private var results: [Int: Outcome] = [:]
    private var finished = false
    private var stopped = 0

    func add(_ page: Page, index: Int) {
        condition.lock()
        waiting.append((index, page))
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// A worker's loop: take the oldest waiting page, recognise it, post the result.
    func work(_ recognize: (Page) -> Outcome) {
        condition.lock()
        while true {
            while waiting.isEmpty && !finished { condition.wait() }
            if waiting.isEmpty { break }
            let (index, page) = waiting.removeFirst()
            condition.unlock()
            let result = recognize(page)
            condition.lock()
            results[index] = result
            condition.broadcast()
        }
        stopped += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForResult(_ index: Int) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: index) { return result }
            condition.wait()
        }
    }

    func waitUntilStopped(count: Int) {
        condition.lock()
        while stopped < count { condition.wait() }
        condition.unlock()
    }
}
