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

    /// Parses `column>value` or `column<value`.
    /// - Throws: `StudyError.invalidSpecification`.
    package static func parse(_ text: String) throws(StudyError) -> Threshold {
        let above = text.firstIndex(of: ">")
        let below = text.firstIndex(of: "<")
        guard let split = above ?? below, (above == nil) != (below == nil) else {
            throw .invalidSpecification(option: "--threshold", text: text, reason: "expected COLUMN>VALUE or COLUMN<VALUE")
        }
        let column = text[..<split].trimmingCharacters(in: .whitespaces)
        let number = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else { throw .invalidSpecification(option: "--threshold", text: text, reason: "missing COLUMN") }
        guard let value = Double(number), value.isFinite else {
            throw .invalidSpecification(option: "--threshold", text: text, reason: "'\(number)' is not a finite number")
        }
        return Threshold(column: column, above: above != nil, value: value)
    }

    /// The summary column name: `withdrawal_index_h_above_0.2`.
    package func metricName(format: (Double) -> String) -> String {
        column + (above ? "_h_above_" : "_h_below_") + format(value)
    }
}

import Foundation
