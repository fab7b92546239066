import Crypto
import Foundation

/// The per-stream hash chain stored in `hash` and `previous_hash` (docs/internals/hash-chain.md).
///
///     content = SHA-256(canonical JSON of {data, effective_date, event_id, event_type,
///                                          metadata, schema_version, stream_id})
///     hash    = SHA-256(previous_hash ‖ stream_version as 8 bytes big-endian ‖ content)
///
/// `previous_hash` of a stream's first event is 32 zero bytes. The content part is computed by
/// the writer, and so is the link: the store knows the hash it links to (it remembers the
/// heads it wrote or read, and reads the head otherwise), and the unique (stream, version)
/// index refuses a link to a head that is no longer the head. An offline verifier recomputes
/// both from the stored columns alone.
public enum HashChain {
    /// The `previous_hash` of version 1.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// The object whose canonical bytes are hashed into `content`.
    public static func contentObject(streamId: String, eventId: String, eventType: String, schemaVersion: Int,
                                     data: JSONValue, metadata: JSONValue, effectiveDate: BusinessDate) -> JSONValue {
        .object([
            "data": data, "effective_date": .string(effectiveDate.description), "event_id": .string(eventId.lowercased()),
            "event_type": .string(eventType), "metadata": metadata, "schema_version": .integer(Int64(schemaVersion)),
            "stream_id": .string(streamId),
        ])
    }

    /// SHA-256 of the canonical bytes of the content object.
    public static func contentHash(streamId: String, eventId: String, eventType: String, schemaVersion: Int,
                                   data: JSONValue, metadata: JSONValue, effectiveDate: BusinessDate) -> [UInt8] {
        let object = contentObject(streamId: streamId, eventId: eventId, eventType: eventType, schemaVersion: schemaVersion,
                                   data: data, metadata: metadata, effectiveDate: effectiveDate)
        return SHA256.hash(data: CanonicalJSON.bytes(object)).withUnsafeBytes { Array($0) }
    }

    /// The same content hash from canonical bytes already computed: the content object's keys
    /// are fixed, so its canonical form is the canonical `data` and `metadata` with fixed pieces
    /// around them, fed to SHA-256 piece by piece instead of serialised again (the writer's hot
    /// path; equal by test to the above).
    public static func contentHash(streamId: String, eventId: UUID, eventType: String, schemaVersion: Int,
                                   canonicalData: [UInt8], canonicalMetadata: [UInt8], effectiveDate: BusinessDate) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Pieces.dataKey)
        hasher.update(data: canonicalData)
        var piece: [UInt8] = []
        piece.reserveCapacity(128 + streamId.utf8.count + eventType.utf8.count)
        piece.append(contentsOf: Pieces.effectiveDateKey)
        CanonicalJSON.writeString(effectiveDate.description, into: &piece)
        piece.append(contentsOf: Pieces.eventIdKey)
        UUIDText.write(eventId, into: &piece)
        piece.append(contentsOf: Pieces.eventTypeKey)
        CanonicalJSON.writeString(eventType, into: &piece)
        piece.append(contentsOf: Pieces.metadataKey)
        hasher.update(data: piece)
        hasher.update(data: canonicalMetadata)
        piece.removeAll(keepingCapacity: true)
        piece.append(contentsOf: Pieces.schemaVersionKey)
        piece.append(contentsOf: String(schemaVersion).utf8)
        piece.append(contentsOf: Pieces.streamIdKey)
        CanonicalJSON.writeString(streamId, into: &piece)
        piece.append(UInt8(ascii: "}"))
        hasher.update(data: piece)
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// The fixed bytes of the content object around its values.
    private enum Pieces {
        static let dataKey = Array(#"{"data":"#.utf8)
        static let effectiveDateKey = Array(#","effective_date":"#.utf8)
        static let eventIdKey = Array(#","event_id":""#.utf8)
        static let eventTypeKey = Array(#"","event_type":"#.utf8)
        static let metadataKey = Array(#","metadata":"#.utf8)
        static let schemaVersionKey = Array(#","schema_version":"#.utf8)
        static let streamIdKey = Array(#","stream_id":"#.utf8)
    }

    /// The `hash` of the event at `streamVersion` whose predecessor's hash is `previous`.
    public static func link(previous: [UInt8], streamVersion: Int64, contentHash: [UInt8]) -> [UInt8] {
        precondition(previous.count == 32 && contentHash.count == 32, "hashes are 32 bytes")
        var hasher = SHA256()
        hasher.update(data: previous)
        withUnsafeBytes(of: UInt64(bitPattern: streamVersion).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: contentHash)
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// Lower-case hex of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes { output.append(digits[Int(byte >> 4)]); output.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: output, as: UTF8.self)
    }
}
