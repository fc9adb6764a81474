#!/usr/bin/env bash
# Runs the peer solvers on the stiff test set and prints one CSV on stdout:
#   problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error
# Peers: SUNDIALS CVODE (BDF, dense LU; `cvode` analytic Jacobian, `cvode-dq` CVODE's own
# difference quotients), built at -O2 from Debian's source package, and SciPy solve_ivp
# (`scipy-bdf`, `scipy-radau`, `scipy-lsoda`, analytic Jacobians).
# The first run installs and builds what is needed (setup_peers.sh); later runs reuse it.
#
# Usage: Benchmarks/peers/run_peers.sh [--problem rober|hires|vdpol|pollu] [--rtol X]
#            [--method cvode|cvode-dq|scipy-bdf|scipy-radau|scipy-lsoda|scipy]
#            [--skip-tight-pure-python] [--verbose]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
    sed -n '/^# Usage:/,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0" >&2
    exit 2
}

common=() c_args=() py_args=() method="" verbose=0
while [ $# -gt 0 ]; do
    case "$1" in
        --problem|--rtol)
            [ $# -ge 2 ] || usage
            common+=("$1" "$2"); shift 2 ;;
        --method)
            [ $# -ge 2 ] || usage
            method="$2"; shift 2 ;;
        --skip-tight-pure-python) py_args+=("$1"); shift ;;
        --verbose) verbose=1; c_args+=("$1"); py_args+=("$1"); shift ;;
        -h|--help) usage ;;
        *) echo "run_peers: unknown option '$1'" >&2; usage ;;
    esac
done

run_c=1 run_py=1
case "$method" in
    "") ;;
    cvode|cvode-dq) run_py=0; c_args+=(--method "$method") ;;
    scipy) run_c=0 ;;
    scipy-bdf|scipy-radau|scipy-lsoda) run_c=0; py_args+=(--method "$method") ;;
    *) echo "run_peers: unknown method '$method'" >&2; usage ;;
esac

if [ "$verbose" -eq 1 ]; then "$here/setup_peers.sh"; else "$here/setup_peers.sh" 2>/dev/null; fi
python="$(cat "$here/build/python.txt")"

echo "problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error"
if [ "$run_c" -eq 1 ]; then
    "$here/build/cvode_stiff" --no-header "${common[@]}" "${c_args[@]}"
fi
if [ "$run_py" -eq 1 ]; then
    "$python" "$here/scipy_stiff.py" --no-header "${common[@]}" "${py_args[@]}"
fi
