import DibaoCasework
import DibaoEvents
import Testing

/// Given / when / then over `CaseDecider.decide` and `CaseState.evolve`.
struct CaseSpec {
    var events: [CaseEvent]
    var context: DecisionContext

    static func given(_ events: [CaseEvent], policy: PolicyBook = PolicyFixture.book, kin: [StaffKinshipDeclared] = []) -> CaseSpec {
        CaseSpec(events: events, context: DecisionContext(policy: policy, kinRegistry: KinRegistry(kin)))
    }

    /// Builds the given events by running commands that must all succeed.
    static func given(commands: [CaseCommand], policy: PolicyBook = PolicyFixture.book, kin: [StaffKinshipDeclared] = [],
                      sourceLocation: SourceLocation = #_sourceLocation) -> CaseSpec {
        var spec = CaseSpec.given([], policy: policy, kin: kin)
        for command in commands {
            do { spec.events += try CaseDecider.decide(command, state: spec.state, context: spec.context) } catch {
                Issue.record("given command refused: \(error)", sourceLocation: sourceLocation)
            }
        }
        return spec
    }

    var state: CaseState { CaseState(replaying: events.enumerated().map { (id: "e\($0.offset + 1)", event: $0.element) }) }

    func when(_ command: CaseCommand) -> CaseOutcome {
        do { return CaseOutcome(result: .success(try CaseDecider.decide(command, state: state, context: context)), spec: self) } catch {
            return CaseOutcome(result: .failure(error), spec: self)
        }
    }

    /// The spec with the events of a successful command appended.
    func and(_ command: CaseCommand, sourceLocation: SourceLocation = #_sourceLocation) -> CaseSpec {
        var next = self
        switch when(command).result {
        case .success(let new): next.events += new
        case .failure(let rejection): Issue.record("command refused: \(rejection)", sourceLocation: sourceLocation)
        }
        return next
    }
}

struct CaseOutcome {
    var result: Result<[CaseEvent], CaseRejection>
    var spec: CaseSpec

    var events: [CaseEvent] { (try? result.get()) ?? [] }

    /// The state after the new events.
    var state: CaseState { CaseSpec(events: spec.events + events, context: spec.context).state }

    func then(_ expected: [CaseEvent], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result == .success(expected), sourceLocation: sourceLocation)
    }

    func thenRejected(_ rejection: CaseRejection, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result == .failure(rejection), sourceLocation: sourceLocation)
    }
}
