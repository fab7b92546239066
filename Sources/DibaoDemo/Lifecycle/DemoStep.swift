import DibaoCaseService
import DibaoCasework
import DibaoEvents
import Foundation

/// One command of a household's year, with the staff member who issues it.
public struct DemoStep: Sendable, Hashable {
    /// Unique within the household (`submit`, `notice-2`, `stage-1`…): names the command id.
    public var name: String
    public var command: CaseCommand
    public var actor: Actor

    /// The business date the command acts on.
    public var date: BusinessDate { command.businessDate }

    /// SHA-256 of `demo:<household key>:<name>`, shaped as a UUID.
    public func commandId(in household: DemoHousehold) -> UUID {
        DemoIdentity.commandId(household: household.key, step: name)
    }
}

/// A household's steps under construction: a date cursor that only moves forward and the
/// household's own random draws.
struct PlanDraft {
    let household: DemoHousehold
    var random: DemoRandom
    var date: BusinessDate
    var steps: [DemoStep] = []

    init(_ household: DemoHousehold) {
        self.household = household
        random = DemoRandom(seed: household.planSeed)
        date = household.submittedOn
    }

    /// Moves the cursor on by a drawn number of days and returns the new date.
    mutating func later(_ days: ClosedRange<Int>) -> BusinessDate {
        date = CalendarArithmetic.adding(days: random.int(in: days), to: date)
        return date
    }

    /// Moves the cursor on by `months`, to a drawn day of that month.
    mutating func monthsLater(_ months: ClosedRange<Int>, day: ClosedRange<Int> = 3...24) -> BusinessDate {
        let month = CalendarMonth(containing: date).adding(months: random.int(in: months))
        date = max(date, try! BusinessDate(year: month.year, month: month.month, day: random.int(in: day)))
        return date
    }

    mutating func add(_ name: String, _ actor: Actor, _ command: CaseCommand) {
        precondition(!steps.contains { $0.name == name }, "step names are unique within a household")
        steps.append(DemoStep(name: name, command: command, actor: actor))
    }
}
