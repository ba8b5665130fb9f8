import CArticleStoreSQLite
import Foundation
import Testing
@testable import ArticleStore

@Suite("SQLite connection")
struct ConnectionTests {
    let directory: TemporaryDirectory
    let connection: Connection

    init() throws {
        directory = try TemporaryDirectory()
        connection = try Connection(path: directory.path("plain.sqlite"), mode: .readWriteCreate)
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v)")
    }

    private func roundTrip(_ value: DatabaseValue) throws -> DatabaseValue {
        try connection.run("DELETE FROM t")
        try connection.run("INSERT INTO t(v) VALUES (?)", [value])
        return try connection.scalar("SELECT v FROM t")
    }

    @Test("binds and reads every storage class")
    func bindingRoundTrips() throws {
        #expect(try roundTrip(.null) == .null)
        #expect(try roundTrip(.integer(Int64.min)) == .integer(Int64.min))
        #expect(try roundTrip(.integer(Int64.max)) == .integer(Int64.max))
        #expect(try roundTrip(.real(3.25)) == .real(3.25))
        #expect(try roundTrip(.text("")) == .text(""))
        let arabic = "وشدَّد ريابكوف أنَّ التعاون «قانوني» — العــربية ١٢٣ 😀"
        #expect(try roundTrip(.text(arabic)) == .text(arabic))
        #expect(try roundTrip(.text(arabic)).string?.utf8.elementsEqual(arabic.utf8) == true)
        let binary: [UInt8] = (1...255).map { UInt8($0) }
        #expect(try roundTrip(.blob(binary)) == .blob(binary))
        let withZero: [UInt8] = [0, 1, 0, 2]
        #expect(try roundTrip(.blob(withZero)) == .blob(withZero))
        #expect(try roundTrip(.blob([])) == .blob([]))
    }

    @Test("binds Swift types through DatabaseBindable")
    func swiftTypes() throws {
        let missing: String? = nil
        try connection.run("INSERT INTO t(v) VALUES (?), (?), (?), (?)", [42, "نص", missing, true])
        let values = try connection.rows("SELECT v FROM t ORDER BY id").map { $0[0] }
        #expect(values == [.integer(42), .text("نص"), .null, .integer(1)])
    }

    @Test("insertRows writes every row, in statements of up to 32 rows, with the statement's conflict clause")
    func insertRows() throws {
        try connection.execute("CREATE TABLE pairs(a INTEGER PRIMARY KEY, b TEXT NOT NULL)")
        let rows: [[any DatabaseBindable]] = (1...75).map { [Int64($0), "قيمة \($0)"] }
        try connection.insertRows("INSERT INTO pairs(a, b)", columns: 2, rows)
        #expect(try connection.scalar("SELECT count(*) FROM pairs") == .integer(75))
        #expect(try connection.scalar("SELECT b FROM pairs WHERE a = 75") == .text("قيمة 75"))
        try connection.insertRows("INSERT OR IGNORE INTO pairs(a, b)", columns: 2, [[Int64(75), "again"], [Int64(76), "new"]])
        #expect(try connection.scalar("SELECT b FROM pairs WHERE a = 75") == .text("قيمة 75"))
        #expect(try connection.scalar("SELECT count(*) FROM pairs") == .integer(76))
        try connection.insertRows("INSERT INTO pairs(a, b)", columns: 2, [])
        #expect(throws: ArticleStoreError.self) { try connection.insertRows("INSERT INTO pairs(a, b)", columns: 2, [[Int64(1), "dup"]]) }
    }

    @Test("wrong parameter count is an error, not a silent NULL")
    func parameterCount() throws {
        #expect(throws: ArticleStoreError.self) { try connection.run("INSERT INTO t(v) VALUES (?)", []) }
    }

    @Test("a failing transaction rolls back everything")
    func transactionRollback() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t(v) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
        #expect(!connection.isInTransaction)
    }

    @Test("an SQL error inside a transaction rolls back and carries code, message and SQL")
    func sqlErrorRollback() throws {
        do {
            try connection.transaction {
                try connection.run("INSERT INTO t(v) VALUES (1)")
                try connection.run("INSERT INTO t(id, v) VALUES (1, 2)")
            }
            Issue.record("expected a constraint error")
        } catch let ArticleStoreError.sqlite(code, extended, message, sql) {
            #expect(code == SQLITE_CONSTRAINT)
            #expect(extended == 1555) // SQLITE_CONSTRAINT_PRIMARYKEY, a macro Swift cannot import
            #expect(message.contains("UNIQUE"))
            #expect(sql == "INSERT INTO t(id, v) VALUES (1, 2)")
        }
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test("a failing savepoint undoes only its own work")
    func savepointRollback() throws {
        struct Boom: Error {}
        try connection.transaction {
            try connection.run("INSERT INTO t(v) VALUES ('kept')")
            try? connection.savepoint {
                try connection.run("INSERT INTO t(v) VALUES ('undone')")
                throw Boom()
            }
        }
        #expect(try connection.rows("SELECT v FROM t").map { $0[0] } == [.text("kept")])
    }

    @Test("cached statements are reused and reset")
    func statementCache() throws {
        try connection.run("INSERT INTO t(v) VALUES (1), (2)")
        let first = try connection.cachedStatement("SELECT v FROM t ORDER BY id")
        #expect(try first.step())
        let second = try connection.cachedStatement("SELECT v FROM t ORDER BY id")
        #expect(first === second)
        #expect(try second.step())
        #expect(second.int64(at: 0) == 1)
    }

    @Test("connections are defensive and do not trust the schema")
    func safetySettings() throws {
        #expect(try connection.scalar("PRAGMA trusted_schema") == .integer(0))
        #expect(try connection.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(articlestore_db_config_read(connection.handle, SQLITE_DBCONFIG_DEFENSIVE) == 1)
        #expect(throws: ArticleStoreError.self) { try connection.execute("PRAGMA writable_schema = ON; DELETE FROM sqlite_schema") }
    }

    @Test("the linked SQLite has FTS5 and is new enough")
    func libraryRequirements() throws {
        #expect(SQLiteLibrary.hasFTS5)
        #expect(SQLiteLibrary.versionNumber >= SQLiteLibrary.minimumVersionNumber)
        try SQLiteLibrary.checkRequirements()
    }

    @Test("read-only connections refuse writes")
    func readOnly() throws {
        let reader = try Connection(path: connection.path, mode: .readOnly)
        #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(0))
        #expect(throws: ArticleStoreError.self) { try reader.run("INSERT INTO t(v) VALUES (1)") }
    }
}
