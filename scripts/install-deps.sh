#!/usr/bin/env bash
# Installs the Debian (bookworm) packages Hotline builds and tests with, only
# those that are missing. Runs apt-get update first when something must be
# installed. Needs root (or sudo) for the install itself.
#   --fuzz   also clang with libFuzzer and the sanitizer runtimes (`make fuzz`)
#   --mpi    also Open MPI (`make test-mpi`, the mpi and ci presets)
#   --slurm  also Slurm and munge (`make test-slurm`)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libtbb-dev libyaml-cpp-dev libhdf5-dev libbenchmark-dev catch2
  librandom123-dev libcli11-dev libfmt-dev libboost-dev
  libgeographiclib-dev
  python3-h5py python3-pandas python3-numpy python3-matplotlib hdf5-tools
  clang-format
  chromium chromium-driver python3-selenium python3-pil
)
for option in "$@"; do
  case "$option" in
    --fuzz) packages+=(clang libclang-rt-14-dev llvm) ;;
    --mpi) packages+=(libopenmpi-dev openmpi-bin) ;;
    --slurm) packages+=(slurm-wlm munge) ;;
    *) echo "install-deps: unknown option $option" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
