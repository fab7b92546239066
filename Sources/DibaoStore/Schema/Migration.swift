import Crypto
import Foundation

/// One numbered SQL file from `Migrations/`: one database object, applied once, never edited.
public struct Migration: Sendable, Equatable {
    public let number: Int
    public let name: String
    public let sql: String

    public init(number: Int, name: String, sql: String) {
        self.number = number
        self.name = name
        self.sql = sql
    }

    /// SHA-256 of the file, recorded when applied; a changed file is refused.
    public var checksum: String {
        SHA256.hash(data: Array(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Every migration shipped with this build, in order.
    public static func bundled() throws -> [Migration] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw ConfigurationError("the Migrations resource is missing from the build")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        let migrations = try files.map { file -> Migration in
            guard let number = Int(file.prefix { $0.isNumber }) else { throw ConfigurationError("migration \(file) has no number") }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return Migration(number: number, name: file, sql: sql)
        }
        for (index, migration) in migrations.enumerated() where migration.number != index + 1 {
            throw ConfigurationError("migrations must be numbered 1, 2, 3… without gaps; \(migration.name) is out of sequence")
        }
        return migrations
    }
}
