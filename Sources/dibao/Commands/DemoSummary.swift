import DibaoDemo

/// The text `dibao demo` ends with: what was loaded, how fast, and where to look.
struct DemoSummary {
    let report: DemoReport

    func print() {
        let out = { (line: String) in Swift.print(line) }
        out(report.policyAppended.isEmpty ? "policy fixture: already present" : "policy fixture: appended \(report.policyAppended.joined(separator: ", "))")
        let scenarios = DemoScenario.allCases.compactMap { scenario in report.householdsByScenario[scenario].map { "\(scenario.rawValue) \($0)" } }
        out("households: \(report.households) (\(scenarios.joined(separator: ", ")))")
        if report.wroteNothing {
            out("nothing new: the demo county was already loaded (\(report.commandsReplayed) commands replayed, 0 events appended)")
        } else {
            out("events appended: \(report.eventsAppended) by \(report.commandsApplied) commands; replayed: \(report.commandsReplayed) commands")
        }
        out("elapsed: \(format(report.elapsedSeconds)) s, \(format(report.eventsPerSecond)) events/s")
        for failure in report.failures.prefix(10) { out("  refused: \(failure.caseId) step \(failure.step): \(failure.reason)") }
        if report.failures.count > 10 { out("  … \(report.failures.count - 10) more refused") }
        out("""

            Where to look (once `dibao serve` runs):
              TOKEN=$(dibao tokens issue --role inspector --jurisdiction 140702 --actor demo-inspector)
              curl -H "Authorization: Bearer $TOKEN" 'http://localhost:8080/v1/caseload?jurisdiction=140702&level=township'
              curl -H "Authorization: Bearer $TOKEN" 'http://localhost:8080/v1/reports/monthly?jurisdiction=140702&month=2024-12'
            Cases are named <village code>-<uuid>; see docs/guides/demo.md.
            """)
    }

    func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
