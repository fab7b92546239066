import DibaoCaseService
import DibaoEvents
import Foundation
import Testing

@Suite("Access tokens")
struct TokenTests {
    static let secret = Array("0123456789abcdef0123456789abcdef".utf8)

    @Test("An issued token verifies back to the same actor")
    func roundTrip() async throws {
        let token = try await TokenIssuer(secret: Self.secret).issue(for: Household.approver, hours: 1)
        #expect(try await TokenVerifier(secret: Self.secret).verify(token) == Household.approver)
    }

    @Test("An expired token is refused as expired")
    func expired() async throws {
        let token = try await TokenIssuer(secret: Self.secret).issue(for: Household.caseworker, hours: 1, now: Date().addingTimeInterval(-7_200))
        await #expect(throws: AccessError.tokenExpired) { try await TokenVerifier(secret: Self.secret).verify(token) }
    }

    @Test("A token signed with another key, or tampered with, is refused")
    func forged() async throws {
        let other = try await TokenIssuer(secret: Array("another secret of thirty-two bytes!!".utf8)).issue(for: Household.caseworker)
        let verifier = await TokenVerifier(secret: Self.secret)
        await #expect(throws: AccessError.self) { try await verifier.verify(other) }
        let genuine = try await TokenIssuer(secret: Self.secret).issue(for: Household.caseworker)
        var parts = genuine.split(separator: ".").map(String.init)
        let elevated = Data(#"{"sub":"S-CW","name":"x","role":"approver","jurisdiction":"140000","exp":4102444800}"#.utf8).base64EncodedString()
        parts[1] = elevated.replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        do {
            _ = try await verifier.verify(parts.joined(separator: "."))
            Issue.record("a tampered token was accepted")
        } catch {
            #expect(error.code == "token_invalid")
        }
        await #expect(throws: AccessError.self) { try await verifier.verify("not-a-token") }
    }

    @Test("Without DIBAO_TOKEN_SECRET a 32-byte secret file is created once, mode 0600, and reused")
    func secretFile() throws {
        let home = NSTemporaryDirectory() + "dibao-token-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try TokenSecret.load(environment: [:], home: home)
        #expect(first.count == 32)
        let mode = try FileManager.default.attributesOfItem(atPath: home + "/token-secret")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try TokenSecret.load(environment: [:], home: home) == first)
        #expect(try TokenSecret.load(environment: ["DIBAO_TOKEN_SECRET": String(repeating: "k", count: 40)], home: home) == Array(String(repeating: "k", count: 40).utf8))
        #expect(throws: TokenSecretError.self) { try TokenSecret.load(environment: ["DIBAO_TOKEN_SECRET": "short"], home: home) }
    }
}
