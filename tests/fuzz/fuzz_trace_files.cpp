// libFuzzer target for the readers of `hotline report` and `hotline merge`
// on damaged HDF5 files (trace_file_checks.hpp states the contract): each
// input is a list of edits applied to a copy of a small valid sweep file
// written at start-up.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "trace_file_checks.hpp"

namespace {

struct Files {
  std::string base;
  std::string work;
  hotline::fuzz::FileObjects objects;
};

const Files& files() {
  static const Files made = [] {
    const std::string stem = "/tmp/hotline_fuzz_trace_files_" + std::to_string(::getpid());
    Files f{stem + "_base.h5", stem + "_work.h5", {}};
    hotline::fuzz::write_base_sweep_file(
        f.base, std::string(HOTLINE_SOURCE_DIR) + "/scenarios/tutorial.yaml");
    f.objects = hotline::fuzz::objects_of(f.base);
    return f;
  }();
  return made;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Files& f = files();
  (void)hotline::fuzz::check_trace_file_edits(std::span<const std::uint8_t>(data, size), f.base,
                                              f.objects, f.work);
  return 0;
}
