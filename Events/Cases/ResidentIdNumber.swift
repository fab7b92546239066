/// 居民身份号码 resident identity number (GB 11643-1999): 17 digits — a 6-digit region
/// code, an 8-digit birth date, a 3-digit sequence — and a check character computed with
/// ISO 7064 MOD 11-2, which may be `X` (upper case only, the form printed on the card).
/// R-D04: it is never printed whole; `description` is masked.
public struct ResidentIdNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 18 characters.
    public let rawValue: String
    /// The birth date the number encodes.
    public let birthDate: BusinessDate

    /// Validates length, digits, the birth date and the check character; errors name `field`.
    public init(_ text: String, field: String = "idNumber") throws(EventValidationError) {
        let characters = Array(text.utf8)
        guard characters.count == 18 else { throw .invalid(field: field, reason: "must be 18 characters") }
        let digits = characters.prefix(17).map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { throw .invalid(field: field, reason: "the first 17 characters must be digits") }
        guard characters[17] == Self.checkCharacter(digits) else { throw .invalid(field: field, reason: "check character does not match (ISO 7064 MOD 11-2)") }
        let year = digits[6] * 1000 + digits[7] * 100 + digits[8] * 10 + digits[9]
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        do { birthDate = try BusinessDate(year: year, month: month, day: day, field: field) } catch {
            throw .invalid(field: field, reason: "characters 7–14 must be a valid birth date")
        }
        rawValue = text
    }

    /// ISO 7064 MOD 11-2 over the first 17 digits: weights 2^(17−i) mod 11, remainder mapped to
    /// `1 0 X 9 8 7 6 5 4 3 2`.
    public static func checkCharacter(_ digits: [Int]) -> UInt8 {
        precondition(digits.count == 17)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432".utf8)[sum % 11]
    }

    /// First 6 and last 4 characters, the rest masked: `533103********123X`.
    public var masked: String { String(rawValue.prefix(6)) + String(repeating: "*", count: 8) + String(rawValue.suffix(4)) }

    public var description: String { masked }

    public static func < (lhs: ResidentIdNumber, rhs: ResidentIdNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw invalidValue(decoder, error.description.replacingPrefix("idNumber: ")) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
