/// A group of articles that are near-copies of each other (the same story with small edits).
public struct NearDuplicateCluster: Sendable, Equatable, Codable {
    public struct Member: Sendable, Equatable, Codable {
        public let id: Int64
        /// Estimated Jaccard similarity to the cluster's first (oldest) article.
        public let similarity: Double
    }

    /// Oldest first.
    public let members: [Member]
}
