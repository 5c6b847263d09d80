// No allocation inside the step loop after the first step: every operator new
// in this test binary is counted while the counter is armed.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>

#include "hotline/agents/swarm_model.hpp"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};

void* counted_alloc(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) {
  return counted_alloc(size);
}
void* operator new[](std::size_t size) {
  return counted_alloc(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

TEST_CASE("swarm steps after the first allocate nothing", "[allocation]") {
  for (int threads : {1, 2}) {
    hotline::engine::ThreadControl control(threads);
    control.run([] {
      hotline::agents::SwarmConfig config;
      config.agents = 30000;
      hotline::agents::SwarmModel model(config);
      model.step();
      g_allocations = 0;
      g_counting = true;
      for (int s = 0; s < 100; ++s)
        model.step();
      g_counting = false;
      CHECK(g_allocations.load() == 0);
    });
  }
}
