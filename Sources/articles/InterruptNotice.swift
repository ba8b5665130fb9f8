#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// On Ctrl-C (SIGINT) or SIGTERM: print what `message` says on stderr and exit 130. What is
/// committed stays; the open transaction is rolled back by SQLite on the next open.
final class InterruptNotice: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ message: @escaping @Sendable () -> String) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                StandardError.write(message())
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
