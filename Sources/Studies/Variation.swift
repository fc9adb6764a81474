import Foundation

/// One swept quantity and the values it takes (`--vary NAME=V1,V2,...` or
/// `NAME=FROM:TO:STEPS[:log]`, parsed by the command line).
package struct Variation: Sendable, Equatable {
    /// A scenario parameter name (`morphine.half_life_h`) or dose field (`doses[0].amount_mg`).
    package var name: String
    /// The values in the order given (lists) or ascending from FROM to TO (ranges).
    package var values: [Double]

    package init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// `steps` values from `from` to `to` inclusive; the ends are exact.
    package static func range(from: Double, to: Double, steps: Int, logarithmic: Bool) -> [Double] {
        guard steps > 1 else { return [from] }
        let last = Double(steps - 1)
        return (0..<steps).map { k in
            if k == 0 { return from }
            if k == steps - 1 { return to }
            let fraction = Double(k) / last
            return logarithmic ? from * Foundation.pow(to / from, fraction) : from + (to - from) * fraction
        }
    }
}
