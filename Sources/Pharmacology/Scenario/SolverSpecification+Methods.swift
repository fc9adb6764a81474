import Integrators

extension SolverSpecification {
    /// The method names a scenario file and `--method` accept, in the order messages list them
    /// (`IntegrationMethod`'s raw values).
    public static var methodNames: [String] { IntegrationMethod.allCases.map(\.rawValue) }

    /// The method called `name` (`"bdf"`), or nil: the one reading of a method name, for
    /// readers that do not import Integrators (the scenario decoder).
    public static func method(named name: String) -> IntegrationMethod? { IntegrationMethod(rawValue: name) }
}
