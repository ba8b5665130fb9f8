import CArticleStoreSQLite

/// Facts about the SQLite library linked at run time, and the check that it can run ArticleStore.
package enum SQLiteLibrary {
    /// The oldest SQLite ArticleStore runs on (3.35: `RETURNING`, `DROP COLUMN`; FTS5 with
    /// external content tables).
    package static let minimumVersionNumber: Int32 = 3_035_000

    /// The linked library's version, e.g. "3.40.1".
    package static var version: String { String(cString: sqlite3_libversion()) }

    /// The linked library's version as a number, e.g. 3040001.
    package static var versionNumber: Int32 { sqlite3_libversion_number() }

    /// Whether the library was compiled with FTS5.
    package static var hasFTS5: Bool { sqlite3_compileoption_used("ENABLE_FTS5") == 1 }

    /// Throws ``ArticleStoreError/unsupportedSQLite(_:)`` unless the library is new enough and has FTS5.
    package static func checkRequirements() throws {
        if versionNumber < minimumVersionNumber {
            throw ArticleStoreError.unsupportedSQLite("version \(version) is older than the required 3.35.0")
        }
        if !hasFTS5 {
            throw ArticleStoreError.unsupportedSQLite("version \(version) was built without FTS5 (SQLITE_ENABLE_FTS5)")
        }
    }
}
