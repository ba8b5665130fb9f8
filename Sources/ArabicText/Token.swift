/// One word of analyzed text: where it is in the original string and what it becomes.
///
/// Offsets are given three ways so every consumer can slice the original text directly:
/// UTF-8 bytes (SQLite byte offsets, `String.utf8`), UTF-16 code units (`NSRange`, JavaScript),
/// and Unicode scalars (SQLite `substr()`, Python `str`).
public struct Token: Sendable, Equatable, Hashable {
    /// The word exactly as written, harakat and all.
    public let original: Substring
    /// Byte range in the original string's UTF-8.
    public let utf8Range: Range<Int>
    /// Code-unit range in the original string's UTF-16.
    public let utf16Range: Range<Int>
    /// Range in the original string's Unicode scalars (code points).
    public let scalarRange: Range<Int>
    /// 0-based word position in the text; stopwords take positions too.
    public let position: Int
    /// The normalized form: folded letters, no marks, ASCII digits, lower case.
    public let normalized: String
    /// The stem of the normalized form.
    public let stem: String
    /// True when the word is a stopword in this profile.
    public let isStopword: Bool

    public init(original: Substring, utf8Range: Range<Int>, utf16Range: Range<Int>, scalarRange: Range<Int>,
                position: Int, normalized: String, stem: String, isStopword: Bool) {
        self.original = original
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
        self.scalarRange = scalarRange
        self.position = position
        self.normalized = normalized
        self.stem = stem
        self.isStopword = isStopword
    }

    /// The range of this token in `text`, the string it was produced from.
    public func range(in text: String) -> Range<String.Index> {
        original.startIndex..<original.endIndex
    }
}
