import Foundation
import Testing
import TestSupport

/// The output-path rules end to end, through the built binary: what each kind of `-o` target
/// becomes, the refusals before anything runs, checked standard output, and signals. Every node
/// is made in the test's own directory; `/dev/full` appears only as a child's standard output.
@Suite struct OutputPathCommandLineTests {
    @Test func outputNamingAnInputIsRefusedAndTheInputKept() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        try fixture.link("s-link.json", to: "s.json")
        try fixture.link("s-link.svg", to: "s.json")
        let link = fixture.path("s-link.json")
        let cases: [([String], String)] = [
            (["run", scenario, "-o", scenario], "run: error: -o '\(scenario)': is the input file;"),
            (["run", scenario, "-o", link], "run: error: -o '\(link)': is the input file '\(scenario)';"),
            (["export", scenario, "-o", link], "export: error: -o '\(link)': is the input file '\(scenario)';"),
            (["compare", scenario, scenario, "-o", fixture.path("s-link.svg")],
             "compare: error: -o '\(fixture.path("s-link.svg"))': is the input file '\(scenario)';"),
            (["sweep", scenario, "--vary", "morphine.half_life_h=2,3", "-o", scenario], "sweep: error: -o '\(scenario)': is the input file;"),
            (["population", scenario, "--size", "2", "-o", fixture.path("p.csv"), "--bands", link],
             "population: error: --bands '\(link)': is the input file '\(scenario)';"),
            (["merge", scenario, "-o", link], "merge: error: -o '\(link)': is the input file '\(scenario)';"),
        ]
        for (arguments, message) in cases {
            let result = try runReceptorSim(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "receptor-sim \(message) refusing to overwrite an input\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(try fixture.read("s.json") == OutputPathFixture.short)
        #expect(try fixture.entries() == ["s-link.json", "s-link.svg", "s.json"])
    }

    @Test func twoOutputsOnOneFileAreRefused() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        let summary = fixture.path("a.csv")
        let sameNew = try runReceptorSim(["population", scenario, "--size", "2", "-o", summary, "--bands", fixture.directory.path + "/./a.csv"])
        #expect(sameNew.status == 2)
        #expect(sameNew.stderr == "receptor-sim population: error: --bands '\(fixture.directory.path)/./a.csv': "
            + "is the same file as -o '\(summary)'; give each output its own file\n")
        try fixture.write("previous\n", "a.csv")
        try fixture.link("b.csv", to: "a.csv")
        let viaLink = try runReceptorSim(["population", scenario, "--size", "2", "-o", summary, "--bands", fixture.path("b.csv")])
        #expect(viaLink.status == 2)
        #expect(viaLink.stderr.hasPrefix("receptor-sim population: error: --bands '\(fixture.path("b.csv"))': is the same file as -o"))
        // The summary goes to standard output (a pipe here), and /dev/stdout is that pipe.
        let viaStdout = try runReceptorSim(["population", scenario, "--size", "2", "--bands", "/dev/stdout"])
        #expect(viaStdout.status == 2)
        #expect(viaStdout.stderr == "receptor-sim population: error: --bands '/dev/stdout': is the same file as -o '-'; give each output its own file\n")
        #expect(try fixture.read("a.csv") == "previous\n")
        #expect(try fixture.entries() == ["a.csv", "b.csv", "s.json"])
    }

    @Test func outputPathProblemsStopEveryCommandBeforeItRuns() throws {
        let fixture = try OutputPathFixture()
        // Running this scenario would fail in the solver with exit status 1.
        let failing = try fixture.write(OutputPathFixture.failing, "fail.json")
        let folder = fixture.directory.path
        let missing = fixture.path("missing")
        try FileManager.default.createDirectory(atPath: fixture.path("pages.html"), withIntermediateDirectories: false)
        let cases: [([String], String)] = [
            (["run", failing, "-o", folder], "run: error: -o '\(folder)': is a directory"),
            (["run", failing, "-o", ""], "run: error: -o '': the file name is empty"),
            (["run", failing, "-o", missing + "/out.csv"], "run: error: -o '\(missing)/out.csv': the folder '\(missing)' does not exist"),
            (["export", failing, "-o", folder], "export: error: -o '\(folder)': is a directory"),
            (["plot", failing, "-o", missing + "/p.svg"], "plot: error: -o '\(missing)/p.svg': the folder '\(missing)' does not exist"),
            (["report", failing, "-o", fixture.path("pages.html")], "report: error: -o '\(fixture.path("pages.html"))': is a directory"),
            (["compare", failing, failing, "-o", fixture.path("new.html") + "/"], "compare: error: -o '\(fixture.path("new.html"))/': is a directory"),
            (["sweep", failing, "--vary", "morphine.half_life_h=2,3", "-o", folder], "sweep: error: -o '\(folder)': is a directory"),
            (["population", failing, "--size", "2", "-o", fixture.path("p.csv"), "--bands", missing + "/b.csv"],
             "population: error: --bands '\(missing)/b.csv': the folder '\(missing)' does not exist"),
            (["population", failing, "--size", "2", "-o", fixture.path("p.csv"), "--bands", ""], "population: error: --bands '': the file name is empty"),
            (["merge", failing, "-o", fixture.path("fail.json/x.csv")], "merge: error: -o '\(folder)/fail.json/x.csv': '\(failing)' is not a folder"),
        ]
        for (arguments, message) in cases {
            let result = try runReceptorSim(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "receptor-sim \(message)\n")
        }
        #expect(try fixture.entries() == ["fail.json", "pages.html"])
    }

    /// A file that exists but cannot be replaced (as root every permission check passes on
    /// /proc, yet no file can be created beside /proc/version) is refused before the run, like
    /// a directory; it used to fail after the run with exit 1. Nothing is written to it.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.fileExists(atPath: "/proc/version"), "needs root and /proc"))
    func fileThatCannotBeReplacedIsRefusedBeforeTheRun() throws {
        let fixture = try OutputPathFixture()
        let failing = try fixture.write(OutputPathFixture.failing, "fail.json")
        let before = try String(contentsOfFile: "/proc/version", encoding: .utf8)
        let cases: [([String], String)] = [
            (["run", failing, "-o", "/proc/version"],
             "run: error: -o '/proc/version': exists but cannot be replaced: no file can be created beside it in '/proc' (No such file or directory)"),
            (["population", failing, "--size", "2", "-o", fixture.path("p.csv"), "--bands", "/proc/version"],
             "population: error: --bands '/proc/version': exists but cannot be replaced: no file can be created beside it in '/proc' (No such file or directory)"),
            (["run", failing, "-o", "/proc/receptor-sim-new.csv"],
             "run: error: -o '/proc/receptor-sim-new.csv': cannot create a file in the folder '/proc': No such file or directory"),
        ]
        for (arguments, message) in cases {
            let result = try runReceptorSim(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "receptor-sim \(message)\n")
        }
        #expect(try String(contentsOfFile: "/proc/version", encoding: .utf8) == before)
        #expect(try fixture.entries() == ["fail.json"])
    }

    @Test func failingStandardOutputExitsOneWithAMessage() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["--help"], ["drugs"], ["drugs", "morphine"], ["check", scenario], ["run", scenario], ["export", scenario],
                          ["plot", scenario, "-o", "-"], ["sweep", scenario, "--vary", "morphine.half_life_h=2,3"]] {
            let (process, stderr) = try launchReceptorSim(arguments, stdout: full)
            #expect(waitForExit(process, seconds: 60))
            #expect(process.terminationStatus == 1, "\(arguments)")
            #expect(try String(contentsOf: stderr, encoding: .utf8)
                == "receptor-sim: error: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }

    @Test func failingStandardErrorDoesNotStopTheRun() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        // Progress from the start, every line of it failing (it used to trap in FileHandle.write).
        let (process, _) = try launchReceptorSim(["run", scenario, "-o", fixture.path("out.csv"), "--summary"],
                                                 stderr: full, progressDelaySeconds: 0)
        #expect(waitForExit(process, seconds: 60))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try fixture.read("out.csv").split(separator: "\r\n").count == 50)
    }

    @Test func fifoReceivesTheWholeRunAndStaysAFIFO() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        #expect(mkfifo(fixture.path("pipe"), 0o600) == 0)
        let reader = FIFOReader(path: fixture.path("pipe"))
        let (process, _) = try launchReceptorSim(["run", scenario, "-o", fixture.path("pipe")])
        #expect(waitForExit(process, seconds: 60))
        let streamed = reader.finish()
        #expect(process.terminationStatus == 0)
        let file = try runReceptorSim(["run", scenario, "-o", fixture.path("file.csv")])
        #expect(file.status == 0)
        #expect(streamed == (try fixture.read("file.csv")))
        #expect(streamed.split(separator: "\r\n").count == 50)
        #expect(fixture.type("pipe") == S_IFIFO)
        #expect(try fixture.entries() == ["file.csv", "pipe", "s.json"])
    }

    @Test func symlinkKeepsBeingALinkToTheNewOutput() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        try fixture.write("previous\n", "result.csv")
        try fixture.link("latest.csv", to: "result.csv")
        let result = try runReceptorSim(["run", scenario, "-o", fixture.path("latest.csv"), "--interval", "12"])
        #expect(result.status == 0)
        #expect(fixture.type("latest.csv") == S_IFLNK)
        #expect(try fixture.read("result.csv").hasPrefix("time_h,mu_occupancy_total,withdrawal_index\r\n0,"))
        #expect(try fixture.read("result.csv").split(separator: "\r\n").count == 4)
        #expect(try fixture.entries() == ["latest.csv", "result.csv", "s.json"])
    }

    @Test(.enabled(if: deviceNodesAllowed, "needs mknod (root with CAP_MKNOD)"))
    func deviceOutputStaysADevice() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        #expect(mknod(fixture.path("null"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let result = try runReceptorSim(["run", scenario, "-o", fixture.path("null")])
        #expect(result.status == 0)
        #expect(fixture.type("null") == S_IFCHR)
        #expect(try fixture.entries() == ["null", "s.json"])
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))])
    func signalRemovesTheTemporaryAndKeepsThePreviousOutput(signal: Int32, status: Int32) throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.endless, "endless.json")
        try fixture.write("previous good output\n", "out.csv")
        let (process, stderr) = try launchReceptorSim(["run", scenario, "-o", fixture.path("out.csv")])
        let temporary = ".out.csv.\(process.processIdentifier).0.tmp"
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: fixture.path(temporary)) { usleep(10_000) }
        try #require(FileManager.default.fileExists(atPath: fixture.path(temporary)), "the run never created \(temporary)")
        kill(process.processIdentifier, signal)
        #expect(waitForExit(process, seconds: 30))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(try String(contentsOf: stderr, encoding: .utf8) == "")
        #expect(try fixture.read("out.csv") == "previous good output\n")
        #expect(try fixture.entries() == ["endless.json", "out.csv"])
    }

    @Test func staleTemporariesOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let fixture = try OutputPathFixture()
        let scenario = try fixture.write(OutputPathFixture.short, "s.json")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier, live = getpid()
        try fixture.write("killed run", ".out.csv.\(dead).0.tmp")
        try fixture.write("killed run", ".out.csv.\(dead).3.tmp")
        try fixture.write("running", ".out.csv.\(live).0.tmp")
        try fixture.write("other output", ".other.csv.\(dead).0.tmp")
        try fixture.write("not ours", ".out.csv.x\(dead).0.tmp")
        let result = try runReceptorSim(["run", scenario, "-o", fixture.path("out.csv")])
        #expect(result.status == 0)
        #expect(try fixture.entries() == [".other.csv.\(dead).0.tmp", ".out.csv.\(live).0.tmp", ".out.csv.x\(dead).0.tmp", "out.csv", "s.json"])
    }
}

/// Whether this process can make device nodes (root with CAP_MKNOD), probed once.
let deviceNodesAllowed: Bool = {
    guard let fixture = try? OutputPathFixture() else { return false }
    defer { try? FileManager.default.removeItem(at: fixture.directory) }
    return mknod(fixture.path("probe"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0
}()
