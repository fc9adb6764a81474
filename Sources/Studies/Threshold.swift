/// A level a column is compared with: `column>value` (time above) or `column<value` (time below).
package struct Threshold: Sendable, Equatable {
    package var column: String
    package var above: Bool
    package var value: Double

    package init(column: String, above: Bool, value: Double) {
        self.column = column
        self.above = above
        self.value = value
    }

    /// The summary column name: `withdrawal_index_h_above_0.2`.
    package func metricName(format: (Double) -> String) -> String {
        column + (above ? "_h_above_" : "_h_below_") + format(value)
    }
}

import Foundation
