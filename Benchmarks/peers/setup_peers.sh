#!/usr/bin/env bash
# Installs what the peer benchmark needs and builds SUNDIALS CVODE at -O2 from Debian's source
# package, plus the C driver. Idempotent: each step is skipped when its product exists.
#
# Why from source: Debian's libsundials binary is compiled without optimisation (-O0) and runs
# 2.5-4x slower than an -O2 build (measured; see ../../Benchmarks/README.md), which would make
# CVODE look worse than it is. Only CVODE and the serial vector / dense matrix / dense linear
# solver it needs are built, as static libraries.
#
# Products (all under Benchmarks/peers/build/, which is gitignored):
#   build/sundials-src/      unpacked Debian source package
#   build/sundials-install/  static CVODE libraries and headers
#   build/cvode_stiff        the C driver
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$here/build"
mkdir -p "$build"

log() { echo "setup_peers: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_update_once() {
    if [ "$apt_updated" -eq 0 ]; then
        log "apt-get update"
        as_root apt-get update -qq
        apt_updated=1
    fi
}

# A deb-src entry for the configured Debian suite, so `apt-get source sundials` works.
ensure_deb_src() {
    if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        return
    fi
    # shellcheck disable=SC1091
    local suite; suite="$(. /etc/os-release && echo "${VERSION_CODENAME}")"
    log "adding a deb-src entry for Debian $suite"
    as_root tee /etc/apt/sources.list.d/receptorsim-deb-src.sources >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=0
}

ensure_tools() {
    local missing=()
    command -v cmake >/dev/null || missing+=(cmake)
    command -v make >/dev/null || missing+=(make)
    command -v cc >/dev/null || missing+=(gcc)
    command -v dpkg-source >/dev/null || missing+=(dpkg-dev)
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_update_once
        log "installing ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

fetch_sundials_source() {
    if [ -f "$build/sundials-src/CMakeLists.txt" ]; then return; fi
    ensure_deb_src
    apt_update_once
    log "fetching Debian source package sundials"
    rm -rf "$build/apt-source" && mkdir -p "$build/apt-source"
    (cd "$build/apt-source" && apt-get source -qq --download-only sundials >/dev/null)
    local dsc; dsc="$(ls "$build"/apt-source/sundials_*.dsc | head -n 1)"
    rm -rf "$build/sundials-src"
    # Unpack with Debian's patches applied, exactly as Debian builds it.
    dpkg-source --no-check -x "$dsc" "$build/sundials-src" >/dev/null
    basename "$dsc" .dsc > "$build/sundials-version.txt"
    rm -rf "$build/apt-source" "$build"/sundials_*.orig.tar.*
}

build_cvode() {
    if [ -f "$build/sundials-install/lib/libsundials_cvode.a" ] \
        || [ -f "$build/sundials-install/lib64/libsundials_cvode.a" ]; then return; fi
    log "building CVODE (static, -O2) from $(cat "$build/sundials-version.txt")"
    rm -rf "$build/sundials-build"
    cmake -S "$build/sundials-src" -B "$build/sundials-build" \
        -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
        -DCMAKE_INSTALL_PREFIX="$build/sundials-install" \
        -DCMAKE_INSTALL_LIBDIR=lib \
        -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIBS=ON \
        -DBUILD_CVODE=ON -DBUILD_CVODES=OFF -DBUILD_ARKODE=OFF \
        -DBUILD_IDA=OFF -DBUILD_IDAS=OFF -DBUILD_KINSOL=OFF \
        -DBUILD_FORTRAN_MODULE_INTERFACE=OFF \
        -DEXAMPLES_ENABLE_C=OFF -DEXAMPLES_ENABLE_CXX=OFF -DEXAMPLES_INSTALL=OFF \
        -DBUILD_TESTING=OFF -DSUNDIALS_BUILD_WITH_MONITORING=OFF \
        -DSUNDIALS_PRECISION=double -DSUNDIALS_INDEX_SIZE=64 >"$build/cmake-configure.log" 2>&1
    cmake --build "$build/sundials-build" -j 2 >"$build/cmake-build.log" 2>&1
    cmake --install "$build/sundials-build" >"$build/cmake-install.log" 2>&1
}

build_driver() {
    local exe="$build/cvode_stiff" src="$here/cvode_stiff.c"
    if [ -x "$exe" ] && [ "$exe" -nt "$src" ]; then return; fi
    log "compiling cvode_stiff.c at -O2"
    local inst="$build/sundials-install"
    # Link every static SUNDIALS library that exists (6.x folds the generic code into each).
    local libs=()
    for l in sundials_cvode sundials_sunlinsoldense sundials_sunmatrixdense \
             sundials_nvecserial sundials_generic; do
        [ -f "$inst/lib/lib$l.a" ] && libs+=("-l$l")
    done
    cc -O2 -std=c99 -Wall -o "$exe" "$src" -I"$inst/include" -L"$inst/lib" "${libs[@]}" -lm
}

ensure_python() {
    if python3 -c 'import numpy, scipy' 2>/dev/null; then
        echo python3 > "$build/python.txt"
        return
    fi
    local venv="$here/.venv"
    if [ ! -x "$venv/bin/python" ]; then
        python3 -c 'import ensurepip' 2>/dev/null || { apt_update_once; as_root apt-get install -y -qq python3-venv >/dev/null; }
        log "creating $venv with numpy and scipy from PyPI"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q numpy scipy
    fi
    echo "$venv/bin/python" > "$build/python.txt"
}

ensure_tools
fetch_sundials_source
build_cvode
build_driver
ensure_python
log "ready: $build/cvode_stiff, python $(cat "$build/python.txt")"
