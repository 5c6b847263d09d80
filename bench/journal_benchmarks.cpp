// The sweep journal's write path: what rank 0 of an MPI sweep (or the
// writer thread of any sweep) does for each finished run — append its
// record and make it durable. Records per second here bound how many runs
// per second one sweep can take in, however many ranks feed it
// (docs/hpc.md, "How it scales"). sync_every 1 is a sync per record; 16 is
// the group commit a busy writer does when records queue up.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hotline/trace/record_journal.hpp"

namespace {

using hotline::trace::RecordJournal;

void BM_JournalAppend(benchmark::State& state) {
  const auto record_bytes = static_cast<std::size_t>(state.range(0)) * 1024;
  const auto sync_every = static_cast<std::size_t>(state.range(1));
  const std::string path = (std::filesystem::temp_directory_path()
                            / ("hotline-bench-journal-" + std::to_string(getpid())))
                               .string();
  const std::vector<std::byte> identity(4096, std::byte{1});
  const std::vector<std::byte> record(record_bytes, std::byte{7});
  std::optional<RecordJournal> journal(RecordJournal::create(path, identity));
  std::size_t appended = 0;
  for (auto _ : state) {
    journal->append(record);
    if (++appended % sync_every == 0) journal->sync();
    if (appended % 2048 == 0) {  // keep the file to a few hundred MB
      state.PauseTiming();
      journal.reset();
      journal.emplace(RecordJournal::create(path, identity));
      state.ResumeTiming();
    }
  }
  journal.reset();
  std::filesystem::remove(path);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(record_bytes));
}
BENCHMARK(BM_JournalAppend)
    ->ArgNames({"record_kB", "sync_every"})
    ->ArgsProduct({{16, 64, 256}, {1, 16}})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

}  // namespace
