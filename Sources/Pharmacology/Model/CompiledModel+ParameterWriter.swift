extension CompiledModel {
    /// This model with its parameter catalogue read once: what `withParameterValues` does for
    /// each vector, for callers that make many models from one base (population members).
    public var parameterWriter: ParameterWriter { ParameterWriter(base: self) }

    /// A base model, its catalogue's entries and their values, read once (about 2.6 M
    /// instructions per read, more than half of a population member's set-up; RESULTS.md).
    ///
    /// `@unchecked Sendable`: the entries hold key paths, immutable objects that Swift does not
    /// mark `Sendable`; nothing here is mutated after `init`.
    public struct ParameterWriter: @unchecked Sendable {
        public let base: CompiledModel
        private let entries: [ParameterEntry]
        /// The base's value of every entry, in `names` order.
        public let values: [Double]

        init(base: CompiledModel) {
            self.base = base
            entries = CompiledModel.parameterEntries(library: base.library, layout: base.layout)
            values = entries.map { $0.value(in: base.library).value }
        }

        /// The dotted names of the parameter vector (`CompiledModel.parameterNames`).
        public var names: [String] { entries.map(\.name) }

        /// `base.withParameterValues(values)`, without reading the catalogue again.
        /// - Throws: as `CompiledModel.withParameterValues(_:)`.
        public func model(values vector: [Double]) throws -> CompiledModel {
            guard vector.count == entries.count else {
                throw ModelError.invalidValue(path: "parameters", reason: "expected \(entries.count) values, got \(vector.count)")
            }
            var lib = base.library
            for (k, (e, v)) in zip(entries, vector).enumerated() {
                try ParameterCatalog.validate(v, of: e.name, range: e.range)
                // Bit patterns, so that a NaN or a changed sign of zero is still written.
                if v.bitPattern != values[k].bitPattern { lib[keyPath: e.keyPath] = Sourced(v, "parameter vector") }
            }
            return try CompiledModel(scenario: base.scenario, library: lib, layout: base.layout)
        }
    }
}
