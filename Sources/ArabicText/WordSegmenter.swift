/// Splits text into word spans, the way UAX #29 word boundaries (Lucene's StandardTokenizer) do,
/// with a stricter mode for the default profile.
struct WordSegmenter {
    /// How the segmenter treats punctuation inside words.
    enum Mode {
        /// UAX #29: `:` `.` `'` join letters (`a:b`, `د.ب.ا`), `,` `.` join digits (`1,000`),
        /// `_` joins anything.
        case standard
        /// Only `.` and apostrophes join letters (`د.ب.ا`, `O'Neil`); digits and letters around
        /// other punctuation are separate words. Every kept scalar is then a letter, digit or mark.
        case strict
    }

    /// Lucene's default maximum token length, in UTF-16 code units; longer words are split.
    static let maximumLength = 255

    let mode: Mode

    /// A word's scalar range in the segmented array.
    struct Span {
        var start: Int
        var end: Int
    }

    /// The word spans of `scalars`, in order, appended to `spans`.
    func spans(_ scalars: [Unicode.Scalar], _ classes: [ScalarClass], into spans: inout [Span]) {
        segment(scalars, classes) { spans.append($0) }
    }

    /// Calls `body` with each word span of `scalars`, in order.
    func segment(_ scalars: [Unicode.Scalar], _ classes: [ScalarClass], _ body: (Span) -> Void) {
        let count = scalars.count
        var index = 0
        while index < count {
            let first = classes[index]
            guard first.startsWord, mode == .standard || first != .extendNumLet else {
                index += 1
                continue
            }
            var end = index + 1
            if first == .ideograph {
                while end < count, classes[end] == .mark || classes[end] == .format { end += 1 }
                emit(Span(start: index, end: end), scalars, body)
                index = end
                continue
            }
            var last = first
            scan: while end < count {
                let current = classes[end]
                switch current {
                case .letter, .digit:
                    // Letters and digits stay together, as in UAX #29 (WB9/WB10).
                    last = current
                    end += 1
                case .extendNumLet where mode == .standard:
                    last = current
                    end += 1
                case .mark, .format:
                    end += 1
                case .midLetter, .midNumLet, .midNum:
                    var next = end + 1
                    while next < count, classes[next] == .mark || classes[next] == .format { next += 1 }
                    guard next < count else { break scan }
                    let following = classes[next]
                    if joins(current, before: last, after: following) {
                        last = following
                        end = next + 1
                    } else {
                        break scan
                    }
                default:
                    break scan
                }
            }
            emit(Span(start: index, end: end), scalars, body)
            index = end
        }
    }

    private func joins(_ middle: ScalarClass, before: ScalarClass, after: ScalarClass) -> Bool {
        switch mode {
        case .standard:
            if before == .letter && after == .letter { return middle == .midLetter || middle == .midNumLet }
            if before == .digit && after == .digit { return middle == .midNum || middle == .midNumLet }
            return false
        case .strict:
            return middle == .midNumLet && before == .letter && after == .letter
        }
    }

    /// Emits a span, split into pieces of at most ``maximumLength`` UTF-16 code units.
    private func emit(_ span: Span, _ scalars: [Unicode.Scalar], _ body: (Span) -> Void) {
        // Every scalar is at most two UTF-16 units, so short spans need no check.
        if span.end - span.start <= Self.maximumLength / 2 {
            body(span)
            return
        }
        var start = span.start
        var units = 0
        var index = span.start
        while index < span.end {
            let width = scalars[index].utf16.count
            if units + width > Self.maximumLength {
                body(Span(start: start, end: index))
                start = index
                units = 0
            }
            units += width
            index += 1
        }
        if start < span.end { body(Span(start: start, end: span.end)) }
    }
}
