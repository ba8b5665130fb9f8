import Testing
@testable import ArabicText

@Suite("WordTable: words looked up from scalar slices")
struct WordTableTests {
    let table = WordTable(["وزير", "ايران", "وزير", "الخارجيه", "a"])

    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("indices are dense, in first-occurrence order; repeats keep the first index")
    func indices() {
        #expect(table.count == 4)
        #expect(table.index(of: "وزير") == 0)
        #expect(table.index(of: "ايران") == 1)
        #expect(table.index(of: "الخارجيه") == 2)
        #expect(table.index(of: "a") == 3)
        #expect(table.word(at: 2) == "الخارجيه")
    }

    @Test("absent, empty, longer-than-any and prefix-of-a-word lookups find nothing")
    func misses() {
        #expect(table.index(of: "وزي") == nil)
        #expect(table.index(of: "وزيرة") == nil)
        #expect(table.index(of: scalars("")[...]) == nil)
        #expect(table.index(of: String(repeating: "ب", count: 500)) == nil)
        #expect(!table.contains(scalars("ايرا")))
    }

    @Test("slices, unsafe buffers and prefix + rest find the same word")
    func lookupForms() {
        let word = scalars("بالخارجيه")
        #expect(table.index(of: word[1...]) == 2)
        word.withUnsafeBufferPointer { buffer in
            #expect(table.index(of: UnsafeBufferPointer(rebasing: buffer[1...])) == 2)
            #expect(table.contains(UnsafeBufferPointer(rebasing: buffer[1...])))
        }
        // "ب" + "ال" dropped, then "ال" put back in front of the rest.
        #expect(table.index(of: word[3...], after: scalars("ال")) == 2)
        #expect(table.index(of: word[3...], after: []) == nil)
        #expect(table.index(of: word[3...], after: scalars("لل")) == nil)
    }
}
