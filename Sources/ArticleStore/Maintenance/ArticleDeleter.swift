/// Deletes articles with everything derived from them, in the caller's transaction: the FTS
/// row, tag links and the tags' counts and display names, mentions (and extracted entities no
/// article mentions any more), links, similar-headline links, the signature and its bands, and
/// the embedded stories that belonged to the article alone.
struct ArticleDeleter {
    let connection: Connection
    let writer: ArticleWriter

    /// `ids` and the embedded stories that belong to them alone (every article that embeds them
    /// is among `ids`): what ``delete(_:)`` removes.
    func closure(of ids: [Int64]) throws -> [Int64] {
        var result = Set(ids)
        var queue = ids
        while let id = queue.popLast() {
            for row in try connection.rows("SELECT linked_article_id AS id FROM article_links WHERE article_id = ? AND kind = 'embedded'", [id]) {
                guard let child = row["id"].int64, !result.contains(child) else { continue }
                let parents = try connection.rows("SELECT article_id AS id FROM article_links WHERE linked_article_id = ?", [child])
                    .compactMap { $0["id"].int64 }
                if parents.allSatisfy(result.contains) {
                    result.insert(child)
                    queue.append(child)
                }
            }
        }
        return result.sorted()
    }

    /// Deletes `ids`; returns the ids deleted (with embedded stories that went with them).
    func delete(_ ids: [Int64]) throws -> [Int64] {
        var deleted: [Int64] = []
        var queue = ids
        var seen = Set<Int64>()
        while let id = queue.popLast() {
            guard seen.insert(id).inserted else { continue }
            guard try connection.scalar("SELECT 1 FROM articles WHERE id = ?", [id]).int64 == 1 else { continue }
            // Embedded stories are part of their page: they go when no other article embeds them.
            let embedded = try connection.rows(
                "SELECT linked_article_id AS id FROM article_links WHERE article_id = ? AND kind = 'embedded'", [id]
            ).compactMap { $0["id"].int64 }
            try writer.removeFromIndex(id)
            try writer.removeTags(of: id)
            // Band rows have no foreign key (the band index is keyed for lookups): remove them here.
            let bands = SignatureBandIndex(connection: connection)
            if let signature = try bands.signature(of: id) { try bands.remove(signature, article: id) }
            try connection.run("DELETE FROM articles WHERE id = ?", [id])
            deleted.append(id)
            for child in embedded where try connection.scalar("SELECT count(*) FROM article_links WHERE linked_article_id = ?", [child]).int64 == 0 {
                queue.append(child)
            }
        }
        try EntityWriter.removeUnmentionedExtractedEntities(connection)
        try writer.finishBatch(final: false)
        return deleted
    }
}
