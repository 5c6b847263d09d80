// libFuzzer target for the decoders of a sweep's journal, its run records
// and its identity (trace_record_checks.hpp states the contract). The first
// byte of an input picks the decoder. With HOTLINE_FUZZ_SEEDS=DIR set, it
// first writes a valid input for each decoder into DIR (run-fuzzer.sh makes
// its seed corpus that way, so the seeds always match this build's layout).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "trace_record_checks.hpp"

namespace {

std::string scratch_path() {
  return "/tmp/hotline_fuzz_trace_records_" + std::to_string(::getpid()) + ".journal";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  if (const char* dir = std::getenv("HOTLINE_FUZZ_SEEDS")) {
    int n = 0;
    for (const auto& seed : hotline::fuzz::trace_record_seeds(scratch_path())) {
      std::ofstream file(std::string(dir) + "/trace_record_seed_" + std::to_string(n++),
                         std::ios::binary);
      file.write(reinterpret_cast<const char*>(seed.data()),
                 static_cast<std::streamsize>(seed.size()));
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = scratch_path();
  try {
    hotline::fuzz::check_trace_record_input(data, size, path);
  } catch (const hotline::fuzz::ContractBroken& e) {
    std::fprintf(stderr, "contract broken: %s\n", e.what());
    std::abort();
  }
  return 0;
}
