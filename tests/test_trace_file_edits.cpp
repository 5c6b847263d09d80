// The readers of report and merge on damaged HDF5 files: every single edit
// of every dataset and attribute of a small valid sweep file (and a few
// pairs), applied with the HDF5 library, is read or refused with an
// exception: never a crash, memory misuse (the asan build runs this too) or
// an allocation out of proportion to the file. The fuzz target
// fuzz_trace_files explores combinations (trace_file_checks.hpp).
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "fuzz/trace_file_checks.hpp"

TEST_CASE("every single edit of a sweep file is read or refused cleanly", "[trace][fuzz]") {
  const std::string stem = "/tmp/hotline_test_trace_edits_" + std::to_string(::getpid());
  const std::string base = stem + "_base.h5";
  const std::string work = stem + "_work.h5";
  hotline::fuzz::write_base_sweep_file(
      base, std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml");
  const hotline::fuzz::FileObjects objects = hotline::fuzz::objects_of(base);
  REQUIRE(objects.datasets.size() > 10);
  REQUIRE(objects.attributes.size() > 10);
  // The untouched file reads.
  CHECK(hotline::fuzz::check_trace_file_edits({}, base, objects, work));
  int accepted = 0;
  int refused = 0;
  const auto try_edit = [&](std::array<std::uint8_t, 4> edit) {
    if (hotline::fuzz::check_trace_file_edits(edit, base, objects, work)) {
      ++accepted;
    } else {
      ++refused;
    }
  };
  for (std::uint8_t target = 0; target < objects.datasets.size(); ++target) {
    try_edit({0, target, 0, 0});
    // Types int8 and float64; lengths 0, 20 million and 2^40 rows.
    for (const std::uint8_t type : {std::uint8_t{0}, std::uint8_t{2}}) {
      for (const std::uint8_t length : {std::uint8_t{0}, std::uint8_t{5}, std::uint8_t{6}}) {
        try_edit({1, target, type, length});
        try_edit({2, target, type, length});
      }
    }
    for (const std::uint8_t length : {std::uint8_t{0}, std::uint8_t{5}, std::uint8_t{6}})
      try_edit({3, target, 0, length});
  }
  for (std::uint8_t target = 0; target < objects.attributes.size(); ++target) {
    try_edit({4, target, 0, 0});
    // Integers 0, -1 and 2^40; an empty and a 70,000-character text; NaN, -1.
    for (const std::uint8_t value : {std::uint8_t{0}, std::uint8_t{1}, std::uint8_t{3}})
      try_edit({5, target, value, 0});
    for (const std::uint8_t value : {std::uint8_t{0}, std::uint8_t{2}})
      try_edit({6, target, value, 0});
    for (const std::uint8_t value : {std::uint8_t{1}, std::uint8_t{3}})
      try_edit({7, target, value, 0});
  }
  // Both outcomes happen: edits that matter are refused, harmless ones read.
  INFO(accepted << " accepted, " << refused << " refused");
  CHECK(refused > 100);
  CHECK(accepted > 10);
  std::remove(base.c_str());
  std::remove(work.c_str());
}
