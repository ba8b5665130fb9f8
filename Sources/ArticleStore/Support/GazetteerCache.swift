import Foundation

/// The store's gazetteer, built once and shared by every thread until imports or merges
/// invalidate it.
final class GazetteerCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: Gazetteer?

    /// The cached gazetteer, built with `make` when there is none.
    func value(_ make: () -> Gazetteer) -> Gazetteer {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let built = make()
        cached = built
        return built
    }

    /// Forgets the cached gazetteer.
    func clear() {
        lock.lock()
        cached = nil
        lock.unlock()
    }
}
