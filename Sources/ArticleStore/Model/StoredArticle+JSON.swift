extension StoredArticle {
    /// The article's JSON (the keys of its `Codable` form, in order), for `show` and `export`.
    package var jsonValue: JSONValue {
        // Encoding plain strings, numbers and arrays into a JSONValue cannot fail.
        (try? JSONValueEncoder().encode(self)) ?? .null
    }
}
