import Foundation

/// Runs article preparation (parsing, analysis, hashing, signatures, entity extraction: most of
/// ingest's CPU time) on worker threads in chunks, while the caller's thread writes, and hands
/// the outcomes back in submission order. At most `maximumInFlight` chunks are out at once, so
/// memory stays bounded whatever the input size.
final class PreparationPipeline {
    /// What one submitted item became.
    enum Outcome: Sendable {
        case prepared(PreparedArticle, path: String)
        case failure(path: String, message: String)
    }

    typealias Work = @Sendable () -> Outcome

    /// Items prepared together on one worker.
    private final class Chunk: @unchecked Sendable {
        private(set) var outcomes: [Outcome] = []
        private let group = DispatchGroup()

        init(_ work: [Work]) {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                outcomes = work.map { $0() }
                group.leave()
            }
        }

        /// Waits for the chunk, then returns its outcomes.
        func wait() -> [Outcome] {
            group.wait()
            return outcomes
        }
    }

    private let chunkSize: Int
    private let maximumInFlight: Int
    private let consume: (Outcome) throws -> Void
    private var pending: [Work] = []
    private var inFlight: [Chunk] = []

    /// `consume` runs on the caller's thread, for each outcome in submission order.
    init(chunkSize: Int = 64, maximumInFlight: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
         consume: @escaping (Outcome) throws -> Void) {
        self.chunkSize = chunkSize
        self.maximumInFlight = maximumInFlight
        self.consume = consume
    }

    /// Queues work for a worker.
    func submit(_ work: @escaping Work) throws {
        pending.append(work)
        if pending.count >= chunkSize { try flush() }
    }

    /// Queues an outcome known already (a failure found while reading), keeping its place.
    func submit(_ outcome: Outcome) throws {
        try submit { outcome }
    }

    /// Consumes every outcome of everything submitted.
    func drain() throws {
        try flush()
        while !inFlight.isEmpty { try consumeOldest() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        inFlight.append(Chunk(pending))
        pending = []
        while inFlight.count > maximumInFlight { try consumeOldest() }
    }

    private func consumeOldest() throws {
        let chunk = inFlight.removeFirst()
        for outcome in chunk.wait() { try consume(outcome) }
    }
}
