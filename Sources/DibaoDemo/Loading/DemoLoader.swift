import DibaoCaseService
import DibaoCasework
import DibaoEvents
import DibaoStore
import Foundation

/// Loads the demo county through `CaseService.execute`, the path the HTTP API takes: the policy
/// fixture first, then the year month by month, so the log's order follows business dates;
/// within a month a few households at a time, each household's steps in order.
public struct DemoLoader: Sendable {
    public let service: CaseService
    public let configuration: DemoConfiguration
    public let generator: HouseholdGenerator
    public let planner: LifecyclePlanner

    public init(service: CaseService, configuration: DemoConfiguration = DemoConfiguration()) {
        self.service = service
        self.configuration = configuration
        generator = HouseholdGenerator(seed: configuration.seed)
        planner = LifecyclePlanner(staff: DemoStaff(county: generator.county), year: generator.year)
    }

    /// A household with its planned steps and the command ids its stream already holds.
    struct Plan: Sendable {
        var household: DemoHousehold
        var steps: [DemoStep]
        var applied: Set<UUID>
    }

    public func load(progress: @Sendable (DemoReport.MonthProgress) -> Void = { _ in }) async throws -> DemoReport {
        let clock = ContinuousClock(), start = clock.now
        var report = DemoReport()
        report.policyAppended = try await PolicyLoader(store: service.store).loadFixture(actorId: "demo-loader").appended
        let households = generator.households(count: configuration.households)
        report.households = households.count
        for household in households { report.householdsByScenario[household.scenario, default: 0] += 1 }
        let plans = try await inParallel(households) { household in
            let stream = try CaseStreams.caseStream(household.caseId)
            return Plan(household: household, steps: planner.steps(for: household),
                        applied: Set(try await service.store.readStream(stream).map(\.commandId)))
        }
        var failed = Set<Int>()
        for monthNumber in 1...12 {
            let month = try CalendarMonth(year: generator.year, month: monthNumber)
            var monthly = DemoReport.MonthProgress(month: month)
            let work = plans.filter { plan in !failed.contains(plan.household.index) && plan.steps.contains { CalendarMonth(containing: $0.date) == month } }
            let results = try await inParallel(work) { plan in try await run(plan, in: month) }
            for result in results {
                monthly.commandsApplied += result.applied
                monthly.eventsAppended += result.events
                monthly.commandsReplayed += result.replayed
                if let failure = result.failure { report.failures.append(failure); failed.insert(result.index); monthly.failures += 1 }
            }
            report.add(monthly)
            progress(monthly)
        }
        report.elapsedSeconds = Self.seconds(clock.now - start)
        return report
    }

    struct HouseholdResult: Sendable {
        var index: Int
        var applied = 0, events = 0, replayed = 0
        var failure: DemoReport.Failure?
    }

    /// One household's steps of `month`, in order; stops at the first refusal.
    func run(_ plan: Plan, in month: CalendarMonth) async throws -> HouseholdResult {
        var result = HouseholdResult(index: plan.household.index)
        for step in plan.steps where CalendarMonth(containing: step.date) == month {
            let commandId = step.commandId(in: plan.household)
            if plan.applied.contains(commandId) { result.replayed += 1; continue }
            do {
                let outcome = try await service.execute(step.command, caseId: plan.household.caseId, actor: step.actor, commandId: commandId)
                if outcome.replayed { result.replayed += 1 } else { result.applied += 1; result.events += outcome.eventTypes.count }
            } catch let error as CaseServiceError {
                result.failure = DemoReport.Failure(caseId: plan.household.caseId, step: step.name, reason: error.description)
                return result
            } catch let error as AccessError {
                result.failure = DemoReport.Failure(caseId: plan.household.caseId, step: step.name, reason: error.description)
                return result
            }
        }
        return result
    }

    /// `body` over `items`, at most `parallelHouseholds` at a time; results in input order.
    func inParallel<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) async throws -> Result) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            func start() {
                let index = next, item = items[index]
                group.addTask { (index, try await body(item)) }
                next += 1
            }
            while next < min(configuration.parallelHouseholds, items.count) { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < items.count { start() }
            }
            return results.map { $0! }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
