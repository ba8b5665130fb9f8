/// Output formats of ``ArticleStore/export(_:format:write:)``.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (what `articles ingest` reads back).
    case jsonl
    /// One JSON array, streamed.
    case json
    /// One row per article: id, title, body, source, url, published, language, kind, tags, entities.
    case csv
    /// Elasticsearch/OpenSearch bulk NDJSON: an `index` action line, then the document.
    case elasticsearch
}
