/// Why an export failed. The one error type of the Exchange module.
public enum ExchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The compiled model no longer has a structure the exporter reads (a renamed or retyped
    /// field of `CompiledModel`/`ReceptorSystem`): the exporter must be updated with the model.
    case modelStructureChanged(field: String, expected: String)
    /// A CSV column of the model has no exported definition (a new observable the exporter
    /// does not know yet).
    case missingColumn(String)
    /// Two exported quantities would get the same SBML identifier.
    case duplicateIdentifier(String)
    /// A value is NaN or infinite and cannot be written to SBML.
    case nonFiniteValue(identifier: String, value: Double)
    /// An expression reads an identifier nothing defines.
    case undefinedSymbol(String)
    /// Two studies of a PEtab export cannot share one SBML model (`identifier` differs).
    case modelsDiffer(first: String, other: String, identifier: String)
    /// A fitted parameter cannot be written as an SBML parameter of the PEtab model.
    case parameterNotExportable(name: String, reason: String)

    public var description: String {
        switch self {
        case .modelStructureChanged(let field, let expected):
            return "the compiled model's field '\(field)' is missing or not \(expected); the SBML exporter needs updating"
        case .missingColumn(let name):
            return "the CSV column '\(name)' has no SBML definition; the SBML exporter needs updating"
        case .duplicateIdentifier(let id):
            return "two exported quantities share the SBML identifier '\(id)'"
        case .nonFiniteValue(let id, let value):
            return "'\(id)' has the non-finite value \(value)"
        case .undefinedSymbol(let id):
            return "an exported expression reads '\(id)', which nothing defines"
        case .modelsDiffer(let first, let other, let id):
            return "studies '\(first)' and '\(other)' cannot share one PEtab model: they differ in \(id) "
                + "(a PEtab export needs studies with the same drugs, phenotype and subject; export them separately)"
        case .parameterNotExportable(let name, let reason):
            return "parameter '\(name)' cannot be exported to PEtab: \(reason)"
        }
    }
}
