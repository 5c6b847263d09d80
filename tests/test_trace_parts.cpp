// The engine's pieces under the trace files: the writer thread keeps order,
// applies back-pressure and never loses an error; the journal keeps every
// synced record and cuts a torn one; the grid's shards tile it.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "hotline/engine/run_grid.hpp"
#include "hotline/trace/background_writer.hpp"
#include "hotline/trace/record_journal.hpp"

using namespace hotline::engine;
namespace trace = hotline::trace;

namespace {

std::string temporary_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("hotline_test_" + name)).string();
}

std::vector<std::byte> bytes_of(const std::string& text) {
  std::vector<std::byte> out;
  for (const char c : text)
    out.push_back(static_cast<std::byte>(c));
  return out;
}

}  // namespace

TEST_CASE("the background writer runs jobs in order on one thread", "[trace][writer]") {
  trace::BackgroundWriter writer(1024);
  std::vector<int> order;
  std::set<std::thread::id> threads;
  for (int i = 0; i < 1000; ++i) {
    writer.submit(100, [&, i] {
      order.push_back(i);
      threads.insert(std::this_thread::get_id());
    });
  }
  writer.finish();
  REQUIRE(order.size() == 1000);
  for (int i = 0; i < 1000; ++i)
    CHECK(order[static_cast<std::size_t>(i)] == i);
  CHECK(threads.size() == 1);
  CHECK(threads.count(std::this_thread::get_id()) == 0);
  // 1000 jobs of 100 bytes through a 1024-byte queue: never more than fits.
  CHECK(writer.peak_queued_bytes() <= 1024);
}

TEST_CASE("the background writer counts the time its jobs take", "[trace][writer]") {
  trace::BackgroundWriter writer;
  for (int i = 0; i < 3; ++i)
    writer.submit(1, [] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); });
  writer.finish();
  // Three sleeps of 20 ms; the upper bound only guards against counting
  // the idle wait between jobs.
  CHECK(writer.seconds_busy() >= 0.060);
  CHECK(writer.seconds_busy() < 5.0);
  CHECK(writer.seconds_waited() == 0.0);
}

TEST_CASE("the background writer rethrows the first error and drops later jobs",
          "[trace][writer]") {
  trace::BackgroundWriter writer;
  std::atomic<int> ran{0};
  // The first job holds the writer until all three are queued: otherwise the
  // failing job may run first and the third submit rethrow its error.
  std::promise<void> queued;
  std::shared_future<void> all_queued = queued.get_future().share();
  writer.submit(1, [&ran, all_queued] {
    all_queued.wait();
    ++ran;
  });
  writer.submit(1, [] { throw std::runtime_error("disk full"); });
  writer.submit(1, [&] { ++ran; });
  queued.set_value();
  CHECK_THROWS_WITH(writer.drain(), "disk full");
  CHECK_THROWS_WITH(writer.submit(1, [&] { ++ran; }), "disk full");
  CHECK_THROWS_WITH(writer.finish(), "disk full");
  CHECK(ran == 1);
}

TEST_CASE("a journal keeps its records and cuts a torn last one", "[trace][journal]") {
  const std::string path = temporary_path("journal.bin");
  {
    trace::RecordJournal journal = trace::RecordJournal::create(path, bytes_of("identity"));
    for (std::size_t i = 0; i < 5; ++i)
      journal.append(bytes_of("record " + std::to_string(i) + std::string(100 * i, 'x')));
    journal.close();
  }
  const auto full_size = std::filesystem::file_size(path);
  {
    trace::RecordJournal journal = trace::RecordJournal::open(path);
    CHECK(journal.identity() == bytes_of("identity"));
    REQUIRE(journal.size() == 5);
    CHECK(journal.read(3) == bytes_of("record 3" + std::string(300, 'x')));
    CHECK(journal.truncated_bytes() == 0);
  }
  // A write cut short by kill -9: the last frame loses its tail.
  std::filesystem::resize_file(path, full_size - 50);
  {
    trace::RecordJournal journal = trace::RecordJournal::open(path);
    CHECK(journal.size() == 4);
    CHECK(journal.truncated_bytes() == 12 + 8 + 400 - 50);
    journal.append(bytes_of("after"));
    journal.close();
  }
  {
    trace::RecordJournal journal = trace::RecordJournal::open(path);
    REQUIRE(journal.size() == 5);
    CHECK(journal.read(4) == bytes_of("after"));
  }
  // A flipped byte inside a record: that record and everything after it
  // go (they cannot be trusted), the ones before stay.
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) - 120));
    file.put('!');
  }
  CHECK(trace::RecordJournal::open(path).size() < 5);
  // Not a journal at all.
  {
    std::ofstream file(path, std::ios::trunc);
    file << "hello";
  }
  CHECK_THROWS_WITH(trace::RecordJournal::open(path), path + ": not a Hotline journal");
  std::remove(path.c_str());
}

TEST_CASE("a grid's shards tile it, each in canonical order, whole replications first",
          "[trace][grid]") {
  const RunGrid grid(1, 7, 10);
  for (std::uint32_t n : {1U, 2U, 3U, 5U, 7U, 70U}) {
    std::set<std::uint64_t> seen;
    for (std::uint32_t i = 1; i <= n; ++i) {
      const std::vector<RunKey> shard = grid.shard(i, n);
      for (std::size_t k = 0; k < shard.size(); ++k) {
        CHECK(seen.insert(grid.canonical_index(shard[k])).second);
        if (k > 0) CHECK(grid.canonical_index(shard[k - 1]) < grid.canonical_index(shard[k]));
      }
    }
    CHECK(seen.size() == grid.size());
  }
  // 5 shards of 10 replications: two whole replications (every policy) each.
  const std::vector<RunKey> second = grid.shard(2, 5);
  REQUIRE(second.size() == 14);
  for (const RunKey key : second)
    CHECK((key.replication == 2 || key.replication == 3));
  CHECK_THROWS(grid.shard(0, 3));
  CHECK_THROWS(grid.shard(4, 3));
  CHECK(grid.canonical_key(grid.canonical_index({3, 7})) == RunKey{3, 7});
}

TEST_CASE("a design's grid is point-major and its shards hold whole replications",
          "[trace][grid]") {
  const RunGrid grid(4, 3, 5);  // 4 points, 3 policies, 5 replications
  CHECK(grid.size() == 60);
  for (std::uint64_t i = 0; i < grid.size(); ++i)
    CHECK(grid.canonical_index(grid.canonical_key(i)) == i);
  CHECK(grid.canonical_key(0) == RunKey{0, 0, 0});
  CHECK(grid.canonical_key(1) == RunKey{0, 1, 0});
  CHECK(grid.canonical_key(5) == RunKey{1, 0, 0});
  CHECK(grid.canonical_key(15) == RunKey{0, 0, 1});
  CHECK(grid.canonical_key(59) == RunKey{2, 4, 3});
  // 5 shards: one replication each, every point and policy of it.
  for (std::uint32_t i = 1; i <= 5; ++i) {
    const std::vector<RunKey> shard = grid.shard(i, 5);
    REQUIRE(shard.size() == 12);
    for (std::size_t k = 0; k < shard.size(); ++k) {
      CHECK(shard[k].replication == i - 1);
      if (k > 0) CHECK(grid.canonical_index(shard[k - 1]) < grid.canonical_index(shard[k]));
    }
  }
}
