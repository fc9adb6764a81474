import Foundation

extension PEtabExporter {
    /// A number of a PEtab table, rounded to 15 significant digits (DBL_DIG) and printed as
    /// Swift prints a Double: a bound computed as 1.39 / 10 prints 0.139, not
    /// 0.13899999999999998. A number of up to 15 digits, as a study file or `-p` gives it, reads
    /// back exactly (every such decimal survives the round trip through a Double); nothing reads
    /// these tables back but PEtab tools, for which 15 digits are the double's precision.
    static func tableNumber(_ value: Double) -> String {
        precondition(value.isFinite, "non-finite values are rejected before the export")
        if value == 0 { return "0" }
        return "\(Double(String(format: "%.15g", value))!)"
    }
}
