extension LUFactorization {
    /// Fill-reducing symmetric ordering for the sparse path, computed once from the pattern of
    /// the first matrix (minimum degree on the pattern of A + Aᵀ, ties to the lower index) and
    /// stored as a sequence of interchanges in `swaps` (position k exchanged with swaps[k], in
    /// order k = 0..<n, like LAPACK pivots). In the natural state order of the receptor model
    /// the feedback states that couple to every receptor state come early and fill L and U to
    /// almost half of the matrix; ordered, the factors stay close to the Jacobian's own
    /// pattern. `scratch` (n·n + n Ints) is overwritten. O(n³) once per solve.
    @inlinable
    static func minimumDegreeOrdering(
        _ matrix: UnsafePointer<Double>, dimension n: Int, swaps: UnsafeMutablePointer<Int>,
        scratch: UnsafeMutablePointer<Int>
    ) {
        let adjacent = scratch, eliminated = scratch + n * n
        for i in 0..<n {
            eliminated[i] = 0
            for j in 0..<n {
                adjacent[i * n + j] = (i != j && (matrix[j * n + i] != 0 || matrix[i * n + j] != 0)) ? 1 : 0
            }
        }
        // swaps doubles as the elimination order until it is converted below.
        for step in 0..<n {
            var best = -1, bestDegree = Int.max
            for v in 0..<n where eliminated[v] == 0 {
                var degree = 0
                for w in 0..<n where eliminated[w] == 0 { degree += adjacent[v * n + w] }
                if degree < bestDegree { bestDegree = degree; best = v }
            }
            eliminated[best] = 1
            swaps[step] = best
            // Eliminating best joins its remaining neighbours into a clique (the fill it makes).
            for a in 0..<n where eliminated[a] == 0 && adjacent[best * n + a] != 0 {
                for b in 0..<n where b != a && eliminated[b] == 0 && adjacent[best * n + b] != 0 {
                    adjacent[a * n + b] = 1
                }
            }
        }
        // Order → interchanges: position k receives the state order[k].
        let current = adjacent, whereIs = adjacent + n
        for i in 0..<n { current[i] = i; whereIs[i] = i }
        for k in 0..<n {
            let wanted = swaps[k]
            let position = whereIs[wanted]
            swaps[k] = position
            let displaced = current[k]
            current[k] = wanted; whereIs[wanted] = k
            current[position] = displaced; whereIs[displaced] = position
        }
    }
}
