import Foundation

/// An article as stored, with everything attached to it. `Codable`: its JSON (the keys
/// `articles show` and `export` print) ingests back into a store unchanged.
public struct StoredArticle: Sendable, Equatable, Codable {
    /// An embedded story or related article, as linked from its parent.
    public struct LinkedArticle: Sendable, Equatable, Codable {
        public let id: Int64
        public let title: String?
        public let body: String
        /// Whether the source gave only part of the text.
        public let isPartial: Bool

        enum CodingKeys: String, CodingKey {
            case id, title, body
            case isPartial = "partial"
        }
    }

    /// A "similar headline" the page listed, with the stored article it names when there is one.
    public struct SimilarHeadline: Sendable, Equatable, Codable {
        public let headline: String
        public let linkedArticleID: Int64?

        enum CodingKeys: String, CodingKey {
            case headline
            case linkedArticleID = "article_id"
        }
    }

    /// One place an entity is named.
    public struct Mention: Sendable, Equatable, Codable {
        public let field: MentionField
        /// Unicode-scalar offsets into the field's original text.
        public let start: Int
        public let end: Int
        /// The text as written there.
        public let surface: String
        /// A nisba adjective (روسي for روسيا) rather than the name itself.
        public let isAdjective: Bool

        enum CodingKeys: String, CodingKey {
            case field, start, end, surface
            case isAdjective = "adjective"
        }
    }

    /// An entity the article names, with its mentions in it.
    public struct EntityMentions: Sendable, Equatable, Codable {
        public let id: Int64
        public let name: String
        public let type: EntityType
        public let mentions: [Mention]
    }

    public let id: Int64
    public let title: String?
    public let body: String
    public let dateline: String?
    public let agency: String?
    public let source: String?
    public let sourceDomain: String?
    public let url: String?
    /// ISO 8601 (see the README's date table); nil when absent or unreadable.
    public let published: String?
    public let modified: String?
    /// The dates as the input wrote them (nil for articles stored before ArticleStore kept them).
    public var publishedRaw: String? = nil
    public var modifiedRaw: String? = nil
    public let language: String?
    public let authors: [String]
    public let description: String?
    public let kind: ArticleKind
    public let isPartial: Bool
    /// Text of the page that belongs to no field, kept so nothing is lost.
    public let rest: String?
    /// Fields of the input record ArticleStore has no column for, as JSON.
    public let extra: String?
    public let contentHash: String
    public let originPath: String?
    public let originLine: Int?
    public let ingestedAt: String
    public let tags: [String]
    /// Keyword tags computed from the text, best first (JSON `keywords`); the source's own
    /// tags are ``tags``.
    public internal(set) var keywords: [String] = []
    public let embedded: [LinkedArticle]
    public let related: [LinkedArticle]
    public let similar: [SimilarHeadline]
    public let entities: [EntityMentions]
    /// Articles that embed or relate this one.
    public let parents: [Int64]

    /// The title, or the body's opening words.
    public var displayTitle: String { title ?? ArticleListing.openingWords(body) }

    enum CodingKeys: String, CodingKey {
        case id, title, body, dateline, agency, source
        case sourceDomain = "source_domain"
        case url, published, modified
        case publishedRaw = "published_raw"
        case modifiedRaw = "modified_raw"
        case language, authors, description, kind
        case isPartial = "partial"
        case tags, keywords, embedded, related
        case similarHeadlines = "similar"
        case similar = "similar_links"
        case entities, parents, rest, extra
        case contentHash = "content_hash"
        case originPath = "origin"
        case originLine = "origin_line"
        case ingestedAt = "ingested_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(dateline, forKey: .dateline)
        try container.encode(agency, forKey: .agency)
        try container.encode(source, forKey: .source)
        try container.encode(sourceDomain, forKey: .sourceDomain)
        try container.encode(url, forKey: .url)
        try container.encode(published, forKey: .published)
        try container.encode(modified, forKey: .modified)
        try container.encodeIfPresent(publishedRaw, forKey: .publishedRaw)
        try container.encodeIfPresent(modifiedRaw, forKey: .modifiedRaw)
        try container.encode(language, forKey: .language)
        try container.encode(authors, forKey: .authors)
        try container.encode(description, forKey: .description)
        try container.encode(kind, forKey: .kind)
        try container.encode(isPartial, forKey: .isPartial)
        try container.encode(tags, forKey: .tags)
        try container.encode(keywords, forKey: .keywords)
        try container.encode(embedded, forKey: .embedded)
        try container.encode(related, forKey: .related)
        // The headlines alone (what scrapers and ingest read), then with their links.
        try container.encode(similar.map(\.headline), forKey: .similarHeadlines)
        try container.encode(similar, forKey: .similar)
        try container.encode(entities, forKey: .entities)
        try container.encode(parents, forKey: .parents)
        try container.encode(rest, forKey: .rest)
        // The fields kept from the input, as the JSON object they are (not a string holding JSON).
        if let extra, let data = extra.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) {
            try container.encode(JSONValue(any: object), forKey: .extra)
        } else {
            try container.encode(extra, forKey: .extra)
        }
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(originPath, forKey: .originPath)
        try container.encode(originLine, forKey: .originLine)
        try container.encode(ingestedAt, forKey: .ingestedAt)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        body = try container.decode(String.self, forKey: .body)
        dateline = try container.decodeIfPresent(String.self, forKey: .dateline)
        agency = try container.decodeIfPresent(String.self, forKey: .agency)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        sourceDomain = try container.decodeIfPresent(String.self, forKey: .sourceDomain)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        modified = try container.decodeIfPresent(String.self, forKey: .modified)
        publishedRaw = try container.decodeIfPresent(String.self, forKey: .publishedRaw)
        modifiedRaw = try container.decodeIfPresent(String.self, forKey: .modifiedRaw)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        authors = try container.decodeIfPresent([String].self, forKey: .authors) ?? []
        description = try container.decodeIfPresent(String.self, forKey: .description)
        kind = try container.decodeIfPresent(ArticleKind.self, forKey: .kind) ?? .article
        isPartial = try container.decodeIfPresent(Bool.self, forKey: .isPartial) ?? false
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        embedded = try container.decodeIfPresent([LinkedArticle].self, forKey: .embedded) ?? []
        related = try container.decodeIfPresent([LinkedArticle].self, forKey: .related) ?? []
        if let links = try container.decodeIfPresent([SimilarHeadline].self, forKey: .similar) {
            similar = links
        } else {
            similar = (try container.decodeIfPresent([String].self, forKey: .similarHeadlines) ?? [])
                .map { SimilarHeadline(headline: $0, linkedArticleID: nil) }
        }
        entities = try container.decodeIfPresent([EntityMentions].self, forKey: .entities) ?? []
        parents = try container.decodeIfPresent([Int64].self, forKey: .parents) ?? []
        rest = try container.decodeIfPresent(String.self, forKey: .rest)
        if let text = try? container.decodeIfPresent(String.self, forKey: .extra) {
            extra = text
        } else {
            extra = try container.decodeIfPresent(JSONValue.self, forKey: .extra).map { $0.serialized() }
        }
        contentHash = try container.decodeIfPresent(String.self, forKey: .contentHash) ?? ""
        originPath = try container.decodeIfPresent(String.self, forKey: .originPath)
        originLine = try container.decodeIfPresent(Int.self, forKey: .originLine)
        ingestedAt = try container.decodeIfPresent(String.self, forKey: .ingestedAt) ?? ""
    }

    init(id: Int64, title: String?, body: String, dateline: String?, agency: String?, source: String?, sourceDomain: String?,
         url: String?, published: String?, modified: String?, language: String?, authors: [String], description: String?,
         kind: ArticleKind, isPartial: Bool, rest: String?, extra: String?, contentHash: String, originPath: String?,
         originLine: Int?, ingestedAt: String, tags: [String], embedded: [LinkedArticle], related: [LinkedArticle],
         similar: [SimilarHeadline], entities: [EntityMentions], parents: [Int64]) {
        self.id = id; self.title = title; self.body = body; self.dateline = dateline; self.agency = agency
        self.source = source; self.sourceDomain = sourceDomain; self.url = url; self.published = published
        self.modified = modified; self.language = language; self.authors = authors; self.description = description
        self.kind = kind; self.isPartial = isPartial; self.rest = rest; self.extra = extra; self.contentHash = contentHash
        self.originPath = originPath; self.originLine = originLine; self.ingestedAt = ingestedAt; self.tags = tags
        self.embedded = embedded; self.related = related; self.similar = similar; self.entities = entities
        self.parents = parents
    }
}
