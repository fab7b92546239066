import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// What `dibao` prints, compared to text: an operator's scripts and eyes depend on it.
@Suite("dibao's printed output", .tags(.postgres))
struct CLIOutputTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("cliout") }

    /// Runs `dibao arguments…` to the end (exit 0 expected); returns what it printed.
    func output(_ arguments: [String]) async throws -> String {
        try await DibaoProcess.run(arguments, database: database.owner) { child in
            let ending = try await child.waitForExit(within: .seconds(60))
            #expect(ending == .success, "output:\n\(child.output)")
            return child.output
        }
    }

    @Test("projections status on a new ledger: the table, exactly")
    func statusTable() async throws {
        #expect(try await output(["projections", "status"]) == """
            projection                 gen  building  checkpoint            applied      lag events  lag s     last error
            category_daily_counts      1    -         0/0                   0            0           0.0       -
            caseload                   1    -         0/0                   0            0           0.0       -

            """)
    }

    @Test("projections status --json: each projection's lag counts the events of its own category")
    func statusJSON() async throws {
        try await withStore(database) { store in
            _ = try await Fixtures.append(store, Fixtures.uniqueStream("note"), (0..<3).map { Fixtures.thing(Int64($0)) })
        }
        let text = try await output(["projections", "status", "--json"])
        let statuses = try JSONDecoder().decode([StatusLine].self, from: Data(text.utf8))
        #expect(statuses.map(\.name) == ["category_daily_counts", "caseload"])
        let counts = try #require(statuses.first), caseload = try #require(statuses.last)
        #expect(counts.lagEvents == 3 && counts.lagSeconds >= 0 && counts.eventsApplied == 0 && counts.activeGeneration == 1)
        #expect(caseload.lagEvents == 0 && caseload.lagSeconds == 0, "no case events")
    }

    /// The members of one `--json` element this test reads.
    struct StatusLine: Decodable {
        let name: String
        let activeGeneration: Int
        let eventsApplied: Int64
        let lagEvents: Int64
        let lagSeconds: Double
    }
}
