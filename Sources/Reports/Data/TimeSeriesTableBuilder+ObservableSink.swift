import Pharmacology

extension TimeSeriesTableBuilder: ObservableSink {
    /// Collects one row from `ReceptorModel.simulate` (the model's streaming output).
    /// - Precondition: `values.count == columnNames.count` (the same column list was passed to
    ///   `simulate`).
    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
        appendRow(timeHours: timeHours, values)
    }
}

extension TimeSeriesReducer: ObservableSink {
    /// Offers one row from `ReceptorModel.simulate` (the model's streaming output).
    /// - Precondition: `values.count == columnNames.count`.
    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) {
        append(timeHours: timeHours, values)
    }
}

extension TimeSeriesTable {
    /// The rows an `ObservableRecorder` kept.
    /// - Throws: `ReportsError.csvDuplicateColumn` when two columns share a name.
    package init(recorder: ObservableRecorder) throws {
        let width = recorder.columns.count
        let count = recorder.times.count
        try self.init(
            timeHours: recorder.times,
            columns: recorder.columns.enumerated().map { index, name in
                TimeSeriesColumn(name: name, values: (0..<count).map { recorder.rows[$0 * width + index] })
            })
    }
}

/// Forwards model output to another sink and reports the simulated time reached to a
/// `ProgressReporter` (create it with `total: scenario.durationHours, unit: "h"`).
package struct ProgressTrackingSink<Base: ObservableSink>: ObservableSink {
    package var base: Base
    package let progress: ProgressReporter

    package init(base: Base, progress: ProgressReporter) {
        self.base = base
        self.progress = progress
    }

    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) throws {
        try base.receive(timeHours: timeHours, values: values)
        progress.update(completed: timeHours)
    }
}

/// Sends model output to two sinks, in order: for `run --chart`, the CSV writer's sink and a
/// `TimeSeriesTableBuilder` for the terminal chart.
package struct ObservableTee<First: ObservableSink, Second: ObservableSink>: ObservableSink {
    package var first: First
    package var second: Second

    package init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    package mutating func receive(timeHours: Double, values: UnsafeBufferPointer<Double>) throws {
        try first.receive(timeHours: timeHours, values: values)
        try second.receive(timeHours: timeHours, values: values)
    }
}
