import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Appends under a real crash: `dibao demo` drives casework through the case service with
/// four households at once. Killed halfway and run again, it must leave exactly the log an
/// uninterrupted run leaves — the same events, versions, ids and hash chains, none lost and
/// none twice — because every command carries a derived command id and a retry replays it.
@Suite("dibao demo killed mid-load", .tags(.postgres))
struct KilledDemoTests {
    static let households = ["--households", "40", "--parallel", "4"]

    /// Every event as `stream version event_id hash previous_hash`, in stream order.
    static func log(_ client: PostgresClient) async throws -> [String] {
        let rows = try await client.query("""
            SELECT stream_id, stream_version, event_id::text, encode(hash, 'hex'), encode(previous_hash, 'hex')
              FROM dibao.events ORDER BY stream_id, stream_version
            """, logger: TestLogging.logger)
        var lines: [String] = []
        for try await (stream, version, id, hash, previous) in rows.decode((String, Int64, String, String, String).self) {
            lines.append("\(stream) \(version) \(id) \(hash) \(previous)")
        }
        return lines
    }

    /// Events whose `previous_hash` is not the hash of the stream's previous version (32 zero
    /// bytes at version 1), or whose version does not follow the previous one.
    static func brokenLinks(_ client: PostgresClient) async throws -> Int64 {
        try await client.query("""
            SELECT count(*) FROM (
              SELECT stream_version, previous_hash,
                     lag(hash) OVER w AS before, lag(stream_version) OVER w AS version_before
                FROM dibao.events WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version)) e
             WHERE previous_hash <> coalesce(before, decode(repeat('00', 32), 'hex'))
                OR stream_version <> coalesce(version_before, 0) + 1
            """, logger: TestLogging.logger).decode(Int64.self).first { _ in true } ?? -1
    }

    /// Commands the run's summary says it replayed.
    static func replayed(_ output: String) -> Int? {
        output.firstMatch(of: /replayed: (\d+) commands/).flatMap { Int($0.1) }
    }

    @Test("Killed halfway and run again, the demo leaves the log an uninterrupted run leaves: same events, versions, ids and chains")
    func killedDemoEqualsUninterrupted() async throws {
        let uninterrupted = try await TestCluster.shared.freshDatabase("demo_whole")
        let killed = try await TestCluster.shared.freshDatabase("demo_killed")

        try await DibaoProcess.run(["demo"] + Self.households, database: uninterrupted.owner) { whole in
            let ending = try await whole.waitForExit(within: .seconds(300))
            #expect(ending == .success, "output:\n\(whole.output)")
        }
        let expected = try await withRunningClient(uninterrupted.app) { try await Self.log($0) }
        #expect(expected.count > 300)
        #expect(try await withRunningClient(uninterrupted.app) { try await Self.brokenLinks($0) } == 0)

        try await withRunningClient(killed.app) { client in
            try await DibaoProcess.run(["demo"] + Self.households, database: killed.owner) { first in
                try await waitUntil("the demo to append half its events", within: .seconds(300)) {
                    try first.expectRunning()
                    let events = try await client.query("SELECT count(*) FROM dibao.events", logger: TestLogging.logger).decode(Int64.self).first { _ in true }
                    return (events ?? 0) >= Int64(expected.count / 2)
                }
                first.send(SIGKILL)
                #expect(try await first.waitForExit(within: .seconds(30)) == .killed(by: SIGKILL), "output:\n\(first.output)")
            }
            let halfway = try await Self.log(client)
            #expect(halfway.count < expected.count, "killed before the end")
            #expect(try await Self.brokenLinks(client) == 0)

            try await DibaoProcess.run(["demo"] + Self.households, database: killed.owner) { second in
                let ending = try await second.waitForExit(within: .seconds(300))
                #expect(ending == .success, "output:\n\(second.output)")
                #expect((Self.replayed(second.output) ?? 0) > 0, "the rerun replays what the killed run recorded; output:\n\(second.output)")
            }
            let resumed = try await Self.log(client)
            #expect(resumed == expected, "\(resumed.count) events after the rerun, \(expected.count) uninterrupted")
            #expect(Set(halfway).isSubset(of: Set(resumed)), "nothing written before the kill was changed or lost")
            #expect(try await Self.brokenLinks(client) == 0)
        }
    }
}
