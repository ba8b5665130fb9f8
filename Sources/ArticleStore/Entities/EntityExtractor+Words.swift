import ArabicText

extension EntityExtractor {
    /// The words of an analyzed text as the rules see them: each word's lexicon number, the
    /// lexicon numbers of its forms without clitics, its rule flags, and whether punctuation
    /// separates it from the next word. Words that normalize to nothing are left out.
    struct Words {
        /// A form of a word found in the lexicon, and how many letters of the word are clitics.
        struct Variant {
            let id: Int32
            let clitics: Int32
        }

        let text: AnalyzedText
        /// Lexicon number of each word's normalized form (-1: not in the lexicon).
        let ids: [Int32]
        /// True when punctuation (or a line break) follows word `index`; true after the last.
        let boundaries: [Bool]
        /// Flags of each word's own form.
        let flags: [WordFlags]
        /// Flags of any of each word's forms (for a stopword, of its own form only).
        let variantFlags: [WordFlags]
        /// Index of each word in `text.words`.
        let indices: [Int32]
        /// Word `index`'s forms are `variantList[variantStarts[index]..<variantStarts[index + 1]]`.
        private let variantStarts: [Int32]
        private let variantList: [Variant]

        var count: Int { ids.count }

        /// The words of `text`, looked up in `gazetteer`'s lexicon.
        init(_ text: AnalyzedText, gazetteer: Gazetteer) {
            self.text = text
            let lexicon = gazetteer.lexicon
            var indices: [Int32] = [], ids: [Int32] = [], flags: [WordFlags] = [], variantFlags: [WordFlags] = []
            var variantStarts: [Int32] = [0], variantList: [Variant] = []
            indices.reserveCapacity(text.words.count)
            ids.reserveCapacity(text.words.count)
            flags.reserveCapacity(text.words.count)
            variantFlags.reserveCapacity(text.words.count)
            variantStarts.reserveCapacity(text.words.count + 1)
            for (index, word) in text.words.enumerated() where !word.normalizedRange.isEmpty {
                indices.append(Int32(index))
                let normalized = text.normalizedScalars[word.normalizedRange]
                var own: Int32 = -1
                var any: WordFlags = []
                Gazetteer.forEachCliticVariant(of: normalized) { prefix, rest, clitics in
                    guard let id = lexicon.index(of: rest, after: prefix) else { return false }
                    if clitics == 0 { own = Int32(id) }
                    variantList.append(Variant(id: Int32(id), clitics: Int32(clitics)))
                    if clitics == 0 || !word.isStopword { any.formUnion(gazetteer.flags(Int32(id))) }
                    return false
                }
                variantStarts.append(Int32(variantList.count))
                ids.append(own)
                flags.append(gazetteer.flags(own))
                variantFlags.append(any)
            }
            var boundaries: [Bool] = []
            boundaries.reserveCapacity(indices.count)
            let scalars = text.scalars
            for index in indices.indices {
                guard index + 1 < indices.count else { boundaries.append(true); break }
                var boundary = false
                for scalar in scalars[text.words[Int(indices[index])].scalarRange.upperBound..<text.words[Int(indices[index + 1])].scalarRange.lowerBound]
                    where scalar != " " && (scalar == "\n" || !scalar.properties.isWhitespace) {
                    boundary = true
                    break
                }
                boundaries.append(boundary)
            }
            self.indices = indices
            self.ids = ids
            self.flags = flags
            self.variantFlags = variantFlags
            self.variantStarts = variantStarts
            self.variantList = variantList
            self.boundaries = boundaries
        }

        /// The words of `string`.
        init(_ string: String, gazetteer: Gazetteer) {
            self.init(gazetteer.analyzer.analyze(string), gazetteer: gazetteer)
        }

        /// Word `index`'s forms found in the lexicon, the word itself first when it is there.
        /// A stopword's clitic forms only with `allForms` (فی، من، لا never start a name).
        func variants(_ index: Int, allForms: Bool = false) -> ArraySlice<Variant> {
            let forms = variantList[Int(variantStarts[index])..<Int(variantStarts[index + 1])]
            if allForms || !text.words[Int(indices[index])].isStopword { return forms }
            return forms.prefix { $0.clitics == 0 }
        }

        /// Range of word `index` in the original text's scalars.
        func scalarRange(_ index: Int) -> Range<Int> { text.words[Int(indices[index])].scalarRange }

        /// The normalized form of word `index`.
        func normalized(_ index: Int) -> ArraySlice<Unicode.Scalar> { text.normalizedScalars[text.words[Int(indices[index])].normalizedRange] }

        /// The normalized form of word `index`, as a string.
        func string(_ index: Int) -> String { text.normalizedString(Int(indices[index])) }

        func isStopword(_ index: Int) -> Bool { text.words[Int(indices[index])].isStopword }

        /// The stem of word `index` (inside its normalized form).
        func stem(_ index: Int) -> ArraySlice<Unicode.Scalar> { text.normalizedScalars[text.words[Int(indices[index])].stemRange] }

        /// The original scalars of word `index`.
        func original(_ index: Int) -> ArraySlice<Unicode.Scalar> { text.scalars[scalarRange(index)] }

        /// The original text of scalars `range`.
        func surface(_ range: Range<Int>) -> String { text.original(range) }

        /// Code-point offset of the first letter of word `token` after `letters` letters (skipping marks).
        func start(of token: Int, skippingLetters letters: Int) -> Int {
            let range = scalarRange(token)
            let scalars = text.scalars
            var offset = range.lowerBound
            var skipped = 0
            while skipped < letters, offset < range.upperBound {
                if scalars[offset].properties.isAlphabetic && scalars[offset].properties.generalCategory != .nonspacingMark {
                    skipped += 1
                }
                offset += 1
            }
            // Marks on the skipped letter belong to it.
            while offset < range.upperBound, scalars[offset].properties.generalCategory == .nonspacingMark {
                offset += 1
            }
            return offset
        }
    }
}
