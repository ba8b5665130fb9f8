/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Equatable, Codable {
    /// The state of a migration in one database.
    public enum State: String, Sendable, Codable {
        /// Applied, with the same SQL this binary embeds.
        case applied
        /// Not applied yet.
        case pending
        /// Applied, but its SQL has changed since (checksums differ).
        case modified
        /// Applied by a newer binary; this one does not know it.
        case unknown
    }

    public let version: Int
    public let name: String
    public let state: State
    /// When it was applied (ISO 8601, UTC), if it was.
    public let appliedAt: String?
    /// The checksum recorded at application, or the embedded one when pending.
    public let checksum: String
}
