import DibaoEvents
import Testing

/// Free text may not carry ID or account numbers (R-D04); what older events hold is masked.
@Suite("Free text and long numbers")
struct FreeTextTests {
    @Test("An 18-character ID number, a 15-digit old one and a bank card are found and masked like ID numbers", arguments: [
        ("身份证号 53310319800101123X 录错", "身份证号 533103********123X 录错"),
        ("old id 533103800101123 here", "old id 533103*****1123 here"),
        ("卡号6222021234567890123。", "卡号622202*********0123。"),
        ("two: 533103198001011234,533103198001011242", "two: 533103********1234,533103********1242"),
    ])
    func masked(text: String, expected: String) {
        #expect(FreeText.containsLongNumber(text))
        #expect(FreeText.masked(text) == expected)
    }

    @Test("Shorter numbers, telephone numbers and dates stay as they are", arguments: [
        "电话 13912345678", "外出务工失联", "2022-06-10 起", "晋民发〔2021〕12号", "12345678901234",
    ])
    func untouched(text: String) {
        #expect(!FreeText.containsLongNumber(text))
        #expect(FreeText.masked(text) == text)
    }
}
