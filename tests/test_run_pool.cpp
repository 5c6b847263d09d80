// RunPool: jobs run on exactly the pool's threads while the submitting
// thread stays free, a waiter wakes when a job finishes, and a job that
// throws is not lost.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>
#include <thread>

#include "hotline/engine/run_pool.hpp"

using hotline::engine::RunPool;

TEST_CASE("RunPool runs every job on its own threads, never on the submitter's", "[engine][pool]") {
  const int threads = 3;
  RunPool pool(threads);
  std::atomic<int> running{0};
  std::atomic<int> most_at_once{0};
  std::atomic<int> done{0};
  std::mutex ids_mutex;
  std::set<std::thread::id> ids;
  const std::thread::id submitter = std::this_thread::get_id();
  constexpr int kJobs = 24;
  for (int j = 0; j < kJobs; ++j) {
    pool.submit([&] {
      const int now = running.fetch_add(1) + 1;
      int seen = most_at_once.load();
      while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
      }
      {
        const std::lock_guard lock(ids_mutex);
        ids.insert(std::this_thread::get_id());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      running.fetch_sub(1);
      done.fetch_add(1);
    });
  }
  // The submitter is free while the jobs run: it sees them unfinished.
  CHECK(pool.unfinished() > 0);
  pool.wait_all();
  CHECK(done.load() == kJobs);
  CHECK(pool.unfinished() == 0);
  CHECK(ids.count(submitter) == 0);
  // 24 jobs of 20 ms on 3 threads: three at once, never more (which of
  // oneTBB's pooled threads serve the pool may change over time).
  CHECK(most_at_once.load() == threads);
  CHECK(ids.size() >= static_cast<std::size_t>(threads));
  CHECK_FALSE(pool.first_error());
}

TEST_CASE("RunPool wakes a waiter when a job finishes and keeps a job's exception",
          "[engine][pool]") {
  RunPool pool(1);
  std::atomic<bool> release{false};
  pool.submit([&] {
    while (!release.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  // Nothing finishes: the wait ends by its timeout.
  const auto start = std::chrono::steady_clock::now();
  pool.wait_for_a_finish(std::chrono::milliseconds(30));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(30));
  CHECK(pool.unfinished() == 1);
  release.store(true);
  pool.wait_for_a_finish(std::chrono::seconds(30));
  CHECK(pool.unfinished() == 0);

  pool.submit([] { throw std::runtime_error("run 7 broke"); });
  pool.submit([] { throw std::runtime_error("run 8 broke too"); });
  pool.wait_all();
  const std::exception_ptr error = pool.first_error();
  REQUIRE(error);
  try {
    std::rethrow_exception(error);
  } catch (const std::runtime_error& e) {
    // The first to fail, whichever oneTBB started first.
    const std::string what = e.what();
    CHECK((what == "run 7 broke" || what == "run 8 broke too"));
  }
  CHECK_THROWS_AS(RunPool(0), std::invalid_argument);
}

TEST_CASE("RunPool destroys a job's captures before it reports the job finished",
          "[engine][pool]") {
  // A job's captures (a run's scenario, its record buffers) must not outlive
  // the finish a waiter sees: the waiter may then free what they point to,
  // or the process may exit while oneTBB still holds them.
  RunPool pool(2);
  auto token = std::make_shared<int>(7);
  for (int j = 0; j < 16; ++j) {
    pool.submit([token] { std::this_thread::sleep_for(std::chrono::milliseconds(2)); });
  }
  pool.wait_all();
  CHECK(token.use_count() == 1);

  // The finishes above are seen; the next wait is for the next job alone.
  pool.wait_for_a_finish(std::chrono::microseconds(0));
  pool.submit([token] {});
  pool.wait_for_a_finish(std::chrono::seconds(30));
  CHECK(pool.unfinished() == 0);
  CHECK(token.use_count() == 1);
}
