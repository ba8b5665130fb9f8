/// What an article row is.
public enum ArticleKind: String, Sendable, Codable, CaseIterable {
    /// A page's (or JSON record's) own story.
    case article
    /// A second story glued into a page's body, under its own heading.
    case embedded
    /// A "إقرأ أيضاً" (read also) entry: a title and as much of the body as the page shows.
    case related
}
