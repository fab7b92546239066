import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation
import Logging

/// 标准调整 as one operation: records a new policy for a jurisdiction on `policy-<code>` and
/// appends to every active case under it the `AmountAdjusted` the new standard implies from its
/// effective month, with back-pay for months already paid (R-D05, R001-06; the rule itself is
/// `StandardChangeAdjuster`). Every command id derives from the operation's, so running it
/// again writes nothing; a case that changes meanwhile is re-read and judged again.
public struct StandardChangeService: Sendable {
    public let store: EventStore
    let reader: CaseReader
    let logger: Logger

    public init(store: EventStore, logger: Logger) {
        self.store = store
        self.reader = CaseReader(store: store)
        self.logger = logger
    }

    /// What one run did.
    public struct Outcome: Sendable, Equatable {
        /// The policy event had been recorded by an earlier run.
        public var policyReplayed: Bool
        /// Case ids that received an adjustment in this run.
        public var casesAdjusted: [String]
        /// Back-pay of those adjustments, in fen.
        public var arrearsFen: Int64
    }

    /// Records `policy` and adjusts the affected cases. Approvers and administrators only, inside
    /// their jurisdiction; `paidThrough` is the last month already paid at the old amounts.
    public func apply(_ policy: PolicyParametersSet, actor: Actor, commandId: UUID, paidThrough: CalendarMonth) async throws -> Outcome {
        guard [.approver, .admin].contains(actor.role) else { throw AccessError.roleNotPermitted(role: actor.role, command: "setPolicy") }
        try AccessPolicy.requireJurisdiction(actor, over: policy.jurisdictionCode)
        // Refuse a malformed policy before any case is touched: it is appended last.
        do { try store.catalogue.validate(policy.proposed(effectiveDate: policy.announcedOn)) } catch {
            throw CaseServiceError.invalid(field: error.field, reason: error.description)
        }
        let caseIds = try await caseIds(under: policy.jurisdictionCode)
        var books: [RegionCode: PolicyBook] = [:]
        var outcome = Outcome(policyReplayed: false, casesAdjusted: [], arrearsFen: 0)
        for caseId in caseIds {
            let stream = try CaseStreams.caseStream(caseId)
            for attempt in 1...4 {
                let recorded = try await reader.caseEvents(stream)
                let state = CaseState(replaying: recorded.map { ($0.recorded.eventId.uuidString.lowercased(), $0.event) })
                guard let village = state.application?.villageCode else { break }
                if books[village] == nil { books[village] = try await reader.policyBook(for: village) }
                guard let adjustment = StandardChangeAdjuster.adjustments(
                    cases: [state], newPolicy: policy, book: books[village]!, processedOn: policy.announcedOn, paidThrough: paidThrough).first
                else { break }
                let request = AppendRequest(
                    stream: stream, expectedVersion: .exactly(recorded.last?.recorded.streamVersion ?? 0),
                    commandId: DerivedIdentifier.uuid("dibao-standard-change:\(commandId.uuidString.lowercased()):\(caseId)"),
                    metadata: metadata(actor, commandId, reason: policy.document), events: [adjustment.event.proposed(effectiveDate: policy.announcedOn)])
                do {
                    if try await !store.append(request).replayed {
                        outcome.casesAdjusted.append(caseId)
                        outcome.arrearsFen += adjustment.event.arrearsFen
                    }
                    break
                } catch StoreError.wrongExpectedVersion where attempt < 4 {
                    logger.debug("case changed during a standard change; judging it again", metadata: ["case": "\(caseId)"])
                }
            }
        }
        // The policy goes in last: a run stopped half-way is finished by the next one, which
        // still reads the old standard and so still finds the cases it has not adjusted.
        let result = try await store.append(AppendRequest(
            stream: try CaseStreams.policyStream(policy.jurisdictionCode.rawValue), expectedVersion: .any, commandId: commandId,
            metadata: metadata(actor, commandId, reason: policy.document), events: [policy.proposed(effectiveDate: policy.announcedOn)]))
        outcome.policyReplayed = result.replayed
        return outcome
    }

    /// Every case whose village lies under `jurisdiction`, from the global log in order, up to
    /// the transactions begun before the scan. The global reader stops at the oldest transaction
    /// still running on the server (docs/internals/reading.md), so a short page is the end only
    /// when no case event of such a transaction is committed behind it; otherwise the scan waits
    /// for the horizon to move, up to `horizonWait`. Cases written after the scan began do not
    /// hold it up, however many arrive.
    private func caseIds(under jurisdiction: RegionCode) async throws -> [String] {
        let begunBefore = try await store.nextTransactionId()
        var checkpoint = GlobalCheckpoint.start
        var ids: [String] = []
        let deadline = ContinuousClock.now + Self.horizonWait
        while true {
            let page = try await store.readPage(after: checkpoint, category: "case", limit: 5_000)
            checkpoint = page.end
            for recorded in page.events where recorded.eventType == ApplicationSubmitted.eventType {
                let application = try ApplicationSubmitted.decode(recorded.dataJSON())
                if jurisdiction.contains(application.villageCode) { ids.append(application.caseId) }
            }
            guard page.isShort(limit: 5_000) else { continue }
            if checkpoint.transactionId >= begunBefore { return ids }
            guard try await store.hasBacklog(after: checkpoint, category: "case", before: begunBefore) else { return ids }
            guard ContinuousClock.now < deadline else {
                throw StoreError.unavailable(detail: "an open transaction has held the log back for \(Self.horizonWait); try again")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// How long a standard change waits for transactions that hold the global reader back.
    static let horizonWait: Duration = .seconds(30)

    private func metadata(_ actor: Actor, _ commandId: UUID, reason: String) -> EventMetadata {
        EventMetadata(actorId: actor.actorId, actorRole: actor.role.rawValue, jurisdictionCode: actor.jurisdictionCode.rawValue,
                      reason: reason, correlationId: commandId.uuidString.lowercased(), commandId: "")
    }
}
