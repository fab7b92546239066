import DibaoStore
import DibaoTestSupport
import Foundation
import Testing

/// A bad setting is refused at once, by a message that names the setting and says what is
/// wrong — not by a connection pool that retries for a minute and then blames its circuit
/// breaker. Each case runs the built `dibao`, which must exit with status 1.
@Suite("dibao refuses bad settings, naming them", .tags(.postgres))
struct ConfigurationErrorTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("settings") }

    /// Runs `dibao arguments…` with `environment` over the suite's settings; returns its output.
    func refusal(_ arguments: [String], _ environment: [String: String]) async throws -> String {
        try await DibaoProcess.run(arguments, database: database.owner, environment: environment) { child in
            let ending = try await child.waitForExit(within: .seconds(30))
            #expect(ending == DibaoProcess.Ending(status: 1, reason: .exit), "output:\n\(child.output)")
            return child.output
        }
    }

    @Test("A URL that is not postgres://, or names two ports, is refused before anything connects", arguments: [
        ("mysql://dibao@db/ledger", "DIBAO_DATABASE_URL must look like postgres://user:password@host:5432/database"),
        ("postgres://dibao@db:5432/ledger?port=6543", "DIBAO_DATABASE_URL names two ports, 5432 and 6543; give one"),
    ])
    func malformedURL(url: String, message: String) async throws {
        #expect(try await refusal(["migrate"], ["DIBAO_DATABASE_URL": url]).contains(message))
    }

    @Test("A server that is not there is named with the reason, at once")
    func missingServer() async throws {
        let output = try await refusal(["migrate"], ["DIBAO_DATABASE_URL": "postgres://dibao@/ledger?host=/nonexistent-dibao-socket-dir"])
        #expect(output.contains("cannot connect to PostgreSQL at postgres://dibao@/ledger?host=/nonexistent-dibao-socket-dir&port=5432 (DIBAO_DATABASE_URL)"),
                "output:\n\(output)")
        #expect(output.contains("No such file or directory"), "output:\n\(output)")
    }

    @Test("A database the server does not have is named in the server's own words")
    func missingDatabase() async throws {
        let url = DibaoProcess.url(database.owner.withDatabase("no_such_ledger"))
        let output = try await refusal(["projections", "status"], ["DIBAO_DATABASE_URL": url])
        #expect(output.contains("cannot connect to PostgreSQL at \(database.owner.withDatabase("no_such_ledger").redactedURL) (DIBAO_DATABASE_URL)"),
                "output:\n\(output)")
        #expect(output.contains("database \"no_such_ledger\" does not exist"), "output:\n\(output)")
    }

    @Test("An HTTP port that is not a port number is named")
    func badPort() async throws {
        #expect(try await refusal(["serve"], ["DIBAO_HTTP_PORT": "80a"]).contains("DIBAO_HTTP_PORT must be a port number, got '80a'"))
    }
}
