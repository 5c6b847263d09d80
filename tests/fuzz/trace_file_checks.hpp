// The contract of the readers of `hotline report` and `hotline merge` on
// damaged HDF5 files, shared by the libFuzzer target fuzz_trace_files and
// the regular test suite (tests/test_trace_file_edits.cpp).
//
// A small valid sweep file is written once (the tutorial scenario, two
// policies, two short runs each, through the real writer). An input is a
// list of edits of four bytes each — delete a dataset or an attribute,
// replace a dataset with one of another type, rank or length, declare an
// extent the file does not store, replace an attribute with a value of
// another type, a huge or negative number, NaN, an empty or long text —
// applied with the HDF5 library to a copy of that file. The readers then
// open the copy and read everything merge and report read: the file is
// accepted, or refused with a std::exception; never a crash, a hang,
// memory misuse or an allocation out of proportion to the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hotline::fuzz {

// Writes the valid sweep file at `path` (once per process is enough).
void write_base_sweep_file(const std::string& path, const std::string& scenario_file);

// The datasets and the attributes (of the root and of /scenario) of the
// base file, which edits refer to by index.
struct FileObjects {
  std::vector<std::string> datasets;    // paths
  std::vector<std::string> attributes;  // "object|name", object "/" or "/scenario"
};
[[nodiscard]] FileObjects objects_of(const std::string& path);

// Copies `base` to `work`, applies `edits` (4 bytes each; a trailing
// partial edit is ignored) and runs the readers on it. Throws only what
// the contract allows the caller to ignore: nothing; a reader's
// std::exception is caught here and counted as a refusal. Returns whether
// the readers accepted the file.
bool check_trace_file_edits(std::span<const std::uint8_t> edits, const std::string& base,
                            const FileObjects& objects, const std::string& work);

}  // namespace hotline::fuzz
