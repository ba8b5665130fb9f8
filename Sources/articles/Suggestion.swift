/// "Did you mean": the closest of some names to what the user typed, by edit distance.
enum Suggestion {
    /// The candidate closest to `typed`, when it is close enough to be a likely typo.
    static func closest(to typed: String, in candidates: [String]) -> String? {
        let typedCharacters = Array(typed.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(typedCharacters, Array(candidate.lowercased()))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.1 <= max(2, typedCharacters.count / 3) else { return nil }
        return best.0
    }

    /// The name closest to `typed`, comparing with each name and with each word of it (a
    /// surname typed alone suggests the full name).
    static func closestName(to typed: String, in names: [String]) -> String? {
        var forms: [String: String] = [:]
        for name in names {
            forms[name] = forms[name] ?? name
            for word in name.split(separator: " ") where word.count >= 3 { forms[String(word)] = forms[String(word)] ?? name }
        }
        return closest(to: typed, in: Array(forms.keys).sorted()).flatMap { forms[$0] }
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
