import NIOCore
import PostgresNIO

/// UTF-8 bytes bound as `text`: the binary form of text is its bytes, so canonical JSON goes on
/// the wire as the store computed it, without becoming a Swift `String` (and being checked as
/// UTF-8 again) first.
struct TextBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    var bytes: [UInt8]

    static var psqlType: PostgresDataType { .text }
    static var psqlArrayType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeBytes(bytes)
    }
}

/// Bytes bound as `bytea`, without a `ByteBuffer` allocated per value.
struct ByteaBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    var bytes: [UInt8]

    static var psqlType: PostgresDataType { .bytea }
    static var psqlArrayType: PostgresDataType { .byteaArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeBytes(bytes)
    }
}

/// Canonical JSON bytes bound as `jsonb` (binary form: version 1, then the text). The server
/// parses such a parameter once when it is bound; a text parameter cast to jsonb in the
/// statement would be parsed again for every row it is written to (one command's metadata,
/// for each of its events).
struct JSONBBytes: PostgresArrayEncodable, PostgresNonThrowingEncodable {
    var bytes: [UInt8]

    static var psqlType: PostgresDataType { .jsonb }
    static var psqlArrayType: PostgresDataType { .jsonbArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(UInt8(1))
        byteBuffer.writeBytes(bytes)
    }
}
