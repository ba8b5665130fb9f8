/// What ``ArticleStore/ArticleStore/check(repair:)`` found.
public struct CheckReport: Sendable, Equatable, Codable {
    /// One kind of problem, how many rows have it, and whether it was repaired.
    public struct Finding: Sendable, Equatable, Codable {
        /// A short name: `integrity`, `index-missing`, `index-orphan`, `stale-terms`, `keywords-missing`, `orphans`,
        /// `signatures`, `tag-counts`, `dates`.
        public let kind: String
        public let count: Int
        /// One line saying what is wrong (and what was done).
        public let detail: String
        public var repaired: Bool
    }

    /// Articles looked at.
    public var articles = 0
    /// Problems found.
    public var findings: [Finding] = []
    /// Tables, views, indexes, triggers and columns that other tools added (tolerated; listed).
    public var userAdditions: [String] = []

    /// True when nothing is wrong (or everything wrong was repaired).
    public var isHealthy: Bool { findings.allSatisfy(\.repaired) }
}
