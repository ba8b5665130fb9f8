import ArabicText
import Foundation
import Testing
@testable import ArticleStore

@Suite("Entities: the trained recognizer")
struct EntityRecognizerTests {
    let analyzer = Analyzer()

    @Test("features: a word's own keys do not depend on far-away words, its neighbours' do")
    func featureLocality() {
        let extractor = EntityFeatureExtractor()
        let a = extractor.features(of: analyzer.analyze("قال الرئيس محمد مرسي في القاهرة اليوم"))
        let b = extractor.features(of: analyzer.analyze("قال الرئيس محمد مرسي في بغداد اليوم"))
        #expect(a.count == 7 && b.count == 7)
        // محمد (index 2) is three words from the changed one: identical keys.
        #expect(Array(a.keys(of: 2)) == Array(b.keys(of: 2)))
        // في (index 4) has the changed word as its right neighbour.
        #expect(Array(a.keys(of: 4)) != Array(b.keys(of: 4)))
        #expect(Set(a.keys(of: 4)).intersection(Set(b.keys(of: 4))).count > 10)
    }

    @Test("features: clitics are stripped for the core form, and the shape sees Latin and digits")
    func coreAndShape() {
        func core(_ word: String) -> (String, UInt32) {
            let scalars = Array(analyzer.normalize(word).unicodeScalars)
            let (core, code) = EntityFeatureExtractor.core(of: scalars[...])
            return (String(String.UnicodeScalarView(core)), code)
        }
        #expect(core("وبالقاهرة").0 == "قاهره")
        #expect(core("وبالقاهرة").1 & 1 == 1)          // with the article
        #expect(core("للأمم").0 == "امم")
        #expect(core("لبنان").0 == "بنان")             // a feature, not a decision: the word itself is another
        #expect(core("محمد").1 == 0)
        #expect(EntityFeatureExtractor.shape(Array("CNN".unicodeScalars)[...]) & 7 == 1)
        #expect(EntityFeatureExtractor.shape(Array("2015".unicodeScalars)[...]) & 7 == 2)
        #expect(EntityFeatureExtractor.shape(Array("٢٠١٥".unicodeScalars)[...]) & 7 == 2)
        #expect(EntityFeatureExtractor.shape(Array("مرسي".unicodeScalars)[...]) & 7 == 4)
    }

    @Test("decoding: Viterbi never lets an inside label start an entity or continue another type")
    func viterbiConstraint() {
        let labels = EntityLabel.count
        // Emissions whose unconstrained best is I-PER then I-LOC (8.5); the best allowed path is
        // B-PER I-PER (4), ahead of B-LOC I-LOC (3.5).
        var emissions = [Float](repeating: 0, count: 3 * labels)
        emissions[EntityLabel.insidePerson.rawValue] = 5
        emissions[EntityLabel.beginPerson.rawValue] = 1
        emissions[labels + EntityLabel.insideLocation.rawValue] = 3.5
        emissions[labels + EntityLabel.insidePerson.rawValue] = 3
        let transitions = [Float](repeating: 0, count: (labels + 1) * labels)
        let decoded = EntityModel.viterbi(emissions: emissions, length: 3, transitions: transitions)
        #expect(decoded[0] == .beginPerson)
        #expect(decoded[1] == .insidePerson)
        for (index, label) in decoded.enumerated() {
            #expect(label.canFollow(index == 0 ? nil : decoded[index - 1]))
        }
    }

    @Test("chunks follow conlleval: B starts, I continues its own type, a stray I starts a chunk")
    func chunks() {
        let labels: [EntityLabel] = [.beginPerson, .insidePerson, .outside, .insideLocation, .beginOrganization, .beginOrganization, .insideOrganization]
        let spans = EntityRecognizer.spans(of: labels).map { ($0.0, $0.1.entityType) }
        #expect(spans.map(\.0) == [0..<2, 3..<4, 4..<5, 5..<7])
        #expect(spans.map(\.1) == [.person, .location, .organization, .organization])
    }

    @Test("training is deterministic and learns a pattern; a model survives serialization")
    func trainingAndSerialization() throws {
        var lines: [String] = []
        let names = ["سامر", "هاكان", "ماريا", "كريم", "نادية", "يوسف"]
        for index in 0..<60 {
            lines += ["قال O", "الوزير O", "\(names[index % names.count]) B-PERS", "في O", "القاهرة B-LOC", ". O"]
        }
        let corpus = EntityTrainingCorpus(text: lines.joined(separator: "\n"))
        #expect(corpus.sentences.count == 60)
        let sentences = corpus.sentences.map { PerceptronTrainer.Sentence(text: 0, range: $0, labels: Array(corpus.wordLabels[$0])) }
        let header = EmbeddedEntityModel.shared.header
        let trainer = PerceptronTrainer(epochs: 3, seed: 7)
        let first = trainer.train(texts: [corpus.features], sentences: sentences, header: header)
        let second = trainer.train(texts: [corpus.features], sentences: sentences, header: header)
        #expect(try first.serialized() == second.serialized())
        let decoded = try #require(EntityModel(bytes: try first.serialized()))
        #expect(decoded.header.features == first.header.features)
        let test = EntityFeatureExtractor().features(of: analyzer.analyze("قال الوزير كريم في القاهرة"))
        #expect(decoded.decode(test, range: 0..<5) == [.outside, .outside, .beginPerson, .outside, .beginLocation])
        #expect(EntityModel(bytes: Array((try first.serialized()).dropLast(3))) == nil)
        #expect(EntityModel(bytes: Array("not a model".utf8)) == nil)
    }

    @Test("feature table: looking keys up many at a time gives what one at a time does, present or not")
    func featureTableBatchLookup() {
        // Keys sharing home slots (same low bits) force probes past the first slot.
        var generator = SystemRandomNumberGenerator()
        var keys = Set<UInt64>()
        while keys.count < 3000 { keys.insert(UInt64.random(in: 1...UInt64.max, using: &generator)) }
        for index in 0..<40 { keys.insert(UInt64(index + 1) << 40 | 7) }
        let stored = Array(keys)
        let table = FeatureTable(keys: stored)
        var queries = stored.shuffled()
        for index in 0..<3000 { queries.append(UInt64(index + 41) << 40 | 7) }   // absent, same home slot
        for _ in 0..<3000 { queries.append(UInt64.random(in: 1...UInt64.max, using: &generator)) }
        var rows = [Int32](repeating: 0, count: queries.count)
        queries.withUnsafeBufferPointer { keys in
            rows.withUnsafeMutableBufferPointer { table.rows(of: keys, into: $0, missing: 123_456) }
        }
        let rowOf = Dictionary(uniqueKeysWithValues: stored.enumerated().map { ($1, $0) })
        for (key, row) in zip(queries, rows) {
            let expected = rowOf[key] ?? -1
            #expect(table.row(key) == expected)
            #expect(row == (expected < 0 ? 123_456 : Int32(expected)))
        }
    }

    @Test("the built-in model records its training data, settings and licence")
    func embeddedHeader() {
        let header = EmbeddedEntityModel.shared.header
        #expect(header.templates == EntityFeatureExtractor.templateVersion)
        #expect(header.trainingSHA256.count == 64 && header.trainingSHA256.allSatisfy(\.isHexDigit))
        #expect(header.features > 10_000)
        #expect(header.epochs > 0)
        #expect(header.labels.count == EntityLabel.count)
        #expect(header.attribution.contains("ANERcorp"))
        #expect(EmbeddedEntityModel.shared.statistics.keys.count > 1_000)
    }

    @Test("the model finds people it has never seen, by context")
    func unseenPeople() {
        let mentions = EntityExtractor().mentions(in: Article(body: "وقال رئيس الوزراء زوراب تشيكوفاني في مؤتمر صحفي إن الحكومة ستواصل الإصلاحات."))
        #expect(mentions.contains { $0.type == .person && $0.name == "زوراب تشيكوفاني" }, "\(mentions.map { "\($0.type) \($0.name)" })")
    }
}
