/// Placeholder: this module is being built (see ARCHITECTURE.md).
enum ReportsModule {}
