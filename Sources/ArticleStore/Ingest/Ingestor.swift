import ArabicText
import CArticleStoreSQLite
import Foundation

/// Runs an ingest: walks the inputs, detects formats, parses, and writes articles in batched
/// transactions. One bad file or record is reported and skipped; the rest is ingested.
final class Ingestor {
    private let connection: Connection
    private let options: IngestOptions
    private let writer: ArticleWriter
    private let batch: WriteBatch
    private let pageParser: AggregatorPageParser
    private let jsonReader = ScraperJSONReader()
    private let progress: ((IngestProgress) -> Void)?
    /// Prepares articles on worker threads; its outcomes come back here, in input order.
    private var pipeline: PreparationPipeline!
    private var summary = IngestSummary()
    private var filesTotal: Int?
    private let started = Date()
    private var lastReport = Date.distantPast

    /// The largest page or JSON document read whole.
    private static let maximumDocumentBytes = 64 << 20

    init(connection: Connection, analyzer: Analyzer, gazetteer: Gazetteer?, options: IngestOptions,
         progress: ((IngestProgress) -> Void)?) {
        self.connection = connection
        self.options = options
        self.writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer)
        writer.nearDuplicateThreshold = options.skipNearDuplicates
        batch = WriteBatch(connection: connection, writer: writer, size: options.batchSize)
        self.pageParser = AggregatorPageParser(analyzer: analyzer)
        self.progress = progress
        pipeline = PreparationPipeline { [unowned self] outcome in
            switch outcome {
            case let .prepared(article, path):
                do {
                    try write(article)
                } catch let error as ArticleStoreError where !Self.isFatal(error) {
                    summary.failures.append(IngestFailure(path: path, message: error.description))
                }
            case let .failure(path, message):
                summary.failures.append(IngestFailure(path: path, message: message))
            }
            if summary.added % 256 == 0 { report(force: false) }
        }
    }

    func run(_ paths: [String]) throws -> IngestSummary {
        if progress != nil { filesTotal = paths.reduce(0) { $0 + Self.countFiles($1) } }
        // A bulk load touches many b-tree and FTS pages per batch: a 64 MB page cache keeps them
        // in memory between statements (the default is 2 MB). Restored afterwards.
        let cacheSize = try connection.scalar("PRAGMA cache_size").int64 ?? -2000
        try connection.execute("PRAGMA cache_size = -65536")
        // Checkpoint the WAL every 32 MB instead of every 4 MB: pages that every batch touches
        // (FTS segments, index roots) are copied back to the database file less often.
        let checkpointPages = try connection.scalar("PRAGMA wal_autocheckpoint").int64 ?? 1000
        try connection.execute("PRAGMA wal_autocheckpoint = 8192")
        defer {
            try? connection.execute("PRAGMA cache_size = \(cacheSize)")
            try? connection.execute("PRAGMA wal_autocheckpoint = \(checkpointPages)")
        }
        do {
            for path in paths {
                if path == "-" {
                    try ingestHandle(FileHandle.standardInput, path: "-")
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    try fail(path, "\(path): no such file or directory")
                    continue
                }
                if isDirectory.boolValue {
                    for file in Self.files(under: path) { try ingestFile(file) }
                } else {
                    try ingestFile(path)
                }
            }
            try pipeline.drain()
            try batch.commit(final: true)
        } catch {
            batch.rollback()
            throw error
        }
        summary.seconds = Date().timeIntervalSince(started)
        report(force: true)
        return summary
    }

    // MARK: Inputs

    /// Regular files under a directory, recursively, skipping hidden files and SQLite files.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if name.contains(".sqlite") || name.hasSuffix(".db") { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    private static func countFiles(_ path: String) -> Int {
        if path == "-" { return 1 }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return 1 }
        return isDirectory.boolValue ? files(under: path).count : 1
    }

    private func ingestFile(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            try fail(path, "\(path): cannot be read (permission denied?)")
            return
        }
        defer { try? handle.close() }
        try ingestHandle(handle, path: path)
    }

    private func ingestHandle(_ handle: FileHandle, path: String) throws {
        summary.files += 1
        defer { report(force: false) }
        let head = [UInt8](handle.readData(ofLength: 1 << 16))
        let format = options.format ?? InputFormat.fromExtension(path) ?? InputFormat.sniff(head)
        if format == .jsonl {
            try ingestLines(InputLineReader(handle: handle, limit: options.maximumRecordBytes, prefix: head), path: path)
            return
        }
        var bytes = head
        while bytes.count <= Self.maximumDocumentBytes {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
        }
        summary.bytes += bytes.count
        if bytes.count > Self.maximumDocumentBytes {
            try fail(path, "\(path): larger than \(Self.maximumDocumentBytes >> 20) MB; split it or use JSON Lines")
            return
        }
        let text: String
        do {
            text = try InputValidation.decode(bytes, name: path)
        } catch let error as ArticleStoreError {
            try fail(path, error.description)
            return
        }
        do {
            switch format {
            case .page:
                try add(try pageParser.parse(text, origin: path), path: path)
            case .json:
                var failures: [String] = []
                let articles = try jsonReader.articles(fromDocument: text, origin: path) { failures.append($0) }
                for failure in failures { try fail(path, failure) }
                for article in articles { try add(article, path: path) }
            case .jsonl:
                break
            }
        } catch let error as ArticleStoreError where !Self.isFatal(error) {
            try fail(path, error.description.hasPrefix(path) ? error.description : "\(path): \(error.description)")
        }
    }

    private func ingestLines(_ reader: InputLineReader, path: String) throws {
        var reader = reader
        var sawRecord = false
        let preparer = writer.preparer
        let jsonReader = jsonReader
        while let line = reader.next() {
            switch line {
            case let .tooLong(bytes, number):
                sawRecord = true
                try fail(path, "\(path):\(number): line of \(bytes) bytes exceeds the \(options.maximumRecordBytes)-byte record limit; skipped")
            case let .text(bytes, number):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                sawRecord = true
                try pipeline.submit {
                    if bytes.contains(0) {
                        return .failure(path: path, message: "\(path):\(number): binary data (NUL bytes), not JSON")
                    }
                    if let offset = InputValidation.firstInvalidUTF8Offset(bytes) {
                        return .failure(path: path, message: "\(path):\(number): invalid UTF-8 at byte \(offset) of the line")
                    }
                    do {
                        let article = try jsonReader.article(fromLine: Data(bytes), origin: path, line: number)
                        return .prepared(preparer.prepare(article), path: path)
                    } catch let error as ArticleStoreError {
                        return .failure(path: path, message: error.description)
                    } catch {
                        return .failure(path: path, message: "\(path):\(number): \(error)")
                    }
                }
            }
        }
        summary.bytes += reader.bytesRead
        if !sawRecord { try fail(path, "\(path): empty file") }
    }

    // MARK: Writing

    /// Queues an article for preparation and writing.
    private func add(_ article: Article, path: String) throws {
        let preparer = writer.preparer
        try pipeline.submit { .prepared(preparer.prepare(article), path: path) }
    }

    /// Writes a prepared article (on this thread, in the current batch).
    private func write(_ article: PreparedArticle) throws {
        let before = writer.counts
        try batch.add(article, replace: options.replace)
        let after = writer.counts
        summary.added += after.added - before.added
        summary.duplicates += after.duplicates - before.duplicates
        summary.replaced += after.replaced - before.replaced
        summary.nearDuplicates += after.nearDuplicates - before.nearDuplicates
    }

    /// Errors that stop the whole run (the disk, the file, the lock), as opposed to one bad input.
    static func isFatal(_ error: ArticleStoreError) -> Bool {
        guard case let .sqlite(code, _, _, _) = error else { return false }
        return [SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_CORRUPT,
                SQLITE_NOMEM, SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_PERM].contains(code)
    }

    /// Records a failure in its place among the queued articles.
    private func fail(_ path: String, _ message: String) throws {
        try pipeline.submit(.failure(path: path, message: message))
    }

    private func report(force: Bool) {
        guard let progress else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastReport) >= 0.2 else { return }
        lastReport = now
        progress(IngestProgress(filesDone: summary.files, filesTotal: filesTotal, added: summary.added,
                                duplicates: summary.duplicates, failed: summary.failures.count,
                                bytes: summary.bytes, seconds: now.timeIntervalSince(started)))
    }
}
