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

    @Test("redactedURL percent-encodes what the URL needs, and still reads back as the same server")
    func encodedRoundTrip() throws {
        let configuration = DatabaseConfiguration(endpoint: .unixSocket(directory: "/tmp/a&b c#1", port: 5432), username: "ops user", database: "ledger 2")
        #expect(try DatabaseConfiguration(url: configuration.redactedURL) == configuration)
        let tcp = DatabaseConfiguration(endpoint: .tcp(host: "db.example", port: 5432), username: "o@wner", database: "a/b")
        #expect(try DatabaseConfiguration(url: tcp.redactedURL) == tcp)
    }

    @Test("A port that is not a port number, or two different ports, is refused, naming it", arguments: [
        ("postgres://dibao@/ledger?host=/tmp/x&port=70000", "port must be a port number, got '70000'"),
        ("postgres://dibao@/ledger?host=/tmp/x&port=+5433", "port must be a port number, got '+5433'"),
        ("postgres://dibao@/ledger?host=/tmp/x&port=", "port must be a port number, got ''"),
        ("postgres://dibao@/ledger?host=/tmp/x&port", "port must be a port number, got ''"),
        ("postgres://dibao@db:5432/ledger?port=5433", "names two ports, 5432 and 5433"),
    ])
    func badPort(url: String, message: String) {
        #expect { try DatabaseConfiguration(url: url) } throws: { error in "\(error)".contains(message) }
    }

    @Test("A port out of range in the authority, or another scheme, is refused")
    func badAuthority() throws {
        #expect(throws: ConfigurationError.self) { try DatabaseConfiguration(url: "postgres://dibao@db:99999/ledger") }
        #expect(throws: ConfigurationError.self) { try DatabaseConfiguration(url: "postgres://dibao@db:0/ledger") }
        #expect(throws: ConfigurationError.self) { try DatabaseConfiguration(url: "mysql://dibao@host/ledger") }
        #expect(try DatabaseConfiguration(url: "postgres://dibao@db:6543/ledger?port=6543").endpoint == .tcp(host: "db", port: 6543))
    }
}
