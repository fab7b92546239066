extension ApplicationSubmitted {
    func checkApplication() throws(EventValidationError) {
        try RecordChecks.text(caseId, "data.caseId", max: 64)
        guard CaseProgrammeNames.all.contains(programme) else { throw .invalid(field: "data.programme", reason: "unknown programme") }
        guard villageCode.isVillage else { throw .invalid(field: "data.villageCode", reason: "must be a 12-digit village code") }
        guard !members.isEmpty, members.count <= 30 else { throw .invalid(field: "data.members", reason: "1 to 30 members") }
        var seen = Set<ResidentIdNumber>()
        for (index, member) in members.enumerated() {
            guard seen.insert(member.idNumber).inserted else { throw .invalid(field: "data.members[\(index)].idNumber", reason: "listed twice") }
            if let disability = member.disability, !(1...4).contains(disability.grade) {
                throw .invalid(field: "data.members[\(index)].disability.grade", reason: "must be 1…4")
            }
        }
        guard members.filter({ $0.relation == .applicant }).count == 1 else { throw .invalid(field: "data.members", reason: "exactly one member is the applicant") }
        try RecordChecks.incomes(incomes, deductions)
        for (index, asset) in assets.enumerated() { try RecordChecks.nonNegative(asset.valueFen, "data.assets[\(index)].valueFen") }
        if let single = singlePersonMemberIdNumber, !seen.contains(single) {
            throw .invalid(field: "data.singlePersonMemberIdNumber", reason: "must be one of the members")
        }
    }
}
