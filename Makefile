# Quick start: `make demo` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh), then configure and build with the
# CMake presets in CMakePresets.json.

JOBS ?= $(shell nproc)

.PHONY: demo test test-asan test-mpi test-slurm fuzz bench calibrate validation deps format check-format clean

deps:
	@scripts/install-deps.sh

build/release/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset release

build/dev/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset dev

build/asan/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset asan

build/ci/build.ninja: CMakePresets.json CMakeLists.txt
	@scripts/install-deps.sh --mpi
	cmake --preset ci

# The main job: the policy comparison on the shipped crisis variant of the
# default scenario (scenarios/east_china_sea_crisis.yaml: east_china_sea_2023
# opening in a crisis like December 2025's, 3,098 platforms). A sweep of its
# seven policies × DEMO_REPLICATIONS × DEMO_DAYS (common random numbers),
# sized to finish in a few minutes on 2 cores, its report (printed, and kept
# in build/demo/report.md) and its plots in build/demo/plots/. The baseline
# itself is quiet (a few incidents a year, no clash in its record), so a
# short run of it shows mostly zeros; the crisis gives the policies
# something to act on.
DEMO_SCENARIO ?= scenarios/east_china_sea_crisis.yaml
DEMO_DAYS ?= 60
DEMO_REPLICATIONS ?= 3
DEMO_DIR ?= build/demo
demo: build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target hotline
	build/release/cli/hotline validate $(DEMO_SCENARIO)
	@mkdir -p $(DEMO_DIR)
	@echo "demo: every policy of $(DEMO_SCENARIO) (the East China Sea opening in a crisis like"
	@echo "demo: December 2025's), $(DEMO_REPLICATIONS) replications of $(DEMO_DAYS) days each"
	build/release/cli/hotline sweep $(DEMO_SCENARIO) --days $(DEMO_DAYS) \
	  --replications $(DEMO_REPLICATIONS) --events incidents --force -o $(DEMO_DIR)/sweep.h5
	build/release/cli/hotline report $(DEMO_DIR)/sweep.h5 --plots $(DEMO_DIR)/plots \
	  > $(DEMO_DIR)/report.md
	@cat $(DEMO_DIR)/report.md
	@echo "demo: the sweep is $(DEMO_DIR)/sweep.h5, the report $(DEMO_DIR)/report.md, the plots $(DEMO_DIR)/plots/"

# TEST_PRESET picks the configuration: dev by default; CI passes ci (dev's
# build type with MPI and warnings as errors), so the suite, MPI tests
# included, runs on the build CI has already compiled.
TEST_PRESET ?= dev
test: build/$(TEST_PRESET)/build.ninja
	cmake --build build/$(TEST_PRESET) -j $(JOBS)
	ctest --preset $(TEST_PRESET) -j $(JOBS)

test-asan: build/asan/build.ninja
	cmake --build build/asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# The MPI build (Open MPI from Debian) and its tests: real `mpirun -n 2` and
# `-n 3` sweeps against the one-process file, a rank killed and resumed
# (docs/hpc.md).
test-mpi:
	@scripts/install-deps.sh --mpi
	cmake --preset mpi
	cmake --build build/mpi -j $(JOBS)
	ctest --preset mpi

# A real Slurm on this machine (slurmctld, slurmd and munge from Debian,
# started by the script as root): the array job and the dependent merge job
# of scripts/slurm/, and the MPI batch job, against the one-process sweep.
test-slurm:
	@scripts/install-deps.sh --mpi --slurm
	cmake --preset mpi
	cmake --build build/mpi -j $(JOBS) --target hotline trace_compare
	tests/slurm/run-slurm-test.sh build/mpi

# The libFuzzer targets (clang) — the scenario loader, and the decoders of
# the sweep journal, run records and identities — FUZZ_SECONDS each, from
# their seed corpora (scripts/run-fuzzer.sh).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build build/fuzz -j $(JOBS) --target fuzz_scenario_loader fuzz_trace_records fuzz_trace_files
	scripts/run-fuzzer.sh $(FUZZ_SECONDS)

# Google Benchmark suites plus `hotline bench swarm` at the spec sizes.
bench: build/release/build.ninja
	cmake --build build/release -j $(JOBS)
	bench/run-benchmarks.sh build/release

# The calibration of east_china_sea_2023 (docs/calibration.md): 20 seeds of
# 365 days with every posture held at 0, one run per core; fails if a
# calibrated figure's median is off its target by more than 20%.
CALIBRATION_SEEDS ?= 20
calibrate: build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target hotline
	scripts/calibrate.py --seeds $(CALIBRATION_SEEDS) --jobs $(JOBS) \
	  --csv docs/calibration/east_china_sea_2023-365d-seeds-1-$(CALIBRATION_SEEDS).csv

# docs/validation.md: the model's figures against the published record, from
# the calibration runs' CSV (make calibrate) and runs of taiwan_strait.
validation: build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target hotline
	scripts/validation.py --seeds $(CALIBRATION_SEEDS) --jobs $(JOBS) \
	  --ecs-csv docs/calibration/east_china_sea_2023-365d-seeds-1-$(CALIBRATION_SEEDS).csv \
	  -o docs/validation.md

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

check-format:
	scripts/check-format.sh

clean:
	rm -rf build
