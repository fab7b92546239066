import Foundation

/// The lower-case text of a UUID (8-4-4-4-12 hex digits), as PostgreSQL prints it and as the
/// hash chain and derived event ids hash it, written as bytes without building a `String`.
public enum UUIDText {
    public static func write(_ id: UUID, into output: inout [UInt8]) {
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { output.append(UInt8(ascii: "-")) }
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// The text as a `String`.
    public static func string(_ id: UUID) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(36)
        write(id, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
