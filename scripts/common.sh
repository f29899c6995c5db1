# Shared steps of the run scripts: check the machine, install what is
# missing with apt-get, configure and build. Sourced, not executed.

NETNS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NETNS_BUILD_DIR=${NETNS_BUILD_DIR:-$NETNS_ROOT/build}

# Packages every build needs.
NETNS_BUILD_PACKAGES=(cmake make g++ libns3-dev ns3 libgsl-dev libboost-test-dev
                      pybind11-dev python3-dev python3-pybind11)
# Packages the tests need on top.
NETNS_TEST_PACKAGES=(tshark python3-pytest python3-dpkt python3-numpy python3-matplotlib)

# Print the packages of the arguments that dpkg does not list as installed.
netns_missing_packages() {
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
      echo "$package"
    fi
  done
}

# Install missing packages as root, or name them and fail when not root.
netns_ensure_packages() {
  local missing
  missing=$(netns_missing_packages "$@" | tr '\n' ' ')
  missing=${missing% }
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing Debian packages: $missing" >&2
    echo "Install them as root with: apt-get install $missing" >&2
    echo "or run this script as root, which installs them itself." >&2
    exit 1
  fi
  echo "Installing missing packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  # An update is needed on fresh machines whose package lists are empty.
  apt-get update -q || { echo "error: apt-get update failed" >&2; exit 1; }
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing ||
    { echo "error: apt-get install $missing failed" >&2; exit 1; }
}

# Configure and build the module, its tests and examples.
netns_build() {
  cmake -S "$NETNS_ROOT" -B "$NETNS_BUILD_DIR" -DNETNS_WERROR=ON "$@" >/dev/null ||
    { echo "error: cmake configure failed in $NETNS_BUILD_DIR" >&2; exit 1; }
  cmake --build "$NETNS_BUILD_DIR" -j"$(nproc)" ||
    { echo "error: build failed in $NETNS_BUILD_DIR" >&2; exit 1; }
}
