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
    /// and `?port=N` gives the port (the form `redactedURL` prints for a socket). A port in both
    /// places must be the same.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw ConfigurationError("DIBAO_DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard let user = components.user, !user.isEmpty, !database.isEmpty else {
            throw ConfigurationError("DIBAO_DATABASE_URL must name a user and a database")
        }
        let port = try Self.port(authority: components.port, query: components.queryItems?.first { $0.name == "port" })
        if let socketDirectory = components.queryItems?.first(where: { $0.name == "host" })?.value, socketDirectory.hasPrefix("/") {
            endpoint = .unixSocket(directory: socketDirectory, port: port)
        } else {
            endpoint = .tcp(host: components.host ?? "localhost", port: port)
        }
        username = user
        password = components.password
        self.database = database
    }

    /// The port of a URL: from its authority, from `?port=`, or 5432; refused when it is not a
    /// number in 1…65535, or when the two places name different ports.
    private static func port(authority: Int?, query: URLQueryItem?) throws -> Int {
        var port = authority ?? 5432
        if let query {
            let text = query.value ?? ""
            guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let parsed = Int(text) else {
                throw ConfigurationError("DIBAO_DATABASE_URL's port must be a port number, got '\(text)'")
            }
            if let authority, authority != parsed {
                throw ConfigurationError("DIBAO_DATABASE_URL names two ports, \(authority) and \(parsed); give one")
            }
            port = parsed
        }
        guard (1...65_535).contains(port) else {
            throw ConfigurationError("DIBAO_DATABASE_URL's port must be a port number, got '\(port)'")
        }
        return port
    }

    /// The same server and database, as another role.
    public func asRole(_ username: String, password: String?) -> DatabaseConfiguration {
        DatabaseConfiguration(endpoint: endpoint, username: username, password: password, database: database)
    }

    /// The same server and role, another database.
    public func withDatabase(_ database: String) -> DatabaseConfiguration {
        DatabaseConfiguration(endpoint: endpoint, username: username, password: password, database: database)
    }

    /// A URL for psql and for logs, without the password; `init(url:)` reads it back as the same
    /// server, role and database (names are percent-encoded where the URL needs it).
    public var redactedURL: String {
        let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
        let name = database.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? database
        switch endpoint {
        case .tcp(let host, let port): return "postgres://\(user)@\(host):\(port)/\(name)"
        case .unixSocket(let directory, let port):
            let encoded = directory.addingPercentEncoding(withAllowedCharacters: Self.queryValueAllowed) ?? directory
            return "postgres://\(user)@/\(name)?host=\(encoded)&port=\(port)"
        }
    }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;"))
    private static let queryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))

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
