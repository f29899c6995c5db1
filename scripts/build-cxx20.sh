#!/bin/bash
# Build the module, its test runner, tests and examples as C++20 with
# warnings as errors, in build-cxx20/, to catch code that compiles as C++17
# (the standard of Debian's ns-3.37) but not as C++20. Builds only; the
# tests run in the C++17 build of run-all-tests.sh.
#
# ns-3.37's own singleton.h and simulation-singleton.h declare constructors
# as Singleton<T>(), a template-id that C++20 forbids in a constructor or
# destructor declarator and that GCC 12 rejects. When the installed headers
# still do, this script compiles against copies in build-cxx20/compat-include/
# that use the plain class name. It also copies the headers that include
# them by a bare quoted name (des-metrics.h in 3.37), because such an include
# finds the original beside the includer first. Every other ns-3 header is
# used as installed.
set -euo pipefail
source "$(dirname "$0")/common.sh"

NETNS_BUILD_DIR=${NETNS_CXX20_BUILD_DIR:-$NETNS_ROOT/build-cxx20}
netns_ensure_packages "${NETNS_BUILD_PACKAGES[@]}"

compat_dir=$NETNS_BUILD_DIR/compat-include
rm -rf "$compat_dir"
if grep -q 'Singleton<T>(' /usr/include/ns3/singleton.h /usr/include/ns3/simulation-singleton.h; then
  mkdir -p "$compat_dir/ns3"
  for header in singleton.h simulation-singleton.h \
      $(grep -l -E '^#include "(simulation-)?singleton\.h"' /usr/include/ns3/*.h | xargs -r -n 1 basename); do
    # Bare quoted includes would find the originals beside the copy's source: point them at ns3/.
    sed -e 's/Singleton<T>(/Singleton(/g' -e 's|^#include "\([^/"]*\)"|#include "ns3/\1"|' \
      "/usr/include/ns3/$header" >"$compat_dir/ns3/$header"
    echo "Compiling against a C++20-compatible copy of ns3/$header"
  done
fi
compat_flags=""
[ -d "$compat_dir" ] && compat_flags="-I$compat_dir"

netns_build -DNETNS_CXX_STANDARD=20 -DCMAKE_CXX_FLAGS="$compat_flags"
echo "C++20 build with -Werror passed in $NETNS_BUILD_DIR"
