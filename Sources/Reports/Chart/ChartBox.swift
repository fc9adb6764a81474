/// An axis-aligned box in chart coordinates, for placing labels clear of lines and labels.
struct ChartBox: Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    func contains(x: Double, y: Double, margin: Double = 0) -> Bool {
        x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin
    }

    func overlaps(_ other: ChartBox) -> Bool {
        x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
    }

    /// Whether the straight segment crosses the box: the segment is clipped to the box's x
    /// range, and the y range of what remains is compared with the box's.
    func intersects(segment: (x0: Double, y0: Double, x1: Double, y1: Double)) -> Bool {
        let (ax, ay, bx, by) = segment.x0 <= segment.x1
            ? (segment.x0, segment.y0, segment.x1, segment.y1) : (segment.x1, segment.y1, segment.x0, segment.y0)
        guard bx >= x0, ax <= x1 else { return false }
        if bx == ax { return min(ay, by) <= y1 && max(ay, by) >= y0 }
        let slope = (by - ay) / (bx - ax)
        let left = max(ax, x0), right = min(bx, x1)
        let yLeft = ay + slope * (left - ax), yRight = ay + slope * (right - ax)
        return min(yLeft, yRight) <= y1 && max(yLeft, yRight) >= y0
    }
}
