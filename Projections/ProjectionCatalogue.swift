/// Every projection the service runs, in one place.
public enum ProjectionCatalogue {
    public static func all() -> [any Projection] {
        [CategoryDailyCounts(), Caseload()]
    }
}
