/// The kinds of names a scenario refers to, for "unknown ..." messages.
public enum NameCategory: String, Sendable, Equatable {
    case drug
    case route
    case phenotype
    case cyp2d6 = "CYP2D6 phenotype"
    case eventKind = "event kind"
    case parameter
    case column
    case solverMethod = "solver method"
    /// A receptor a drug definition binds (`bindings.mu`).
    case receptor
    /// A binding's `class` in a drug definition.
    case efficacyClass = "binding class"

    /// What follows the suggestion in an "unknown ..." message: the valid names of a short,
    /// closed list (routes, phenotypes, event kinds, methods), or where to look up a drug.
    package func hint(valid: [String]) -> String {
        switch self {
        case .drug: return " (see 'receptor-sim drugs' for the library)"
        case .route: return UnknownName.listing("routes", valid)
        case .phenotype: return UnknownName.listing("phenotypes", valid)
        case .cyp2d6: return UnknownName.listing("CYP2D6 phenotypes", valid)
        case .eventKind: return UnknownName.listing("event kinds", valid)
        case .solverMethod: return UnknownName.listing("methods", valid)
        case .receptor: return UnknownName.listing("receptors", valid)
        case .efficacyClass: return UnknownName.listing("classes", valid)
        case .parameter, .column: return ""
        }
    }
}
