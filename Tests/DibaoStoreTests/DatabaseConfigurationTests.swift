import DibaoStore
import Testing

/// DIBAO_DATABASE_URL's forms: TCP, a unix socket directory, and the socket form `redactedURL`
/// prints, which must read back as the same server.
@Suite("Database URLs")
struct DatabaseConfigurationTests {
    @Test("A TCP URL gives host, port, role, password and database")
    func tcp() throws {
        let configuration = try DatabaseConfiguration(url: "postgres://owner:s%40cret@db.example:6543/ledger")
        #expect(configuration == DatabaseConfiguration(endpoint: .tcp(host: "db.example", port: 6543), username: "owner", password: "s@cret", database: "ledger"))
    }

    @Test("A socket URL's port may come from the query, and redactedURL reads back as the same server")
    func socketRoundTrip() throws {
        let configuration = DatabaseConfiguration(endpoint: .unixSocket(directory: "/tmp/dibao-pg", port: 5433), username: "dibao", database: "ledger")
        #expect(configuration.redactedURL == "postgres://dibao@/ledger?host=/tmp/dibao-pg&port=5433")
        #expect(try DatabaseConfiguration(url: configuration.redactedURL) == configuration)
        #expect(try DatabaseConfiguration(url: "postgres://dibao@/ledger?host=/tmp/dibao-pg").endpoint == .unixSocket(directory: "/tmp/dibao-pg", port: 5432))
    }

    @Test("A port that is not a port number is refused, naming it")
    func badPort() {
        #expect { try DatabaseConfiguration(url: "postgres://dibao@/ledger?host=/tmp/x&port=70000") } throws: { error in
            "\(error)".contains("port must be a port number, got '70000'")
        }
        #expect(throws: (any Error).self) { try DatabaseConfiguration(url: "mysql://dibao@host/ledger") }
    }
}
