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
    private var bytesTotal: Int?
    /// Bytes read so far from the file being read (for progress inside one large file).
    private var currentFileBytes = 0
    private let started = Date()
    private var lastReport = Date.distantPast

    /// The largest page or JSON document read whole.
    private static let maximumDocumentBytes = 64 << 20

    init(connection: Connection, analyzer: Analyzer, gazetteer: Gazetteer?, options: IngestOptions,
         progress: ((IngestProgress) -> Void)?) {
        self.connection = connection
        self.options = options
        self.writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer,
                                    computeKeywords: options.computeKeywords)
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
                    summary.recordFailure(IngestFailure(path: path, message: error.description))
                }
            case let .failure(path, message):
                summary.recordFailure(IngestFailure(path: path, message: message))
            }
            if summary.added % 256 == 0 { report(force: false) }
        }
    }

    func run(_ paths: [String]) throws -> IngestSummary {
        if progress != nil { (filesTotal, bytesTotal) = Self.measure(paths) }
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
                for entry in InputWalker.walk(path) {
                    switch entry {
                    case let .file(file): try ingestFile(file)
                    case let .skipped(skipped, reason): summary.recordSkip(skipped, reason: reason)
                    case let .failed(failed, message): try fail(failed, message)
                    }
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

    /// How many files the inputs hold and their total size (nil when stdin or a FIFO is among them).
    private static func measure(_ paths: [String]) -> (files: Int, bytes: Int?) {
        var files = 0
        var bytes: Int? = 0
        for path in paths {
            if path == "-" {
                files += 1
                bytes = nil
                continue
            }
            for case let .file(file) in InputWalker.walk(path) {
                files += 1
                let attributes = try? FileManager.default.attributesOfItem(atPath: file)
                if attributes?[.type] as? FileAttributeType == .typeRegular, let size = attributes?[.size] as? NSNumber {
                    bytes = bytes.map { $0 + size.intValue }
                } else {
                    bytes = nil
                }
            }
        }
        return (files, bytes)
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
        var head = [UInt8](handle.readData(ofLength: 1 << 16))
        var read: () -> [UInt8] = { [UInt8](handle.readData(ofLength: 1 << 16)) }
        // UTF-16 with a byte-order mark: decoded whole (up to the document limit), then read as UTF-8.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            var bytes = head
            while bytes.count <= Self.maximumDocumentBytes {
                let chunk = read()
                if chunk.isEmpty { break }
                bytes += chunk
            }
            guard bytes.count <= Self.maximumDocumentBytes,
                  let text = String(data: Data(bytes), encoding: .utf16), !text.isEmpty else {
                try fail(path, "\(path): UTF-16 text that cannot be decoded (or larger than \(Self.maximumDocumentBytes >> 20) MB); convert it to UTF-8")
                return
            }
            head = Array(text.utf8)
            read = { [] }
        }
        let format = options.format ?? InputFormat.fromExtension(path) ?? InputFormat.sniff(head)
        switch format {
        case .jsonl:
            let lines = InputLineReader(limit: options.maximumRecordBytes, prefix: head, read: read)
            try ingestLines(lines, path: path)
            return
        case .json:
            // Arrays and object sequences are split into records as they stream in: memory
            // stays bounded and one bad record costs only itself.
            try ingestRecords(JSONRecordStream(prefix: head, limit: options.maximumRecordBytes, read: read), path: path)
            return
        case .page:
            break
        }
        var bytes = head
        while bytes.count <= Self.maximumDocumentBytes {
            let chunk = read()
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
            try add(try pageParser.parse(text, origin: path), path: path)
        } catch let error as ArticleStoreError where !Self.isFatal(error) {
            try fail(path, error.description.hasPrefix(path) ? error.description : "\(path): \(error.description)")
        }
    }

    /// Ingests the records of a JSON stream (an array, one object, or a sequence of objects).
    private func ingestRecords(_ stream: JSONRecordStream, path: String) throws {
        var stream = stream
        var sawRecord = false
        let preparer = writer.preparer
        let jsonReader = jsonReader
        let limit = options.maximumRecordBytes
        defer { currentFileBytes = 0 }
        while let item = stream.next() {
            currentFileBytes = stream.bytesRead
            sawRecord = true
            switch item {
            case let .record(bytes, line, index):
                try pipeline.submit {
                    Self.decode(bytes, path: path, line: line, record: index, reader: jsonReader, preparer: preparer)
                }
            case let .tooLong(bytes, line, index):
                try fail(path, "\(path):\(line): record \(index) of \(bytes) bytes exceeds the \(limit)-byte record limit; skipped")
            case let .malformed(message, line):
                try fail(path, "\(path):\(line): malformed JSON: \(message)")
            }
        }
        summary.bytes += stream.bytesRead
        if !sawRecord { try fail(path, "\(path): empty file") }
    }

    /// One JSON record's bytes, checked (no NUL, valid UTF-8), decoded and prepared, on a
    /// worker thread; `record` is its ordinal in a JSON stream (nil for a JSON Lines line).
    private static func decode(_ bytes: [UInt8], path: String, line: Int, record: Int?, reader: ScraperJSONReader,
                               preparer: ArticlePreparer) -> PreparationPipeline.Outcome {
        let inRecord = record.map { " in record \($0)" } ?? ""
        let suffix = record.map { " (record \($0))" } ?? ""
        if bytes.contains(0) {
            return .failure(path: path, message: "\(path):\(line): binary data (NUL bytes)\(inRecord), not JSON")
        }
        if let offset = InputValidation.firstInvalidUTF8Offset(bytes) {
            return .failure(path: path, message: "\(path):\(line): invalid UTF-8 at byte \(offset) of " + (record.map { "record \($0)" } ?? "the line"))
        }
        do {
            let article = try reader.article(fromLine: Data(bytes), origin: path, line: line)
            return .prepared(preparer.prepare(article), path: path)
        } catch let error as ArticleStoreError {
            return .failure(path: path, message: error.description + suffix)
        } catch {
            return .failure(path: path, message: "\(path):\(line): \(error)\(suffix)")
        }
    }

    private func ingestLines(_ reader: InputLineReader, path: String) throws {
        var reader = reader
        var sawRecord = false
        let preparer = writer.preparer
        let jsonReader = jsonReader
        defer { currentFileBytes = 0 }
        while let line = reader.next() {
            currentFileBytes = reader.bytesRead
            switch line {
            case let .tooLong(bytes, number):
                sawRecord = true
                try fail(path, "\(path):\(number): line of \(bytes) bytes exceeds the \(options.maximumRecordBytes)-byte record limit; skipped")
            case let .text(bytes, number):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                sawRecord = true
                try pipeline.submit {
                    Self.decode(bytes, path: path, line: number, record: nil, reader: jsonReader, preparer: preparer)
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
        let committedBefore = batch.committedAdded
        try batch.add(article, replace: options.replace)
        if batch.committedAdded != committedBefore { report(force: true) }
        let after = writer.counts
        summary.added += after.added - before.added
        summary.duplicates += after.duplicates - before.duplicates
        summary.replaced += after.replaced - before.replaced
        summary.nearDuplicates += after.nearDuplicates - before.nearDuplicates
        summary.unreadableDates += after.unreadableDates - before.unreadableDates
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
                                duplicates: summary.duplicates, failed: summary.failureCount,
                                bytes: summary.bytes + currentFileBytes, seconds: now.timeIntervalSince(started),
                                bytesTotal: bytesTotal, committed: batch.committedAdded))
    }
}
