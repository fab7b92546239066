import DibaoEvents
import Testing

@Suite("Stream names and business dates")
struct StreamNameTests {
    @Test("category-id: the category is everything before the first dash")
    func categoryAndId() throws {
        let name = try StreamName("case-530102-2024-1")
        #expect(name.category == "case")
        #expect(name.id == "530102-2024-1")
    }

    @Test("Malformed names are refused naming stream_id", arguments: ["", "case", "-x", "case-", "Case-1", "case-a b", "案件-1"])
    func refused(text: String) {
        #expect(throws: EventValidationError.self) { try StreamName(text) }
        do { _ = try StreamName(text) } catch { #expect(error.field == "stream_id") }
    }

    @Test("Dates: leap days accepted, impossible dates refused")
    func dates() throws {
        #expect(try BusinessDate("2024-02-29").description == "2024-02-29")
        #expect(throws: EventValidationError.self) { try BusinessDate("2023-02-29") }
        #expect(throws: EventValidationError.self) { try BusinessDate("2024-13-01") }
        #expect(throws: EventValidationError.self) { try BusinessDate("24-01-01") }
    }
}
