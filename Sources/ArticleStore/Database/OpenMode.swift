/// How ``Connection`` and ``ArticleStore`` open a database file.
public enum OpenMode: Sendable, Equatable {
    /// Read only: never writes to the file; fails if it does not exist.
    case readOnly
    /// Read and write an existing database; fails if it does not exist.
    case readWrite
    /// Read and write, creating the file when it does not exist.
    case readWriteCreate

    /// True unless the mode is ``readOnly``.
    public var isWritable: Bool { self != .readOnly }
}
