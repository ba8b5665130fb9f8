/// An article with everything derived from its text already computed: index terms, keys,
/// content hash, near-duplicate signature and entity mentions (see ``ArticlePreparer``). Made
/// on worker threads so the writer's thread only runs SQL.
struct PreparedArticle: Sendable {
    let article: Article
    let contentHash: String
    let titleTerms: String
    let bodyTerms: String
    let tagsTerms: String
    /// The words' normalized forms joined by spaces (``IndexEntry``, `articles_forms`).
    let titleForms: String
    let bodyForms: String
    let tagsForms: String
    /// The ``IndexFingerprint`` of the title, body and (distinct) tags stored.
    let fingerprint: Int64
    /// The title's key (nil without a title or when it analyzes to nothing).
    let titleKey: String?
    let signature: MinHashSignature
    /// The source name's key.
    let sourceKey: String?
    /// Each tag's key, in tag order.
    let tagKeys: [String]
    /// Each similar headline's key, in order.
    let headlineKeys: [String]
    /// Keyword candidates from the title and body (ranked by the writer, which knows the
    /// store's document frequencies).
    let keywordCandidates: [KeywordCandidate]
    /// The distinct index terms of title, body and tags, hashed (``TermHash``): what the
    /// keyword writer counts document frequencies with. nil when keywords are not computed.
    let termHashes: [UInt64]?
    /// Entity mentions; nil when entities are not extracted.
    let mentions: [EntityMention]?
    /// `published` and `modified` in ISO 8601 (nil when absent or unreadable), and as given.
    var published: String?
    var publishedRaw: String?
    var modified: String?
    var modifiedRaw: String?
    /// Dates given that could not be read (stored raw only).
    var unreadableDates = 0
    let embedded: [PreparedArticle]
    let related: [PreparedArticle]
}
