@testable import DibaoBench
import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

/// The verdicts `dibao bench` prints: which comparison is judged on which target, and when a
/// target counts as met.
@Suite("Benchmark targets")
struct BenchmarkTargetTests {
    @Test("a ratio target is met at the bound and not below it")
    func ratioTarget() {
        let atBound = Comparison(name: "x", oursRounds: [80, 90, 70], rawRounds: [100, 100, 100], target: .ratio(0.8))
        #expect(atBound.ratio == 0.8)
        #expect(atBound.met == true)
        #expect(atBound.line.hasSuffix("target ratio ≥ 0.80: met"))

        let below = Comparison(name: "x", oursRounds: [79, 200, 10], rawRounds: [100, 100, 100], target: .ratio(0.8))
        #expect(below.ratio == 0.79)
        #expect(below.met == false)
        #expect(below.line.hasSuffix("NOT MET"))

        // Just under the bound: the line must not print it as the bound itself.
        let justUnder = Comparison(name: "x", oursRounds: [8_996], rawRounds: [10_000], target: .ratio(0.9))
        #expect(justUnder.met == false)
        #expect(justUnder.line.contains("ratio 0.900") == false && justUnder.line.contains("ratio 0.899"))
    }

    @Test("--json carries each comparison's target and verdict")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let judged = try JSONSerialization.jsonObject(with: encoder.encode(
            Comparison(name: "x", oursRounds: [90], rawRounds: [100], target: .ratio(0.8)))) as? [String: Any]
        #expect((judged?["target"] as? [String: Any])?["ratio"] as? Double == 0.8)
        #expect(judged?["met"] as? Bool == true)
        let context = try JSONSerialization.jsonObject(with: encoder.encode(Comparison(name: "x", oursRounds: [1], rawRounds: [2]))) as? [String: Any]
        #expect(context?["met"] == nil && context?["target"] == nil)
    }

    @Test("a rate target looks at our median only")
    func rateTarget() {
        let slowerThanRaw = Comparison(name: "rebuild", oursRounds: [150_000], rawRounds: [900_000], target: .eventsPerSecond(100_000))
        #expect(slowerThanRaw.met == true)
        let tooSlow = Comparison(name: "rebuild", oursRounds: [99_999], rawRounds: [90_000], target: .eventsPerSecond(100_000))
        #expect(tooSlow.met == false)
    }

    @Test("a comparison without a target is context, never a verdict")
    func context() {
        let context = Comparison(name: "x", oursRounds: [1], rawRounds: [2])
        #expect(context.met == nil)
        #expect(context.line.hasSuffix("(context)"))
    }

    @Test("the issue's two append targets are judged, 100-event appends beside 100 single-row INSERTs per transaction; the stricter baselines are context")
    func appendTargets() throws {
        let targets = Dictionary(uniqueKeysWithValues: AppendBenchmark.scenarios.compactMap { scenario in
            scenario.target.map { (scenario.name, $0) }
        })
        #expect(targets == ["single_event_8_writers": .ratio(0.9), "batch_100_events_8_writers_vs_row_inserts": .ratio(0.8)])
        let judged = try #require(AppendBenchmark.scenarios.first { $0.name == "batch_100_events_8_writers_vs_row_inserts" })
        #expect(judged.eventsPerAppend == 100 && judged.writers == 8)
        guard case .rowByRow = judged.baseline else { Issue.record("the 100-event target is judged beside 100 single-row INSERTs"); return }
        let context = AppendBenchmark.scenarios.filter { $0.eventsPerAppend == 100 && $0.target == nil }.map(\.name)
        #expect(Set(context) == ["batch_100_events_8_writers_vs_one_statement", "batch_100_events_8_writers_vs_keyed_table"])
    }
}

/// A short real run: every scenario yields figures on both sides, and the raw sides write the
/// rows the store writes — one per event, versions 1, 2, 3… on each stream, each append whole
/// under its command id — so the ratios compare like with like.
@Suite("Append benchmark on PostgreSQL", .tags(.postgres))
struct AppendBenchmarkRunTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("bench") }

    @Test("each scenario measures both sides, and each side writes gap-free versions per stream and whole appends")
    func shortRun() async throws {
        try await withRunningClient(database.owner, connectionsMax: 2) { owner in
            try await AppendBenchmark.prepareRawTable(owner: owner, logger: TestLogging.logger)
            let comparisons = try await withStore(database, catalogue: LedgerCatalogue.make()) { store in
                try await AppendBenchmark(store: store, owner: owner, rounds: 1, roundDuration: .milliseconds(300),
                                          logger: TestLogging.logger).run()
            }
            #expect(comparisons.map(\.name) == AppendBenchmark.scenarioNames)
            for comparison in comparisons {
                #expect(comparison.oursEventsPerSecond > 0, "\(comparison.name): ours")
                #expect(comparison.rawEventsPerSecond > 0, "\(comparison.name): raw")
            }
            for table in ["dibao.events", "dibao_bench_raw.events", "dibao_bench_raw.keyed_events"] {
                let (streams, gapped) = try await Self.versionShape(table, owner)
                #expect(streams > 0, "\(table) holds no stream")
                #expect(gapped == 0, "\(table): \(gapped) streams whose versions are not 1…n")
                let (whole, odd) = try await Self.commandShape(table, owner)
                #expect(whole > 0, "\(table) holds no 100-event command")
                #expect(odd == 0, "\(table): \(odd) commands of neither 1 nor 100 rows")
            }
        }
    }

    /// Streams in `table`, and how many of them hold anything but versions 1…n once each.
    static func versionShape(_ table: String, _ owner: PostgresClient) async throws -> (Int64, Int64) {
        let rows = try await owner.query(PostgresQuery(unsafeSQL: """
            SELECT count(*), count(*) FILTER (WHERE n <> top OR low <> 1 OR distinct_versions <> n)
              FROM (SELECT count(*) AS n, max(stream_version) AS top, min(stream_version) AS low,
                           count(DISTINCT stream_version) AS distinct_versions
                      FROM \(table) GROUP BY stream_id) s
            """), logger: TestLogging.logger)
        for try await shape in rows.decode((Int64, Int64).self) { return shape }
        return (0, 0)
    }

    /// Commands in `table` of 100 rows, and commands of any count but 1 or 100: every append of
    /// every scenario, ours or raw, is written whole under its one command id.
    static func commandShape(_ table: String, _ owner: PostgresClient) async throws -> (Int64, Int64) {
        let rows = try await owner.query(PostgresQuery(unsafeSQL: """
            SELECT count(*) FILTER (WHERE n = 100), count(*) FILTER (WHERE n NOT IN (1, 100))
              FROM (SELECT command_id, count(*) AS n FROM \(table) GROUP BY command_id) c
            """), logger: TestLogging.logger)
        for try await shape in rows.decode((Int64, Int64).self) { return shape }
        return (0, 0)
    }
}
