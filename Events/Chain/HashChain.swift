import Crypto

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
        return Array(SHA256.hash(data: CanonicalJSON.bytes(object)))
    }

    /// The same content hash from canonical bytes already computed: the content object's keys
    /// are fixed, so its canonical form is spliced around the canonical `data` and `metadata`
    /// instead of serialising them again (the writer's hot path; equal by test to the above).
    public static func contentHash(streamId: String, eventId: String, eventType: String, schemaVersion: Int,
                                   canonicalData: [UInt8], canonicalMetadata: [UInt8], effectiveDate: BusinessDate) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(canonicalData.count + canonicalMetadata.count + 192)
        bytes.append(contentsOf: #"{"data":"#.utf8)
        bytes.append(contentsOf: canonicalData)
        bytes.append(contentsOf: #","effective_date":"#.utf8)
        CanonicalJSON.writeString(effectiveDate.description, into: &bytes)
        bytes.append(contentsOf: #","event_id":"#.utf8)
        CanonicalJSON.writeString(eventId.lowercased(), into: &bytes)
        bytes.append(contentsOf: #","event_type":"#.utf8)
        CanonicalJSON.writeString(eventType, into: &bytes)
        bytes.append(contentsOf: #","metadata":"#.utf8)
        bytes.append(contentsOf: canonicalMetadata)
        bytes.append(contentsOf: #","schema_version":"#.utf8)
        bytes.append(contentsOf: String(schemaVersion).utf8)
        bytes.append(contentsOf: #","stream_id":"#.utf8)
        CanonicalJSON.writeString(streamId, into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return Array(SHA256.hash(data: bytes))
    }

    /// The `hash` of the event at `streamVersion` whose predecessor's hash is `previous`.
    public static func link(previous: [UInt8], streamVersion: Int64, contentHash: [UInt8]) -> [UInt8] {
        precondition(previous.count == 32 && contentHash.count == 32, "hashes are 32 bytes")
        var input = previous
        withUnsafeBytes(of: UInt64(bitPattern: streamVersion).bigEndian) { input.append(contentsOf: $0) }
        input.append(contentsOf: contentHash)
        return Array(SHA256.hash(data: input))
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
