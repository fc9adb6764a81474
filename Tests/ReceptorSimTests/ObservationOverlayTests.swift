import Foundation
import Testing
import TestSupport

/// `plot` and `compare --observations`: markers with error bars at the data's coordinates.
@Suite struct ObservationOverlayTests {
    /// 0-24 h, rising to 50 nM at 6 h and to a peak of 200 nM at 12 h, then falling: the curve
    /// passes through the observations, so each marker must sit on a vertex of the line.
    static let csv: String = {
        var text = "time_h,morphine_plasma_nM,withdrawal_index\n"
        for t in 0...24 {
            let time = Double(t)
            let value = time <= 6 ? time * 50 / 6 : (time <= 12 ? 50 + (time - 6) * 25 : 200 - (time - 12) * 10)
            text += "\(t),\(value),\(time / 100)\n"
        }
        return text
    }()

    static let observations = """
        # title: overlay test
        # citation: none
        # obtained: invented for a test
        # population: none
        # drug: morphine
        # evidence: plasma_pk
        # acceptance: test
        observable,statistic,time_h,end_h,value,sd,n,lower,upper
        morphine_plasma_nM,at,6,,50,5,4,40,60
        morphine_plasma_nM,max,0,24,200,20,,170,230
        morphine_plasma_nM,time_of_max,0,24,12,1.5,,10,14
        withdrawal_index,mean,10,20,0.15,,,0.1,0.2
        """

    /// Vertices of an SVG path's data (`M x,y L x,y x,y ...`).
    static func vertices(_ d: String) -> [(Double, Double)] {
        let numbers = d.split { !"0123456789.-".contains($0) }.compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func plotDrawsMarkersOnTheDataCoordinates() throws {
        let directory = try makeTemporaryDirectory()
        let input = try ChartFixtures.write(Self.csv, "run.csv", in: directory)
        let observations = try ChartFixtures.write(Self.observations, "data.csv", in: directory)
        let output = directory.appendingPathComponent("plot.svg").path
        let result = try runReceptorSim(["plot", input, "-o", output, "--columns", "morphine_plasma_nM", "--observations", observations])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        let document = MarkupDocument.parse(svg)
        #expect(document.parseError == nil)
        // at@6h, the peak with its time as one marker, the mean as a marker on a dashed level
        // (its column gets a panel of its own although --columns left it out).
        let markers = document.elements.filter { $0.name == "circle" && $0.attributes["class"] == "marker" }
        #expect(markers.count == 3)
        #expect(document.seriesColumns.contains("withdrawal_index"))
        let bars = document.elements.filter { $0.name == "path" && $0.attributes["class"] == "error-bar" }
        #expect(bars.count == 3)  // SD of the value at 6 h; SD of the peak and of its time
        #expect(document.elements.filter { $0.attributes["class"] == "band" }.count == 4)
        #expect(document.elements.filter { $0.attributes["class"] == "window-level" }.count == 1)
        let line = try #require(document.elements.first { $0.name == "path" && $0.attributes["data-column"] == "morphine_plasma_nM" })
        let points = Self.vertices(try #require(line.attributes["d"]))
        #expect(points.count == 25)
        for (marker, vertex) in zip(markers.prefix(2), [points[6], points[12]]) {
            let cx = try #require(Double(marker.attributes["cx"] ?? "")), cy = try #require(Double(marker.attributes["cy"] ?? ""))
            #expect(abs(cx - vertex.0) < 0.02 && abs(cy - vertex.1) < 0.02, "marker (\(cx), \(cy)), curve \(vertex)")
        }
        // The vertical SD bar of the value at 6 h spans 45-55 nM: a tenth of the 0-50 nM rise.
        let bar = Self.vertices(try #require(bars[0].attributes["d"]))
        #expect(abs(abs(bar[0].1 - bar[1].1) - abs(points[6].1 - points[0].1) / 5) < 0.05)
    }

    @Test func compareDrawsTheObservationsOverEveryRun() throws {
        let directory = try makeTemporaryDirectory()
        let first = try ChartFixtures.write(Self.csv, "a.csv", in: directory)
        let second = try ChartFixtures.write(Self.csv, "b.csv", in: directory)
        let observations = try ChartFixtures.write(Self.observations, "data.csv", in: directory)
        let output = directory.appendingPathComponent("compare.html").path
        let result = try runReceptorSim(["compare", first, second, "-o", output, "--columns", "morphine_plasma_nM",
                                         "--observations", observations])
        #expect(result.status == 0, "\(result.stderr)")
        let document = MarkupDocument.parse(try String(contentsOfFile: output, encoding: .utf8))
        #expect(document.elements.filter { $0.name == "circle" && $0.attributes["class"] == "marker" }.count == 3)

        // A malformed observations file is bad input: exit 2 with file:line.
        let bad = try ChartFixtures.write(Self.observations.replacingOccurrences(of: "0.1,0.2", with: "0.3,0.2"), "bad.csv", in: directory)
        let failing = try runReceptorSim(["plot", first, "-o", directory.appendingPathComponent("x.svg").path, "--observations", bad])
        #expect(failing.status == 2)
        #expect(failing.stderr == "\(bad):12: error: lower 0.3 is above upper 0.2\n")
    }
}
