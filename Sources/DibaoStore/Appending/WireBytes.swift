import NIOCore
import PostgresNIO

/// UTF-8 bytes bound as `text`: the binary form of text is its bytes, so canonical JSON goes on
/// the wire as the store computed it, without becoming a Swift `String` (and being checked as
/// UTF-8 again) first.
public struct TextBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public static var psqlType: PostgresDataType { .text }
    public static var psqlArrayType: PostgresDataType { .textArray }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeBytes(bytes)
    }
}

/// Bytes bound as `bytea`, without a `ByteBuffer` allocated per value.
public struct ByteaBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public static var psqlType: PostgresDataType { .bytea }
    public static var psqlArrayType: PostgresDataType { .byteaArray }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeBytes(bytes)
    }
}

/// Canonical JSON bytes bound as `jsonb` (binary form: version 1, then the text). The server
/// parses such a parameter once when it is bound; a text parameter cast to jsonb in the
/// statement would be parsed again for every row it is written to (one command's metadata,
/// for each of its events).
public struct JSONBBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public static var psqlType: PostgresDataType { .jsonb }
    public static var psqlArrayType: PostgresDataType { .jsonbArray }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(UInt8(1))
        byteBuffer.writeBytes(bytes)
    }
}
