# Quick start: `make demo` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh), then configure and build with the
# CMake presets in CMakePresets.json.

JOBS ?= $(shell nproc)

.PHONY: demo test test-asan fuzz bench calibrate deps format check-format clean

deps:
	@scripts/install-deps.sh

build/release/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset release

build/dev/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset dev

build/asan/build.ninja: CMakePresets.json CMakeLists.txt | deps
	cmake --preset asan

# The main job on the shipped default scenario. Until the sweep and the
# report exist (issues 6 and 7), it is one 30-day replication of
# east_china_sea_2023 and its summary.
demo: build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target hotline
	build/release/cli/hotline validate scenarios/east_china_sea_2023.yaml
	build/release/cli/hotline run scenarios/east_china_sea_2023.yaml --days 30

test: build/dev/build.ninja
	cmake --build build/dev -j $(JOBS)
	ctest --preset dev -j $(JOBS)

test-asan: build/asan/build.ninja
	cmake --build build/asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# The libFuzzer targets (clang) — the scenario loader, and the decoders of
# the sweep journal, run records and identities — FUZZ_SECONDS each, from
# their seed corpora (scripts/run-fuzzer.sh).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build build/fuzz -j $(JOBS) --target fuzz_scenario_loader fuzz_trace_records
	scripts/run-fuzzer.sh $(FUZZ_SECONDS)

# Google Benchmark suites plus `hotline bench swarm` at the spec sizes.
bench: build/release/build.ninja
	cmake --build build/release -j $(JOBS)
	bench/run-benchmarks.sh build/release

# The calibration of east_china_sea_2023 (docs/calibration.md): 20 seeds of
# 365 days, one run per core; fails if a calibrated figure's median is off
# its target by more than 20%.
CALIBRATION_SEEDS ?= 20
calibrate: build/release/build.ninja
	cmake --build build/release -j $(JOBS) --target hotline
	scripts/calibrate.py --seeds $(CALIBRATION_SEEDS) --jobs $(JOBS) \
	  --csv docs/calibration/east_china_sea_2023-365d-seeds-1-$(CALIBRATION_SEEDS).csv

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

check-format:
	scripts/check-format.sh

clean:
	rm -rf build
