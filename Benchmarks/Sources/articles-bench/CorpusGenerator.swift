import ArticleStore
import Foundation

/// Realistic Arabic news articles of any count, from real text: the sentences of the ARCD
/// paragraphs and of `seeds/`, recombined into articles with varied sources, dates, tags and
/// entity names; some in other spellings (harakat, Persian letters, bare alef, tatweel), some
/// exact duplicates and some near-duplicates of earlier articles. Deterministic from a seed.
struct CorpusGenerator {
    /// One generated article as a news-please style JSON object.
    struct Item {
        let json: String
        let title: String
        let body: String
        /// `exact` re-emits an earlier article; `near` is an edited copy of one.
        let duplicate: Duplicate?
        enum Duplicate { case exact, near }
        /// This article's URL, and for a near-duplicate the URL of the article it copies.
        let url: String
        let copyOf: String?
    }

    static let sources: [(name: String, domain: String)] = [
        ("جريدة الوطن", "alwatan.com"), ("بوابة الوفد", "alwafd.news"), ("الأهرام", "ahram.org.eg"),
        ("اليوم السابع", "youm7.com"), ("الشرق الأوسط", "aawsat.com"), ("العربية نت", "alarabiya.net"),
        ("الجزيرة نت", "aljazeera.net"), ("سكاي نيوز عربية", "skynewsarabia.com"), ("روسيا اليوم", "arabic.rt.com"),
        ("فرانس 24", "france24.com"), ("بي بي سي عربي", "bbc.com"), ("الخليج", "alkhaleej.ae"),
        ("البيان", "albayan.ae"), ("الرياض", "alriyadh.com"), ("عكاظ", "okaz.com.sa"), ("الأنباء", "alanba.com.kw"),
        ("القبس", "alqabas.com"), ("النهار", "annahar.com"), ("الأخبار", "al-akhbar.com"), ("المصري اليوم", "almasryalyoum.com"),
        ("الشروق", "shorouknews.com"), ("هسبريس", "hespress.com"), ("الخبر", "elkhabar.com"), ("الصباح", "assabah.com.tn"),
        ("الرأي", "alrai.com"), ("الغد", "alghad.com"), ("الدستور", "addustour.com"), ("الوطن السورية", "alwatanonline.com"),
        ("إرم نيوز", "eremnews.com"), ("عربي 21", "arabi21.com"), ("القدس العربي", "alquds.co.uk"), ("الحياة", "alhayat.com"),
        ("وكالة الأنباء الإيرانية", "irna.ir"), ("تسنيم", "tasnimnews.com"), ("سبوتنيك عربي", "sarabic.ae"),
        ("الميادين", "almayadeen.net"), ("العين الإخبارية", "al-ain.com"), ("مصراوي", "masrawy.com"),
        ("الوطن البحرينية", "alwatannews.net"), ("الراية", "raya.com"),
    ]

    static let people = [
        "عباس عرقجي", "سيرجي ريابكوف", "لويد أوستن", "جوزيب بوريل", "حسين أمير عبد اللهيان", "سيرغي لافروف",
        "أنطونيو غوتيريش", "إيمانويل ماكرون", "فلاديمير بوتين", "جو بايدن", "رجب طيب أردوغان", "عبد الفتاح السيسي",
        "محمد بن سلمان", "الملك عبد الله الثاني", "نجيب ميقاتي", "بشار الأسد",
    ]
    static let roles = ["وزير الخارجية", "الرئيس", "رئيس الوزراء", "المتحدث باسم الحكومة", "وزير الدفاع", "الأمين العام"]
    static let places = [
        "إيران", "روسيا", "طهران", "موسكو", "الولايات المتحدة", "واشنطن", "فرنسا", "باريس", "مصر", "القاهرة",
        "لبنان", "بيروت", "سوريا", "دمشق", "العراق", "بغداد", "السعودية", "الرياض", "تركيا", "أنقرة", "الأردن",
        "عمان", "الجزائر", "المغرب", "تونس", "قطر", "الإمارات", "الكويت", "أوكرانيا", "الصين", "بكين",
    ]
    static let organizations = [
        "الأمم المتحدة", "الاتحاد الأوروبي", "حلف الناتو", "جامعة الدول العربية", "مجلس التعاون الخليجي",
        "منظمة التعاون الإسلامي", "الوكالة الدولية للطاقة الذرية", "البنك الدولي", "صندوق النقد الدولي", "مجلس الأمن",
    ]
    static let verbs = ["قال", "أكد", "صرح", "أعلن", "أوضح", "شدد", "أشار"]
    static let topics = [
        "التعاون العسكري", "الملف النووي", "أسعار النفط", "الانتخابات الرئاسية", "الأزمة الاقتصادية", "التغير المناخي",
        "الأمن الغذائي", "حقوق الإنسان", "الطاقة المتجددة", "السياحة", "كرة القدم", "التعليم", "الصحة العامة",
        "الاستثمار الأجنبي", "اللاجئين", "المفاوضات", "العقوبات", "التجارة الدولية", "الذكاء الاصطناعي", "الزراعة",
    ]

    private let sentences: [String]
    private let titles: [String]
    private var random: SeededRandom
    private var emitted: [(title: String, body: String, url: String, published: String, source: Int)] = []
    private var index = 0

    init(shared: SharedData, seed: UInt64) throws {
        var sentences: [String] = []
        var titles: [String] = []
        for paragraph in try shared.arcd() {
            titles.append(paragraph.title)
            sentences += Self.sentences(paragraph.context)
        }
        for url in (try? FileManager.default.contentsOfDirectory(at: shared.seedsDirectory, includingPropertiesForKeys: nil)) ?? [] {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            sentences += Self.sentences(text.components(separatedBy: "المصدر:").first ?? text)
        }
        self.sentences = sentences.filter { $0.split(separator: " ").count >= 5 }
        self.titles = Array(Set(titles)).sorted()
        random = SeededRandom(seed: seed)
    }

    /// Sentences of a text: split after . ! ? ؟ and line breaks.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character == "\n" {
                if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current.trimmingCharacters(in: .whitespaces)) }
                current = ""
                continue
            }
            current.append(character)
            if ".!?؟".contains(character) {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current.trimmingCharacters(in: .whitespaces)) }
        return result
    }

    /// The next article.
    mutating func next() -> Item {
        index += 1
        if emitted.count > 100, random.chance(0.02) {
            let earlier = random.pick(emitted)
            return item(title: earlier.title, body: earlier.body, url: earlier.url, published: earlier.published,
                        source: earlier.source, tags: [], duplicate: .exact, copyOf: earlier.url)
        }
        if emitted.count > 100, random.chance(0.05) {
            let earlier = random.pick(emitted)
            var paragraphs = earlier.body.components(separatedBy: "\n\n")
            // An edited copy: a word changed, a sentence added, a paragraph dropped.
            if paragraphs.count > 2 { paragraphs.remove(at: Int(random.next() % UInt64(paragraphs.count))) }
            paragraphs.append(random.pick(sentences))
            let source = Int(random.next() % UInt64(Self.sources.count))
            return item(title: earlier.title, body: paragraphs.joined(separator: "\n\n"), url: "https://\(Self.sources[source].domain)/news/\(index)",
                        published: earlier.published, source: source, tags: [], duplicate: .near, copyOf: earlier.url)
        }
        let source = Int(random.next() % UInt64(Self.sources.count))
        var paragraphs: [String] = [lead()]
        for _ in 0..<(2 + Int(random.next() % 5)) {
            let count = 1 + Int(random.next() % 3)
            paragraphs.append((0..<count).map { _ in random.pick(sentences) }.joined(separator: " "))
        }
        if random.chance(0.5) { paragraphs.append(quote()) }
        var body = paragraphs.joined(separator: "\n\n")
        if random.chance(0.2) { body = variant(body) }
        let titleWords = random.pick(sentences).split(separator: " ").prefix(6 + Int(random.next() % 6))
        let title = random.chance(0.3) ? random.pick(titles) + ": " + titleWords.prefix(5).joined(separator: " ") : titleWords.joined(separator: " ")
        let day = Int(random.next() % 4000)
        let date = Date(timeIntervalSince1970: 1_420_070_400 + Double(day) * 86_400)
        let published = Self.dateFormatter.string(from: date)
        var tags = [random.pick(Self.topics)]
        for _ in 0..<Int(random.next() % 3) { tags.append(random.chance(0.5) ? random.pick(Self.places) : random.pick(titles)) }
        let url = "https://\(Self.sources[source].domain)/news/\(index)"
        emitted.append((title, body, url, published, source))
        if emitted.count > 5000 { emitted.removeFirst(1000) }
        return item(title: title, body: body, url: url, published: published, source: source, tags: tags, duplicate: nil, copyOf: nil)
    }

    private mutating func lead() -> String {
        let verb = random.pick(Self.verbs)
        let person = random.pick(Self.people)
        let role = random.pick(Self.roles)
        let place = random.pick(Self.places)
        let other = random.pick(Self.places)
        let organization = random.pick(Self.organizations)
        let topic = random.pick(Self.topics)
        return "\(place) ـ \(verb) \(role) \(person) اليوم إن \(topic) بين \(place) و\(other) سيستمر، وذلك خلال لقاء مع ممثلين عن \(organization)."
    }

    private mutating func quote() -> String {
        let person = random.pick(Self.people).split(separator: " ").last.map(String.init) ?? ""
        return "وقال \(person): «\(random.pick(sentences))»"
    }

    /// The same text as users type it elsewhere: harakat, Persian letters, bare alef, tatweel.
    private mutating func variant(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ي" where random.chance(0.3): out.unicodeScalars.append("ی")
            case "ك" where random.chance(0.3): out.unicodeScalars.append("ک")
            case "أ", "إ": out.unicodeScalars.append(random.chance(0.5) ? "ا" : scalar)
            default:
                out.unicodeScalars.append(scalar)
                if (0x0628...0x064A).contains(scalar.value), random.chance(0.05) {
                    out.unicodeScalars.append(random.chance(0.9) ? Unicode.Scalar(0x064E + UInt32(random.next() % 5))! : "ـ")
                }
            }
        }
        return out
    }

    private func item(title: String, body: String, url: String, published: String, source: Int, tags: [String],
                      duplicate: Item.Duplicate?, copyOf: String?) -> Item {
        var fields: [(String, JSONValue)] = [
            ("title", .string(title)), ("maintext", .string(body)), ("date_publish", .string(published)),
            ("url", .string(url)), ("source_domain", .string(Self.sources[source].domain)),
            ("sitename", .string(Self.sources[source].name)), ("language", .string("ar")),
        ]
        if !tags.isEmpty { fields.append(("keywords", .array(tags.map(JSONValue.string)))) }
        return Item(json: JSONValue.object(fields).serialized(), title: title, body: body, duplicate: duplicate, url: url, copyOf: copyOf)
    }

    static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// Writes `count` articles as JSON Lines to `path`; returns the raw text bytes (title + body).
    /// With `truth`, also the ground truth of near-duplicates: one `copy URL<TAB>original URL`
    /// line per near-duplicate.
    static func write(count: Int, seed: UInt64, shared: SharedData, to path: String,
                      truth: String? = nil) throws -> (bytes: Int, exact: Int, near: Int) {
        var generator = try CorpusGenerator(shared: shared, seed: seed)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
        defer { try? handle.close() }
        var buffer = Data()
        var bytes = 0, exact = 0, near = 0
        var truthLines = ""
        for _ in 0..<count {
            let item = generator.next()
            bytes += item.title.utf8.count + item.body.utf8.count
            if item.duplicate == .exact { exact += 1 }
            if item.duplicate == .near {
                near += 1
                truthLines += "\(item.url)\t\(item.copyOf ?? "")\n"
            }
            buffer.append(contentsOf: item.json.utf8)
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        if let truth { try truthLines.write(toFile: truth, atomically: true, encoding: .utf8) }
        return (bytes, exact, near)
    }
}
