import ArticleStore

// Each line names something an app must not reach; the build must fail on them.
let store = try ArticleStore(path: ":memory:")
try store.connection.execute("UPDATE articles SET title = 'stale index'")
let connection = try Connection(path: ":memory:", mode: .readWriteCreate)
print(JSONValue.null, connection)
