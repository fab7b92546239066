import ArgumentParser
import DibaoCaseService
import DibaoEvents
import Foundation

struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Issue access tokens for the /v1 API.", subcommands: [Issue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a signed token (JWT HS256) for one staff member, role and jurisdiction.",
            discussion: "The key is DIBAO_TOKEN_SECRET (at least 32 bytes) or $DIBAO_HOME/token-secret (created on first use, mode 0600).")

        @Option(help: "caseworker, approver, finance, inspector or admin.") var role: String
        @Option(help: "Region code the token acts in (6, 9 or 12 digits), e.g. 533103001.") var jurisdiction: String
        @Option(help: "Staff id (the token's subject).") var actor: String
        @Option(help: "Display name (default: the staff id).") var name: String?
        @Option(help: "Hours the token is valid, 1…\(TokenIssuer.validityHoursMax).") var hours: Int = 12

        func validate() throws {
            guard ActorRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(ActorRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard (try? RegionCode(jurisdiction)) != nil else { throw ValidationError("--jurisdiction must be a region code of 6, 9 or 12 digits") }
            guard !actor.isEmpty, actor.utf8.count <= 64 else { throw ValidationError("--actor must be 1…64 bytes") }
            guard (1...TokenIssuer.validityHoursMax).contains(hours) else { throw ValidationError("--hours must be 1…\(TokenIssuer.validityHoursMax)") }
        }

        func run() async throws {
            let settings = try Settings.fromEnvironment()
            let secret = try TokenSecret.load(environment: ProcessInfo.processInfo.environment, home: settings.home)
            let issuer = await TokenIssuer(secret: secret)
            let subject = Actor(actorId: actor, displayName: name ?? actor, role: ActorRole(rawValue: role)!, jurisdictionCode: try RegionCode(jurisdiction))
            print(try await issuer.issue(for: subject, hours: hours))
        }
    }
}
