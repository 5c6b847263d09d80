// The decoders of what a sweep leaves on disk, on damaged input: every
// truncation and bit flip of a valid journal, run record and identity is
// accepted or rejected with an exception, never a crash, and what is
// accepted survives a round trip (the contract of fuzz/trace_record_checks,
// which the fuzz_trace_records target explores further). And a run
// record's bytes depend on its values only, not on a struct's padding.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <string>

#include "fuzz/trace_record_checks.hpp"
#include "hotline/trace/rows.hpp"
#include "hotline/trace/run_record.hpp"

namespace {

// Scratch space that does not wear a disk: fdatasync is free on tmpfs.
std::string scratch_journal() {
  const std::filesystem::path shm("/dev/shm");
  std::error_code error;
  const auto dir =
      std::filesystem::is_directory(shm, error) ? shm : std::filesystem::temp_directory_path();
  return (dir / "hotline_test_trace_decoders.journal").string();
}

// Fields cover the struct: sorted by offset they do not overlap, and no gap
// between them could hold a forgotten member of the next one's size.
void check_fields_cover(const std::vector<hotline::trace::hdf5::Field>& fields,
                        std::size_t struct_size) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // offset, bytes
  for (const auto& f : fields)
    spans.emplace_back(f.offset, hotline::trace::hdf5::field_bytes(f));
  std::sort(spans.begin(), spans.end());
  std::size_t end = 0;
  for (const auto& [offset, bytes] : spans) {
    INFO("field at offset " << offset);
    CHECK(offset >= end);
    CHECK(offset - end < bytes);  // padding only: less than the field's alignment
    end = offset + bytes;
  }
  CHECK(struct_size - end < 8);
}

}  // namespace

TEST_CASE("damaged journals, run records and identities are rejected cleanly", "[trace][fuzz]") {
  const std::string scratch = scratch_journal();
  const auto seeds = hotline::fuzz::trace_record_seeds(scratch);
  REQUIRE(seeds.size() == 3);
  std::size_t inputs = 0;
  for (const auto& seed : seeds) {
    INFO("decoder " << int(seed[0]) << ", seed of " << seed.size() << " bytes");
    hotline::fuzz::check_trace_record_input(seed.data(), seed.size(), scratch);
    for (std::size_t n = 0; n < seed.size(); ++n) {
      INFO("cut to " << n << " bytes");
      hotline::fuzz::check_trace_record_input(seed.data(), n, scratch);
      ++inputs;
    }
    for (std::size_t at = 1; at < seed.size(); ++at) {
      auto flipped = seed;
      flipped[at] ^= static_cast<std::uint8_t>(1U << (at % 8));
      INFO("bit " << at % 8 << " of byte " << at << " flipped");
      hotline::fuzz::check_trace_record_input(flipped.data(), flipped.size(), scratch);
      ++inputs;
    }
  }
  CHECK(inputs > 1000);
  std::filesystem::remove(scratch);
}

TEST_CASE("a run record's bytes hold every column and zeros for padding", "[trace]") {
  using namespace hotline;
  check_fields_cover(trace::summary_fields(), sizeof(trace::SummaryRow));
  check_fields_cover(trace::dyad_fields(), sizeof(trace::DyadRow));
  check_fields_cover(trace::presence_fields(), sizeof(trace::PresenceRow));
  check_fields_cover(trace::event_fields(), sizeof(trace::EventRow));

  // Two records equal in every value, their structs' padding filled
  // differently: b is all ones, then given a's value in every column.
  trace::RunRecord a;
  a.summary.policy = 1;
  a.summary.stopped_at_clash = 1;
  a.summary.platforms = 9;
  a.events.resize(3);
  for (std::size_t e = 0; e < 3; ++e) {
    a.events[e].step = static_cast<std::uint32_t>(e);
    a.events[e].type = 2;
    a.events[e].severity = 1;
    a.events[e].x_km = 1.5;
  }
  trace::RunRecord b;
  b.events.resize(3);
  const auto copy_columns = [](const void* from, void* to, std::size_t size, const auto& fields) {
    std::memset(to, 0xff, size);
    for (const auto& f : fields) {
      std::memcpy(static_cast<char*>(to) + f.offset, static_cast<const char*>(from) + f.offset,
                  hotline::trace::hdf5::field_bytes(f));
    }
  };
  copy_columns(&a.summary, &b.summary, sizeof(trace::SummaryRow), trace::summary_fields());
  for (std::size_t e = 0; e < 3; ++e)
    copy_columns(&a.events[e], &b.events[e], sizeof(trace::EventRow), trace::event_fields());
  CHECK(trace::encode_run_record(a) == trace::encode_run_record(b));
  const trace::RunRecord back = trace::decode_run_record(trace::encode_run_record(b));
  CHECK(back.summary.platforms == 9);
  CHECK(back.events[2].step == 2);
  CHECK(back.events[1].x_km == 1.5);
}
