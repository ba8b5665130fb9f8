import Foundation

/// Turns the date forms scrapers write into ISO 8601, so dates sort and filter as dates.
///
/// Accepted: ISO 8601 with one- or two-digit month and day, `T` or a space before the time, an
/// offset or `Z` (kept as written, as `+HH:MM`); RFC 822/1123 (`Sun, 01 Sep 2024 10:00:00 GMT`);
/// day-first numeric dates as Arabic sites write them (`01/09/2024`, `1-9-2024`, `1.9.2024`),
/// with an optional time; Unix seconds and milliseconds (as UTC); month names in English and in
/// Arabic, in both the Egyptian (سبتمبر) and the Levantine (أيلول) systems, with or without the
/// day's name (`الأحد ١ سبتمبر ٢٠٢٤`, `September 1, 2024`); Arabic-Indic and Persian digits.
/// A date alone stays a date (`2024-09-01`); with a time it becomes `2024-09-01T10:00:00`, plus
/// the offset when the input had one.
package enum DateNormalizer {
    /// The ISO 8601 form of `text`, or nil when it is not a date this understands.
    package static func normalize(_ text: String) -> String? {
        let folded = foldDigits(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !folded.isEmpty, folded.count <= 80 else { return nil }
        return iso(folded) ?? epoch(folded) ?? dayFirst(folded) ?? named(folded)
    }

    // MARK: Forms

    private static func iso(_ text: String) -> String? {
        let scanner = Scanner(text)
        guard let year = scanner.number(digits: 4...4), scanner.take("-"), let month = scanner.number(digits: 1...2),
              scanner.take("-"), let day = scanner.number(digits: 1...2) else { return nil }
        var time: String?
        if scanner.take("T") || scanner.take(" ") {
            guard let parsed = clock(scanner) else { return nil }
            time = parsed
        }
        guard scanner.atEnd else { return nil }
        return compose(year: year, month: month, day: day, time: time)
    }

    private static func epoch(_ text: String) -> String? {
        guard text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        let seconds: Double
        switch text.count {
        case 9...10: seconds = Double(text) ?? 0
        case 12...13: seconds = (Double(text) ?? 0) / 1000
        default: return nil
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    private static func dayFirst(_ text: String) -> String? {
        let scanner = Scanner(text)
        guard let day = scanner.number(digits: 1...2) else { return nil }
        guard let separator = scanner.takeAny(["/", "-", "."]), let month = scanner.number(digits: 1...2), scanner.take(separator),
              let year = scanner.number(digits: 4...4) else { return nil }
        var time: String?
        if scanner.take(" ") || scanner.take("T") || scanner.take(", ") {
            scanner.skipSpaces()
            guard let parsed = clock(scanner) else { return nil }
            time = parsed
        }
        guard scanner.atEnd else { return nil }
        return compose(year: year, month: month, day: day, time: time)
    }

    /// Dates with a month name: `1 September 2024`, `September 1, 2024`, RFC 822, Arabic.
    private static func named(_ text: String) -> String? {
        // Words and numbers, with commas, day names and the Arabic comma out of the way.
        var words = text.replacingOccurrences(of: "،", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        words.removeAll { dayNames.contains(normalizedWord($0)) }
        var day: Int?, month: Int?, year: Int?, time: String?
        var index = 0
        while index < words.count {
            let word = words[index]
            if let number = Int(word), word.allSatisfy(\.isNumber) {
                if word.count == 4, year == nil { year = number } else if word.count <= 2, day == nil { day = number } else { return nil }
            } else if word.contains(":") {
                guard time == nil, let parsed = clock(Scanner(word)) else { return nil }
                time = parsed
                // RFC 822 zones after the time.
                if index + 1 < words.count, let zone = zoneName(words[index + 1]) {
                    time! += zone
                    index += 1
                }
            } else if month == nil, let found = monthNumber(word, next: index + 1 < words.count ? words[index + 1] : nil) {
                month = found.month
                index += found.words - 1
            } else {
                return nil
            }
            index += 1
        }
        guard let day, let month, let year else { return nil }
        return compose(year: year, month: month, day: day, time: time)
    }

    // MARK: Pieces

    /// `HH:MM[:SS[.fff]]` and an optional offset (`Z`, `+03:00`, `+0300`), as `HH:MM:SS[offset]`.
    private static func clock(_ scanner: Scanner) -> String? {
        guard let hour = scanner.number(digits: 1...2), hour < 24, scanner.take(":"), let minute = scanner.number(digits: 2...2), minute < 60 else {
            return nil
        }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2...2), value < 61 else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") { _ = scanner.number(digits: 1...9) }
        }
        var time = String(format: "%02d:%02d:%02d", hour, minute, second)
        scanner.skipSpaces()
        if scanner.take("Z") || scanner.take("z") {
            time += "Z"
        } else if let sign = scanner.takeAny(["+", "-"]) {
            guard let hours = scanner.hours() else { return nil }
            _ = scanner.take(":")
            let minutes = scanner.number(digits: 2...2) ?? 0
            time += String(format: "%@%02d:%02d", sign, hours, minutes)
        } else if let zone = zoneName(scanner.rest), !zone.isEmpty {
            time += zone
            scanner.skipToEnd()
        }
        return time
    }

    private static func zoneName(_ word: String) -> String? {
        switch word.uppercased() {
        case "GMT", "UT", "UTC", "Z": "Z"
        case let other where (other.hasPrefix("+") || other.hasPrefix("-")) && other.count == 5 && other.dropFirst().allSatisfy(\.isNumber):
            String(other.prefix(3)) + ":" + String(other.suffix(2))
        default: nil
        }
    }

    private static func compose(year: Int, month: Int, day: Int, time: String?) -> String? {
        guard (1...12).contains(month), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard components.isValidDate(in: Calendar(identifier: .gregorian)) else { return nil }
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        return time.map { date + "T" + $0 } ?? date
    }

    /// ASCII digits for Arabic-Indic and Persian ones.
    private static func foldDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            default: scalar
            }
        }))
    }

    /// A word without harakat, tatweel and letter-form differences (أ إ آ → ا, ى → ي, ة → ه).
    private static func normalizedWord(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: out.append("ا")
            case 0x0649: out.append("ي")
            case 0x0629: out.append("ه")
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        var result = String(out)
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }

    private static let dayNames: Set<String> = [
        "sun", "mon", "tue", "wed", "thu", "fri", "sat", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت",
    ]

    /// Month names in English, and in Arabic in both systems (some are two words: تشرين الأول).
    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let egyptian = [["يناير"], ["فبراير"], ["مارس"], ["ابريل"], ["مايو"], ["يونيو", "يونيه"], ["يوليو", "يوليه"], ["اغسطس"],
                        ["سبتمبر"], ["اكتوبر"], ["نوفمبر"], ["ديسمبر"]]
        let levantine = [["كانون الثاني"], ["شباط"], ["اذار"], ["نيسان"], ["ايار"], ["حزيران"], ["تموز"], ["اب"], ["ايلول"],
                         ["تشرين الاول"], ["تشرين الثاني"], ["كانون الاول"]]
        for month in 0..<12 {
            table[english[month]] = month + 1
            table[full[month]] = month + 1
            if english[month] == "sep" { table["sept"] = 9 }
            for name in egyptian[month] + levantine[month] { table[name] = month + 1 }
        }
        return table
    }()

    private static func monthNumber(_ word: String, next: String?) -> (month: Int, words: Int)? {
        let first = normalizedWord(word)
        if let next, let month = months[first + " " + normalizedWord(next)] { return (month, 2) }
        if let month = months[first] { return (month, 1) }
        return nil
    }

    /// A small cursor over a string's characters.
    private final class Scanner {
        let characters: [Character]
        var index = 0

        init(_ text: String) { characters = Array(text) }

        var atEnd: Bool { index == characters.count }
        var rest: String { String(characters[index...]).trimmingCharacters(in: .whitespaces) }

        func take(_ text: String) -> Bool {
            let wanted = Array(text)
            guard index + wanted.count <= characters.count, Array(characters[index..<(index + wanted.count)]) == wanted else { return false }
            index += wanted.count
            return true
        }

        func takeAny(_ options: [String]) -> String? { options.first { take($0) } }

        func number(digits: ClosedRange<Int>) -> Int? {
            var end = index
            while end < characters.count, end - index < digits.upperBound, characters[end].isASCII, characters[end].isNumber { end += 1 }
            // More digits than allowed: not this field.
            if end < characters.count, characters[end].isASCII, characters[end].isNumber, digits.upperBound < 9 { return nil }
            guard digits.contains(end - index), let value = Int(String(characters[index..<end])) else { return nil }
            index = end
            return value
        }

        /// Two digits of an offset's hours, whether or not minutes follow without a colon (+0300).
        func hours() -> Int? {
            guard index + 2 <= characters.count, characters[index].isASCII, characters[index].isNumber,
                  characters[index + 1].isASCII, characters[index + 1].isNumber,
                  let value = Int(String(characters[index..<(index + 2)])) else { return nil }
            index += 2
            return value
        }

        func skipSpaces() { while index < characters.count, characters[index] == " " { index += 1 } }
        func skipToEnd() { index = characters.count }
    }
}
