import DibaoEvents

/// Draws household members with valid resident ID numbers (GB 11643: county code, birth date,
/// sequence, ISO 7064 MOD 11-2 check character). Numbers are unique across the county, since
/// the same person enrolled twice is an irregularity the inspectors look for.
struct MemberFactory {
    let countyCode: String
    let year: Int
    var issued: Set<String> = []

    /// A valid ID number for `body` (17 digits): the check character appended.
    static func idNumber(body: String) -> ResidentIdNumber {
        let check = Character(Unicode.Scalar(ResidentIdNumber.checkCharacter(body.utf8.map { Int($0) - 48 })))
        return try! ResidentIdNumber(body + String(check))
    }

    /// A person of `age` (completed years, give or take the birthday) not issued before.
    mutating func person(age: Int, relation: MemberRelation, random: inout DemoRandom) -> HouseholdMemberRecord {
        while true {
            let birth = String(year - age) + DemoCounty.threeDigits(random.int(in: 1...12)).suffix(2) + DemoCounty.threeDigits(random.int(in: 1...28)).suffix(2)
            let body = countyCode + birth + DemoCounty.threeDigits(random.int(in: 0...999))
            guard issued.insert(body).inserted else { continue }
            let disability: DisabilityRecord? = random.chance(9)
                ? DisabilityRecord(grade: random.int(in: 1...4), type: random.pick([.physical, .visual, .hearing, .intellectual, .mental, .multiple]))
                : nil
            let ill = age >= 30 && random.chance(7)
            let able = (18...59).contains(age) && (disability?.grade ?? 5) > 2 && !ill
            return HouseholdMemberRecord(idNumber: Self.idNumber(body: body), relation: relation, disability: disability, seriouslyIll: ill, ableToWork: able)
        }
    }

    /// A 低保 or temporary-assistance household of one to five; `needsWorker` makes the
    /// applicant a healthy adult of working age.
    mutating func household(needsWorker: Bool, random: inout DemoRandom) -> [HouseholdMemberRecord] {
        let size = random.pick([1, 1, 2, 2, 3, 3, 3, 4, 4, 5])
        let applicantAge = needsWorker ? random.int(in: 26...48) : random.int(in: 24...82)
        var applicant = person(age: applicantAge, relation: .applicant, random: &random)
        if needsWorker { applicant.disability = nil; applicant.seriouslyIll = false; applicant.ableToWork = true }
        var members = [applicant]
        if size >= 2 { members.append(person(age: max(20, applicantAge + random.int(in: -5...5)), relation: .spouse, random: &random)) }
        for _ in members.count..<max(members.count, size) {
            if applicantAge < 56 {
                members.append(person(age: random.int(in: 1...min(17, applicantAge - 20)), relation: .child, random: &random))
            } else {
                members.append(person(age: random.int(in: 3...17), relation: .grandchild, random: &random))
            }
        }
        return members
    }

    /// A 特困 person living alone: 62 or older, or a severely disabled adult.
    mutating func tekunPerson(random: inout DemoRandom) -> HouseholdMemberRecord {
        if random.chance(75) { return person(age: random.int(in: 62...92), relation: .applicant, random: &random) }
        var member = person(age: random.int(in: 30...58), relation: .applicant, random: &random)
        member.disability = DisabilityRecord(grade: random.int(in: 1...2), type: random.pick([.physical, .intellectual, .multiple]))
        member.ableToWork = false
        return member
    }
}
