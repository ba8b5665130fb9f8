#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Turns the paths given to an ingest into the files to read, and says what it leaves out.
///
/// A directory walk takes regular files only (following symbolic links to files and to
/// directories, each directory once, so a link loop ends); it skips hidden entries and SQLite
/// files, and never opens FIFOs, devices or sockets, reporting each with its reason. A path
/// named explicitly may be a FIFO (read like stdin); a device is never read.
struct InputWalker {
    /// What the walk found for one path.
    enum Entry: Equatable {
        case file(String)
        case skipped(String, reason: String)
        case failed(String, message: String)
    }

    /// Names of the store's own files and other SQLite databases: never inputs.
    static func isDatabaseFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".sqlite", ".sqlite3", ".db", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db-wal", ".db-shm", ".db-journal"]
            .contains { lower.hasSuffix($0) }
    }

    private enum Kind {
        case regular, directory, fifo, device, socket, other
        case missing
    }

    private static func kind(_ path: String, followingLinks: Bool) -> (Kind, dev_t, ino_t) {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return (.missing, 0, 0) }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFCHR, S_IFBLK: kind = .device
        case S_IFSOCK: kind = .socket
        default: kind = .other
        }
        return (kind, info.st_dev, info.st_ino)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The entries for one given path (not `-`), in order.
    static func walk(_ path: String) -> [Entry] {
        let (kind, device, inode) = kind(path, followingLinks: true)
        switch kind {
        case .regular, .fifo: return [.file(path)]
        case .directory:
            var entries: [Entry] = []
            var visited = Set<[UInt64]>([[UInt64(device), UInt64(inode)]])
            walkDirectory(path, visited: &visited, into: &entries)
            return entries
        case .device: return [.failed(path, message: "\(path): is a device, not a file; it was not read")]
        case .socket, .other: return [.failed(path, message: "\(path): is not a regular file or directory; it was not read")]
        case .missing:
            if isSymbolicLink(path) { return [.failed(path, message: "\(path): is a broken symbolic link")] }
            return [.failed(path, message: "\(path): no such file or directory")]
        }
    }

    private static func walkDirectory(_ directory: String, visited: inout Set<[UInt64]>, into entries: inout [Entry]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            entries.append(.failed(directory, message: "\(directory): directory cannot be read (permission denied?)"))
            return
        }
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            if name.hasPrefix(".") {
                entries.append(.skipped(path, reason: "hidden"))
                continue
            }
            let (kind, device, inode) = kind(path, followingLinks: true)
            switch kind {
            case .directory:
                guard visited.insert([UInt64(device), UInt64(inode)]).inserted else {
                    entries.append(.skipped(path, reason: "a directory already read (a symbolic link loop or a second link)"))
                    continue
                }
                walkDirectory(path, visited: &visited, into: &entries)
            case .regular:
                if isDatabaseFile(name) {
                    entries.append(.skipped(path, reason: "an SQLite database file"))
                } else {
                    entries.append(.file(path))
                }
            case .fifo: entries.append(.skipped(path, reason: "a FIFO (name it explicitly to read it)"))
            case .device: entries.append(.skipped(path, reason: "a device"))
            case .socket: entries.append(.skipped(path, reason: "a socket"))
            case .other: entries.append(.skipped(path, reason: "not a regular file"))
            case .missing: entries.append(.skipped(path, reason: isSymbolicLink(path) ? "a broken symbolic link" : "vanished during the walk"))
            }
        }
    }
}
