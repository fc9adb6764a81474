// swift-tools-version: 6.0
// ReceptorSim: a simulator of opioid receptor dynamics. No package dependencies by design:
// the product builds on the Swift toolchain alone (Foundation, Dispatch, Swift Testing).
import PackageDescription

let package = Package(
    name: "ReceptorSim",
    platforms: [.macOS(.v14)],
    products: [
        // The ODE engine as a library of its own: a documented public API
        // (Sources/Integrators/Integrators.docc), usable without the rest of the project.
        .library(name: "Integrators", targets: ["Integrators"]),
        .executable(name: "receptor-sim", targets: ["receptor-sim"]),
        .executable(name: "receptor-bench", targets: ["ReceptorBench"]),
    ],
    targets: [
        // The ODE engine: knows no pharmacology. Public API for users of the library product;
        // everything else internal (`@usableFromInline` where the inlinable solve needs it).
        .target(name: "Integrators"),
        // The domain: drugs, receptors, peptides, compiled into a flat system for Integrators.
        .target(name: "Pharmacology", dependencies: ["Integrators"]),
        // Scenario files in, Pharmacology values out, with precise errors.
        .target(name: "ScenarioFiles", dependencies: ["Pharmacology"]),
        // The shipped library: the built-in drugs as a data file (a resource) read by ScenarioFiles'
        // library reader, joined to Pharmacology's Swift receptors, peptides and physiology.
        .target(name: "BuiltInLibrary", dependencies: ["Pharmacology", "ScenarioFiles"], resources: [.copy("Resources/drugs.json5")]),
        // CSV, SVG and HTML output.
        .target(name: "Reports", dependencies: ["Pharmacology"]),
        // Model exchange: SBML export of a compiled scenario.
        .target(name: "Exchange", dependencies: ["Pharmacology", "Reports"]),
        // Sweeps and virtual populations: many runs of one compiled model, sharded and parallel.
        .target(name: "Studies", dependencies: ["Pharmacology", "Reports", "BuiltInLibrary"]),
        // Validation against published studies: observations files, statistics, verdicts, report.
        .target(name: "Validation", dependencies: ["Reports", "ScenarioFiles"]),
        // Calibration (`fit`): weighted least squares of named parameters to validation studies.
        .target(name: "Calibration", dependencies: ["Pharmacology", "ScenarioFiles", "BuiltInLibrary", "Studies", "Validation"]),
        // The command line: wires the stages, nothing else does.
        .executableTarget(
            name: "receptor-sim",
            dependencies: ["Integrators", "Pharmacology", "ScenarioFiles", "BuiltInLibrary", "Reports", "Exchange", "Studies", "Validation", "Calibration"]),

        // Standard stiff test problems (IVP Test Set) shared by the engine tests and the benchmarks.
        .target(
            name: "StiffTestProblems", dependencies: ["Integrators"],
            path: "Benchmarks/StiffTestProblems"),
        .executableTarget(
            name: "ReceptorBench",
            dependencies: ["Integrators", "Pharmacology", "BuiltInLibrary", "StiffTestProblems", "Studies"],
            path: "Benchmarks/ReceptorBench"),

        // Helpers shared by the test targets (the command-line runner, temporary directories,
        // the FIFO reader, approximate equality, the seeded generator); never in a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "IntegratorsTests", dependencies: ["Integrators", "StiffTestProblems", "TestSupport"]),
        // Each test target is enabled with its first tests.
        .testTarget(name: "PharmacologyTests", dependencies: ["Pharmacology", "BuiltInLibrary", "Integrators", "TestSupport"]),
        .testTarget(name: "ScenarioFilesTests", dependencies: ["ScenarioFiles", "Pharmacology", "BuiltInLibrary", "TestSupport"]),
        .testTarget(name: "BuiltInLibraryTests", dependencies: ["BuiltInLibrary", "ScenarioFiles", "Pharmacology", "TestSupport"]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Pharmacology", "BuiltInLibrary", "TestSupport"],
            exclude: ["render-sample-report.sh"]),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "Pharmacology", "BuiltInLibrary", "Integrators", "TestSupport"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Pharmacology", "BuiltInLibrary", "Integrators", "ScenarioFiles", "receptor-sim", "TestSupport"]),
        .testTarget(name: "ReceptorSimTests", dependencies: ["receptor-sim", "Reports", "ScenarioFiles", "BuiltInLibrary", "Pharmacology", "TestSupport"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Reports", "TestSupport"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Validation", "Pharmacology", "BuiltInLibrary", "ScenarioFiles"]),
    ]
)
