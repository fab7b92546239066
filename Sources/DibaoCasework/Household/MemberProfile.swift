import DibaoEvents

/// What the rules need to know about one member on a date: age and key groups (重点保障).
public enum MemberProfile {
    /// Completed years of age on `date` (a birthday counts from the day itself; 29 Feb birthdays on 1 Mar in other years).
    public static func ageYears(_ member: HouseholdMemberRecord, on date: BusinessDate) -> Int {
        let birth = member.idNumber.birthDate
        let hadBirthday = (date.month, date.day) >= (birth.month, birth.day)
        return date.year - birth.year - (hadBirthday ? 0 : 1)
    }

    /// 重度残疾: certificate grade 1 or 2.
    public static func isSeverelyDisabled(_ member: HouseholdMemberRecord) -> Bool {
        (member.disability?.grade ?? 5) <= 2
    }

    /// The key groups a member is in on `date`, among those the policy pays an add-on for.
    /// Ages are measured on the first day of the benefit month (F-06); minors are under 18.
    public static func keyGroups(_ member: HouseholdMemberRecord, month: CalendarMonth, policy: PolicyParameters) -> Set<KeyGroup> {
        let age = ageYears(member, on: month.firstDay)
        var groups: Set<KeyGroup> = []
        if age >= policy.elderlyAgeYears { groups.insert(.elderly) }
        if age < 18 { groups.insert(.minor) }
        if isSeverelyDisabled(member) { groups.insert(.severelyDisabled) }
        if member.seriouslyIll { groups.insert(.seriouslyIll) }
        return groups.intersection(policy.addOnGroups)
    }

    /// 单人户: whether a member may be enrolled alone under the jurisdiction's criteria
    /// (R001-01: grades 1–2 any type, 3–4 intellectual/mental, seriously ill; R004-04: grade 3 only).
    public static func qualifiesAlone(_ member: HouseholdMemberRecord, criteria: SinglePersonCriteria) -> Bool {
        guard criteria.enabled else { return false }
        if criteria.seriousIllness && member.seriouslyIll { return true }
        guard let disability = member.disability else { return false }
        if disability.grade <= criteria.anyDisabilityGradeMax { return true }
        return [.intellectual, .mental].contains(disability.type) && disability.grade <= criteria.intellectualOrMentalGradeMax
    }

    /// 特困 categories: a minor below the policy's limit (R001-03: 18), 60 or older, or
    /// severely disabled (特困人员认定办法; the seeds refer to it without numbers).
    public static func inTekunCategory(_ member: HouseholdMemberRecord, on date: BusinessDate, policy: PolicyParameters) -> Bool {
        let age = ageYears(member, on: date)
        return age < policy.tekunMinorAgeLimitYears || age >= 60 || isSeverelyDisabled(member)
    }
}
