import Logging
import PostgresNIO

extension DatabaseConfiguration {
    /// Connects once, as this role, and disconnects. A server that cannot be reached, or a role
    /// that cannot log in, fails here at once with what an operator needs — which server, set
    /// where, and why — instead of in a pool that retries for about a minute and then reports
    /// only that its circuit breaker tripped. `source` names where the setting comes from.
    public func checkReachable(source: String, logger: Logger) async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
        } catch {
            throw ConfigurationError("cannot connect to PostgreSQL at \(redactedURL) (\(source)): \(Self.reason(error))")
        }
        try? await connection.close()
    }

    /// One connection's configuration: the same server, role and database as `clientConfiguration`.
    var connectionConfiguration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: .disable)
        case .unixSocket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// Why a connection failed, in words: the server's own message (a failed password, a
    /// missing database or role), else the socket's error (no such socket, refused, timed out).
    /// PSQLError's own description hides both.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return String(describing: underlying) }
        switch error.code {
        case .authMechanismRequiresPassword: return "the server asks for a password, and none is set"
        case .serverClosedConnection: return "the server closed the connection before it was ready"
        default: return "\(error.code)"
        }
    }
}
