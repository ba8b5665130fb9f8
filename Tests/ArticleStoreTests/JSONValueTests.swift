import Testing
@testable import ArticleStore

@Suite("JSON output")
struct JSONValueTests {
    @Test("keeps key order and Arabic text, escapes control characters")
    func serialization() {
        let value = JSONValue.object([("b", .int(1)), ("a", .string("مرحبا \"x\"\n\u{1}")), ("c", .array([.null, .bool(true), .double(1.5)]))])
        #expect(value.serialized() == #"{"b":1,"a":"مرحبا \"x\"\n\u0001","c":[null,true,1.5]}"#)
    }
}
