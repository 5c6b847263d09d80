// How fast each CPU of this machine streams through a buffer that fits in
// its own cache, alone and with every CPU busy at once, and how long a cache
// line takes to go from CPU 0 to CPU 1 and back: a health line written next
// to every benchmark result. On shared virtual machines a vCPU
// is sometimes slowed two- or threefold by whatever shares its physical
// core on the host, and then no program scales as it should on that vCPU;
// this line says whether that was so while the benchmarks ran.
// Usage: cpu_balance [BUFFER_KIB (default 1024)]
#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

// Seconds to add 1 to every double of a buffer of `kib` KiB until 4 GB
// have gone through, on the calling thread.
double stream_seconds(std::size_t kib) {
  std::vector<double> buffer(kib * 1024 / sizeof(double), 1.0);
  const long rounds = static_cast<long>(4e9 / static_cast<double>(kib * 1024));
  const auto start = std::chrono::steady_clock::now();
  for (long r = 0; r < rounds; ++r) {
    for (double& v : buffer)
      v += 1.0;
  }
  const auto stop = std::chrono::steady_clock::now();
  if (buffer[0] < 0.0) std::puts("");  // keeps the loop
  return std::chrono::duration<double>(stop - start).count();
}

bool pin_to(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(static_cast<std::size_t>(cpu), &set);
  return sched_setaffinity(0, sizeof(set), &set) == 0;
}

// Nanoseconds for a cache line to go from `a` to `b` and back (a flag
// bounced between two pinned threads), averaged over many trips. Within one
// core complex this is tens of ns; between complexes or sockets, hundreds.
double round_trip_ns(int a, int b) {
  constexpr int kTrips = 100000;
  alignas(64) std::atomic<int> flag{0};
  std::thread other([&] {
    (void)pin_to(b);  // best effort: the trips run either way
    for (int i = 0; i < kTrips; ++i) {
      while (flag.load(std::memory_order_acquire) != 2 * i + 1) {
      }
      flag.store(2 * i + 2, std::memory_order_release);
    }
  });
  (void)pin_to(a);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kTrips; ++i) {
    flag.store(2 * i + 1, std::memory_order_release);
    while (flag.load(std::memory_order_acquire) != 2 * i + 2) {
    }
  }
  const double ns =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count()
      / kTrips;
  other.join();
  return ns;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t kib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1024;
  if (kib == 0) {
    std::fprintf(stderr, "usage: cpu_balance [BUFFER_KIB]\n");
    return 2;
  }
  const int cpus = static_cast<int>(std::thread::hardware_concurrency());
  std::vector<double> alone(static_cast<std::size_t>(cpus));
  for (int c = 0; c < cpus; ++c) {
    std::thread t(
        [&, c] { alone[static_cast<std::size_t>(c)] = pin_to(c) ? stream_seconds(kib) : -1.0; });
    t.join();
  }
  std::vector<double> together(static_cast<std::size_t>(cpus));
  std::vector<std::thread> threads;
  for (int c = 0; c < cpus; ++c) {
    threads.emplace_back(
        [&, c] { together[static_cast<std::size_t>(c)] = pin_to(c) ? stream_seconds(kib) : -1.0; });
  }
  for (auto& t : threads)
    t.join();
  std::printf(
      "cpu_balance: GB/s read + written streaming a %zu KiB buffer, per CPU alone | all CPUs at "
      "once:",
      kib);
  for (int c = 0; c < cpus; ++c) {
    const auto i = static_cast<std::size_t>(c);
    std::printf("  cpu%d %.1f | %.1f", c, 8.0 / alone[i], 8.0 / together[i]);
  }
  if (cpus >= 2) {
    double ns = -1.0;
    std::thread t([&] { ns = round_trip_ns(0, 1); });
    t.join();
    std::printf("  cpu0-cpu1 round trip %.0f ns", ns);
  }
  std::printf("\n");
  return 0;
}
