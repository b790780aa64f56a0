# SPDX-License-Identifier: MIT
# Shared by scripts/demo and scripts/test: find the repository and install what is missing.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the Debian packages among "$@" that are not installed yet (the scripts run as root on
# a fresh Debian 12 machine; elsewhere they say what to install and stop).
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: need root to install ${missing[*]} (apt-get install ${missing[*]})" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building and testing the library needs.
BUILD_PACKAGES=(cmake make g++ python3 libboost1.81-dev doctest-dev libcurl4-openssl-dev libssl-dev zlib1g-dev)
TEST_PACKAGES=("${BUILD_PACKAGES[@]}" clang libclang-rt-14-dev clang-format pkg-config curl valgrind openssl nginx-light libbenchmark-dev nlohmann-json3-dev libsimdjson-dev python3-yaml)
