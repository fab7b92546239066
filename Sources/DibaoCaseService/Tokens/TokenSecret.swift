import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The HMAC secret tokens are signed with: `DIBAO_TOKEN_SECRET` (at least 32 bytes), or the
/// file `$DIBAO_HOME/token-secret`, created with 32 random bytes and mode 0600 on first use.
public enum TokenSecret {
    /// Shortest secret accepted, bytes.
    public static let bytesMin = 32

    public static func load(environment: [String: String], home: String) throws -> [UInt8] {
        if let text = environment["DIBAO_TOKEN_SECRET"], !text.isEmpty {
            guard text.utf8.count >= bytesMin else { throw TokenSecretError("DIBAO_TOKEN_SECRET must be at least \(bytesMin) bytes") }
            return Array(text.utf8)
        }
        let path = home + "/token-secret"
        if let existing = FileManager.default.contents(atPath: path) {
            guard existing.count >= bytesMin else { throw TokenSecretError("\(path) holds fewer than \(bytesMin) bytes") }
            return Array(existing)
        }
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<bytesMin).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        // Created 0600 from the first byte (O_EXCL: two first starts cannot both write one).
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if let existing = FileManager.default.contents(atPath: path), existing.count >= bytesMin { return Array(existing) }
            throw TokenSecretError("could not create \(path)")
        }
        defer { close(descriptor) }
        let written = secret.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == secret.count else { throw TokenSecretError("could not write \(path)") }
        return secret
    }
}

/// The token secret could not be read or created.
public struct TokenSecretError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
