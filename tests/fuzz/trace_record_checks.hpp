// The contract of the decoders of what a sweep leaves on disk — the journal
// (trace::RecordJournal), a run record in it (trace::decode_run_record) and
// the identity in its header (trace::TraceIdentity::decode) — checked on any
// bytes: each input is accepted or rejected with an exception derived from
// std::exception (what `hotline sweep --resume` and `hotline merge` catch
// and report), never a crash, a hang or memory misuse; and what is accepted
// survives a round trip.
//
// Shared by the libFuzzer target (fuzz_trace_records.cpp) and the regular
// test suite, which runs the seeds and every truncation and bit flip of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace hotline::fuzz {

// A broken contract: the fuzz target aborts on it, the test fails.
class ContractBroken : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Which decoder an input is for: its first byte, modulo 3.
enum class TraceDecoder : std::uint8_t { journal = 0, run_record = 1, identity = 2 };

// Valid inputs for each decoder (first byte the decoder), built by the
// encoders of this build: a journal of two records, a record with rows of
// every table, a sweep's identity. The journal is made at `scratch_path`.
[[nodiscard]] std::vector<std::vector<std::uint8_t>> trace_record_seeds(
    const std::string& scratch_path);

// Checks one input. Journals are written to `scratch_path` (a file this
// call may replace and leaves behind). Throws ContractBroken.
void check_trace_record_input(const std::uint8_t* data, std::size_t size,
                              const std::string& scratch_path);

}  // namespace hotline::fuzz
