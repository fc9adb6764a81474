/// An initial value problem: a system, its state at `startTime`, and the interval to solve on.
///
/// Problem, method and solution are separate values: the same problem can be solved by any
/// `IntegrationMethod` without touching the system.
public struct ODEProblem<System: ODESystem> {
    public var system: System
    public var initialState: [Double]
    public var startTime: Double
    public var endTime: Double

    public init(system: System, initialState: [Double], startTime: Double, endTime: Double) {
        self.system = system
        self.initialState = initialState
        self.startTime = startTime
        self.endTime = endTime
    }
}
