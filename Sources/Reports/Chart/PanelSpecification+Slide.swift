extension PanelSpecification {
    /// Panels for a slide drawn from its highlighted columns alone: one per quantity (columns
    /// with the same `ColumnDescription` axis label share one), titled and labelled with the
    /// quantity's meaning and unit.
    ///
    /// - Throws: `ReportsError.noPlottableColumns` when `columns` is empty.
    package static func slidePanels(columns: [String], logarithmicConcentrations: Bool = false) throws -> [PanelSpecification] {
        guard !columns.isEmpty else { throw ReportsError.noPlottableColumns }
        var groups: [(label: String, columns: [String])] = []
        for name in columns {
            let label = ColumnDescription(column: name).axisLabel
            if let index = groups.firstIndex(where: { $0.label == label }) {
                if !groups[index].columns.contains(name) { groups[index].columns.append(name) }
            } else {
                groups.append((label, [name]))
            }
        }
        return groups.map { group in
            var panel = PanelSpecification(
                columns: group.columns, unit: ColumnUnit(columnName: group.columns[0]),
                logarithmicConcentrations: logarithmicConcentrations)
            panel.title = group.columns.count == 1 ? ColumnDescription(column: group.columns[0]).title : panel.title
            return panel
        }
    }
}
