/// The commands `receptor-sim` dispatches to, in the order `--help` lists them.
/// Adding a command: one new file in Commands/ and one line here. (Metatypes are immutable;
/// `nonisolated(unsafe)` only because existential metatypes are not `Sendable`.)
enum CommandRegistry {
    nonisolated(unsafe) static let all: [any ReceptorSimCommand.Type] = [
        RunCommand.self,
        CheckCommand.self,
        DrugsCommand.self,
        ParametersCommand.self,
        PlotCommand.self,
        ReportCommand.self,
        CompareCommand.self,
        ExploreCommand.self,
        ExportCommand.self,
        SweepCommand.self,
        PopulationCommand.self,
        MergeCommand.self,
        ValidateCommand.self,
        FitCommand.self,
        ChallengeCommand.self,
    ]

    static func command(named name: String) -> (any ReceptorSimCommand.Type)? {
        all.first { $0.name == name }
    }
}
