@testable import DibaoBench
import DibaoEvents
import DibaoStore
import DibaoTestSupport
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

    @Test("the issue's two append targets are judged, on the baselines docs/decisions/0005 names; the rest is context")
    func appendTargets() throws {
        let targets = Dictionary(uniqueKeysWithValues: AppendBenchmark.scenarios.compactMap { scenario in
            scenario.target.map { (scenario.name, $0) }
        })
        #expect(targets == ["single_event_8_writers": .ratio(0.9), "batch_100_events_8_writers_vs_row_inserts": .ratio(0.8)])
        let judged = try #require(AppendBenchmark.scenarios.first { $0.name == "batch_100_events_8_writers_vs_row_inserts" })
        #expect(judged.eventsPerAppend == 100 && judged.writers == 8)
        guard case .rowByRow = judged.baseline else { Issue.record("the 100-event target is judged against row-by-row INSERTs"); return }
    }
}

/// A short real run: every scenario yields figures on both sides, and the raw sides write the
/// rows the store writes — one per event, versions 1, 2, 3… on each stream — so the ratios
/// compare like with like.
@Suite("Append benchmark on PostgreSQL", .tags(.postgres))
struct AppendBenchmarkRunTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("bench") }

    @Test("each scenario measures both sides, and each side writes gap-free versions per stream")
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
            }
            let (streams, partial) = try await Self.batchShape(owner)
            #expect(streams > 0)
            #expect(partial == 0, "raw streams of the 100-event scenarios hold whole appends of 100 rows")
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

    /// Raw streams written by 100-event appends (their commands carry 100 rows), and how many of
    /// those hold a count that is not a multiple of 100.
    static func batchShape(_ owner: PostgresClient) async throws -> (Int64, Int64) {
        let rows = try await owner.query("""
            SELECT count(*), count(*) FILTER (WHERE n % 100 <> 0)
              FROM (SELECT stream_id, count(*) AS n FROM dibao_bench_raw.events GROUP BY stream_id
                    HAVING max(stream_version) >= 100) s
            """, logger: TestLogging.logger)
        for try await shape in rows.decode((Int64, Int64).self) { return shape }
        return (0, 0)
    }
}
