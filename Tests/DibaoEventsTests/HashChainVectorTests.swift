import DibaoEvents
import Foundation
import Testing

/// The hash-chain format must never drift: these vectors were computed independently (Python's
/// hashlib and json with sorted keys, see docs/internals/hash-chain.md) and are fixed forever.
@Suite("Hash chain: fixed vectors")
struct HashChainVectorTests {
    struct Vector {
        let streamId: String, streamVersion: Int64, eventId: String, eventType: String, schemaVersion: Int
        let data: JSONValue, metadata: JSONValue, effectiveDate: BusinessDate
        let canonicalContent: String, contentHash: String, previousHash: String, hash: String
    }

    static func vectors() throws -> [Vector] {
        let url = try #require(Bundle.module.url(forResource: "Vectors/hash-chain", withExtension: "json"))
        guard case .array(let items) = try StrictJSONParser.parse(Array(try Data(contentsOf: url))) else { Issue.record("not an array"); return [] }
        return try items.map { item in
            Vector(streamId: try #require(item["stream_id"]?.stringValue), streamVersion: try #require(item["stream_version"]?.integerValue),
                   eventId: try #require(item["event_id"]?.stringValue), eventType: try #require(item["event_type"]?.stringValue),
                   schemaVersion: Int(try #require(item["schema_version"]?.integerValue)),
                   data: try #require(item["data"]), metadata: try #require(item["metadata"]),
                   effectiveDate: try BusinessDate(try #require(item["effective_date"]?.stringValue)),
                   canonicalContent: try #require(item["canonical_content"]?.stringValue),
                   contentHash: try #require(item["content_hash"]?.stringValue),
                   previousHash: try #require(item["previous_hash"]?.stringValue), hash: try #require(item["hash"]?.stringValue))
        }
    }

    @Test("Canonical content bytes, content hash and link match the vectors")
    func vectorsMatch() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count == 2)
        var previous = HashChain.genesis
        for vector in vectors {
            let object = HashChain.contentObject(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                                 schemaVersion: vector.schemaVersion, data: vector.data, metadata: vector.metadata,
                                                 effectiveDate: vector.effectiveDate)
            #expect(CanonicalJSON.string(object) == vector.canonicalContent)
            let content = HashChain.contentHash(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                                schemaVersion: vector.schemaVersion, data: vector.data, metadata: vector.metadata,
                                                effectiveDate: vector.effectiveDate)
            #expect(HashChain.hex(content) == vector.contentHash)
            #expect(HashChain.hex(previous) == vector.previousHash)
            let link = HashChain.link(previous: previous, streamVersion: vector.streamVersion, contentHash: content)
            #expect(HashChain.hex(link) == vector.hash)
            previous = link
        }
    }

    @Test("Changing one character of the data changes the hash")
    func tamperingIsVisible() throws {
        let vector = try #require(try Self.vectors().first)
        let tampered = HashChain.contentHash(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                             schemaVersion: vector.schemaVersion, data: ["text": "申请受理 application received!"],
                                             metadata: vector.metadata, effectiveDate: vector.effectiveDate)
        #expect(HashChain.hex(tampered) != vector.contentHash)
    }
}
