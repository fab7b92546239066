import Foundation
import PostgresNIO

/// Where the ledger's PostgreSQL is: a `postgres://user:password@host:port/database` URL, or a
/// unix-socket directory (the embedded cluster). `DIBAO_DATABASE_URL` names the owner role
/// that runs migrations; the service itself connects as `dibao_app` (see `asRole`).
public struct DatabaseConfiguration: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// A directory holding `.s.PGSQL.<port>`.
        case unixSocket(directory: String, port: Int)
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String

    public init(endpoint: Endpoint, username: String, password: String? = nil, database: String) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
    }

    /// Parses `postgres://` or `postgresql://` URLs; `?host=/path` selects a unix socket directory,
    /// and `?port=N` sets the port when the authority has none (libpq's URI forms, and the form
    /// `redactedURL` prints for a socket).
    public init(url text: String) throws {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw ConfigurationError("DIBAO_DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard let user = components.user, !user.isEmpty, !database.isEmpty else {
            throw ConfigurationError("DIBAO_DATABASE_URL must name a user and a database")
        }
        var port = components.port ?? 5432
        if components.port == nil, let portText = components.queryItems?.first(where: { $0.name == "port" })?.value {
            guard let parsed = Int(portText), (1...65_535).contains(parsed) else {
                throw ConfigurationError("DIBAO_DATABASE_URL's port must be a port number, got '\(portText)'")
            }
            port = parsed
        }
        if let socketDirectory = components.queryItems?.first(where: { $0.name == "host" })?.value, socketDirectory.hasPrefix("/") {
            endpoint = .unixSocket(directory: socketDirectory, port: port)
        } else {
            endpoint = .tcp(host: components.host ?? "localhost", port: port)
        }
        username = user.removingPercentEncoding ?? user
        password = components.password?.removingPercentEncoding
        self.database = database
    }

    /// The same server and database, as another role.
    public func asRole(_ username: String, password: String?) -> DatabaseConfiguration {
        DatabaseConfiguration(endpoint: endpoint, username: username, password: password, database: database)
    }

    /// The same server and role, another database.
    public func withDatabase(_ database: String) -> DatabaseConfiguration {
        DatabaseConfiguration(endpoint: endpoint, username: username, password: password, database: database)
    }

    /// A URL for psql and for logs, without the password.
    public var redactedURL: String {
        switch endpoint {
        case .tcp(let host, let port): return "postgres://\(username)@\(host):\(port)/\(database)"
        case .unixSocket(let directory, let port): return "postgres://\(username)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// A PostgresNIO client configuration; `connectionsMax` bounds the pool.
    public func clientConfiguration(connectionsMax: Int = 20) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: username, password: password, database: database, tls: .disable)
        case .unixSocket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        configuration.options.maximumConnections = connectionsMax
        configuration.options.keepAliveBehavior = nil
        return configuration
    }
}

/// A configuration value that cannot be used, with a message saying how to fix it.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
