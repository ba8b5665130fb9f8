/// An article as parsed from input, before it is stored. Plain values; build one yourself to
/// add articles from Swift code with ``ArticleStore/add(_:)``.
public struct Article: Sendable, Equatable, Codable {
    /// The headline; nil when the input has none (aggregator pages have no title line).
    public var title: String?
    /// The text, paragraphs separated by newlines, exactly as in the input.
    public var body: String
    /// The dateline's place, e.g. موسكو.
    public var dateline: String?
    /// The dateline's news agency, e.g. د.ب.ا.
    public var agency: String?
    /// The publisher's name, e.g. جريدة الوطن.
    public var source: String?
    /// The publisher's domain, e.g. alwatan.com.
    public var sourceDomain: String?
    public var url: String?
    /// Publication date or date-time, ISO 8601 as given.
    public var published: String?
    public var modified: String?
    /// BCP 47 language code, e.g. ar.
    public var language: String?
    public var authors: [String]
    public var description: String?
    /// Keyword tags in their original spelling.
    public var tags: [String]
    public var kind: ArticleKind
    /// True when the body is known to be incomplete (related articles on a page).
    public var isPartial: Bool
    /// Input text the parser could not place.
    public var rest: String?
    /// Input fields we do not model, as a JSON object.
    public var extra: String?
    /// Second stories found inside this article's page.
    public var embedded: [Article]
    /// "Read also" articles listed on the page.
    public var related: [Article]
    /// "Similar articles" headlines listed on the page.
    public var similarHeadlines: [String]
    /// The file it came from ("-" for stdin).
    public var originPath: String?
    /// Its line in that file (JSON Lines), 1-based.
    public var originLine: Int?

    /// An article to store. Only `body` is required (a title-only related entry may pass an
    /// empty body with a title).
    ///
    /// ```swift
    /// try store.add(Article(title: "عنوان", body: "نص", source: "جريدة الوطن", tags: ["اقتصاد"]))
    /// ```
    enum CodingKeys: String, CodingKey {
        case title, body, dateline, agency, source
        case sourceDomain = "source_domain"
        case url, published, modified, language, authors, description, tags, kind
        case isPartial = "partial"
        case rest, extra, embedded, related
        case similarHeadlines = "similar"
        case originPath = "origin"
        case originLine = "origin_line"
    }

    public init(title: String? = nil, body: String, dateline: String? = nil, agency: String? = nil,
                source: String? = nil, sourceDomain: String? = nil, url: String? = nil,
                published: String? = nil, modified: String? = nil, language: String? = nil,
                authors: [String] = [], description: String? = nil, tags: [String] = [],
                kind: ArticleKind = .article, isPartial: Bool = false, rest: String? = nil, extra: String? = nil,
                embedded: [Article] = [], related: [Article] = [], similarHeadlines: [String] = [],
                originPath: String? = nil, originLine: Int? = nil) {
        self.title = title
        self.body = body
        self.dateline = dateline
        self.agency = agency
        self.source = source
        self.sourceDomain = sourceDomain
        self.url = url
        self.published = published
        self.modified = modified
        self.language = language
        self.authors = authors
        self.description = description
        self.tags = tags
        self.kind = kind
        self.isPartial = isPartial
        self.rest = rest
        self.extra = extra
        self.embedded = embedded
        self.related = related
        self.similarHeadlines = similarHeadlines
        self.originPath = originPath
        self.originLine = originLine
    }
}
