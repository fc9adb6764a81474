/// A method's named slices of a solve's workspace, taken from one `WorkspaceAllocator` for a
/// system of dimension n (`AdaptiveStepper.Layout`).
@usableFromInline
protocol StepperLayout {
    init(dimension n: Int, allocator: inout WorkspaceAllocator)
}
