// The grid's counting sort: cells in order, ids ascending inside a cell, dead
// agents left out, and the same result at any thread count.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "hotline/engine/engine.hpp"

using namespace hotline::engine;

namespace {

AgentStore scattered_agents(std::size_t n, double side_km) {
  AgentStore agents(n);
  std::uint64_t s = 42;
  for (std::size_t i = 0; i < n; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    agents.x_km[i] = static_cast<double>(s >> 11) * 0x1.0p-53 * side_km;
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    agents.y_km[i] = static_cast<double>(s >> 11) * 0x1.0p-53 * side_km;
    agents.side[i] = static_cast<std::uint8_t>(i % 3);
    agents.kind[i] = static_cast<std::uint8_t>(i % 5);
    agents.alive[i] = i % 7 == 3 ? 0 : 1;
  }
  return agents;
}

}  // namespace

TEST_CASE("cells are numbered row-major and clamp at the edges", "[grid]") {
  const UniformGrid grid(WorldBounds{10.0, -5.0, 8.0, 4.0, false}, 1.0);
  REQUIRE(grid.cols() == 8);
  REQUIRE(grid.rows() == 4);
  CHECK(grid.cell_of(10.0, -5.0) == 0);
  CHECK(grid.cell_of(11.0, -5.0) == 1);  // exactly on a border: the upper cell
  CHECK(grid.cell_of(10.999, -4.0) == 8);
  CHECK(grid.cell_of(17.999, -1.001) == 31);
  CHECK(grid.cell_of(-100.0, -100.0) == 0);  // outside the box: nearest edge cell
  CHECK(grid.cell_of(100.0, 100.0) == 31);
  CHECK(grid.cell_of(std::nan(""), std::nan("")) == 0);
}

TEST_CASE("a torus axis too short for three cells collapses to one", "[grid]") {
  const UniformGrid narrow(WorldBounds{0.0, 0.0, 2.9, 10.0, true}, 1.0);
  CHECK(narrow.cols() == 1);
  CHECK(narrow.rows() == 10);
  const UniformGrid bounded(WorldBounds{0.0, 0.0, 2.9, 10.0, false}, 1.0);
  CHECK(bounded.cols() == 2);
}

TEST_CASE("bad geometry is refused", "[grid]") {
  CHECK_THROWS_AS(UniformGrid(WorldBounds{0, 0, 0.0, 1.0, false}, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(UniformGrid(WorldBounds{0, 0, 1.0, 1.0, false}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(UniformGrid(WorldBounds{0, 0, 1e9, 1e9, false}, 1e-3), std::invalid_argument);
}

namespace {

// Checks that `sorted` is `original` reordered by (cell, id) with the dead
// agents last, every agent's values travelling with it, and that cell_start
// describes it.
void check_sorted_store(const UniformGrid& grid, const AgentStore& original,
                        const AgentStore& sorted) {
  REQUIRE(sorted.size() == original.size());
  std::size_t alive = 0;
  for (auto a : original.alive)
    alive += a;
  REQUIRE(grid.indexed_count() == alive);

  std::vector<bool> seen(original.size(), false);
  for (std::size_t s = 0; s < sorted.size(); ++s) {
    const AgentId id = sorted.id[s];
    REQUIRE(id < original.size());
    REQUIRE_FALSE(seen[id]);
    seen[id] = true;
    REQUIRE(sorted.x_km[s] == original.x_km[id]);
    REQUIRE(sorted.y_km[s] == original.y_km[id]);
    REQUIRE(sorted.heading_rad[s] == original.heading_rad[id]);
    REQUIRE(sorted.speed_km_s[s] == original.speed_km_s[id]);
    REQUIRE(sorted.side[s] == original.side[id]);
    REQUIRE(sorted.kind[s] == original.kind[id]);
    REQUIRE(sorted.alive[s] == original.alive[id]);
    REQUIRE((sorted.alive[s] != 0) == (s < alive));
    REQUIRE(sorted.slot_of(id) == s);
  }

  const auto start = grid.cell_start();
  REQUIRE(start.front() == 0);
  REQUIRE(start.back() == alive);
  for (std::uint32_t c = 0; c < grid.cell_count(); ++c) {
    REQUIRE(start[c] <= start[c + 1]);
    for (std::uint32_t s = start[c]; s < start[c + 1]; ++s) {
      REQUIRE(grid.cell_of(sorted.x_km[s], sorted.y_km[s]) == c);
      if (s > start[c]) REQUIRE(sorted.id[s - 1] < sorted.id[s]);
    }
  }
}

// The same agents (built-in columns) with slot = id: what a sort from
// scratch starts from.
AgentStore in_id_order(const AgentStore& agents) {
  AgentStore by_id = agents;
  for (std::size_t s = 0; s < agents.size(); ++s) {
    const AgentId id = agents.id[s];
    by_id.x_km[id] = agents.x_km[s];
    by_id.y_km[id] = agents.y_km[s];
    by_id.heading_rad[id] = agents.heading_rad[s];
    by_id.speed_km_s[id] = agents.speed_km_s[s];
    by_id.side[id] = agents.side[s];
    by_id.kind[id] = agents.kind[s];
    by_id.alive[id] = agents.alive[s];
    by_id.id[id] = id;
  }
  return by_id;
}

}  // namespace

TEST_CASE("rebuild sorts the store by cell, then id, dead agents last", "[grid]") {
  const WorldBounds bounds{0.0, 0.0, 50.0, 50.0, true};
  // 60000 agents: more than one counting-sort chunk, and two digit passes;
  // 900 agents: one pass. Each with the baseline and the widest SIMD keys.
  const std::size_t count = GENERATE(std::size_t{60000}, std::size_t{900});
  const SimdLevel level = GENERATE(SimdLevel::baseline, SimdLevel::x86_64_v4);
  const SimdLevel previous = force_simd_level(level);
  const AgentStore original = scattered_agents(count, 50.0);
  AgentStore agents = original;
  UniformGrid grid(bounds, count > 1000 ? 0.1 : 1.0);
  grid.rebuild(agents);
  force_simd_level(previous);
  check_sorted_store(grid, original, agents);
  CHECK(grid.max_side() == 2);
  CHECK(grid.max_kind() == 4);

  SECTION("a second rebuild after moving everyone gives the order of a fresh sort") {
    for (std::size_t s = 0; s < agents.size(); ++s) {
      agents.x_km[s] = std::fmod(agents.x_km[s] + 7.3 + 0.001 * agents.id[s], 50.0);
      agents.y_km[s] = std::fmod(agents.y_km[s] + 0.25, 50.0);
    }
    // The same agents, in id order, sorted from scratch.
    AgentStore fresh = original;
    for (std::size_t s = 0; s < agents.size(); ++s) {
      fresh.x_km[agents.id[s]] = agents.x_km[s];
      fresh.y_km[agents.id[s]] = agents.y_km[s];
    }
    const AgentStore moved_by_id = fresh;
    grid.rebuild(agents);
    UniformGrid fresh_grid(bounds, count > 1000 ? 0.1 : 1.0);
    fresh_grid.rebuild(fresh);
    check_sorted_store(grid, moved_by_id, agents);
    CHECK(agents.id == fresh.id);
  }
}

TEST_CASE("model columns travel with their agents", "[grid]") {
  AgentStore agents = scattered_agents(5000, 20.0);
  std::vector<std::uint64_t>& tag = agents.add_column<std::uint64_t>();
  for (std::size_t s = 0; s < agents.size(); ++s)
    tag[s] = 1000003ULL * agents.id[s];
  UniformGrid grid(WorldBounds{0.0, 0.0, 20.0, 20.0, false}, 0.5);
  grid.rebuild(agents);
  std::size_t moved = 0;
  for (std::size_t s = 0; s < agents.size(); ++s) {
    REQUIRE(tag[s] == 1000003ULL * agents.id[s]);
    moved += agents.id[s] != s ? std::size_t{1} : std::size_t{0};
  }
  CHECK(moved > 4000);
  const AgentStore copy = agents;  // copies carry model columns too
  grid.rebuild(agents);
  CHECK(agents.id == copy.id);
}

TEST_CASE("rebuild gives the same order at any thread count", "[grid]") {
  const AgentStore original = scattered_agents(40000, 30.0);
  auto order_with = [&](int threads) {
    ThreadControl control(threads);
    return control.run([&] {
      AgentStore agents = original;
      UniformGrid grid(WorldBounds{0.0, 0.0, 30.0, 30.0, false}, 0.5);
      grid.rebuild(agents);
      return agents.id;
    });
  };
  const auto one = order_with(1);
  CHECK(order_with(2) == one);
  CHECK(order_with(5) == one);
}

TEST_CASE("grids of more than 4 million cells sort in three passes", "[grid]") {
  // 2100 x 2100 cells with 40000 agents: 23-bit keys over three chunks.
  const AgentStore original = scattered_agents(40000, 2100.0);
  AgentStore agents = original;
  UniformGrid grid(WorldBounds{0.0, 0.0, 2100.0, 2100.0, false}, 1.0);
  REQUIRE(grid.cell_count() > (1U << 22));
  grid.rebuild(agents);
  check_sorted_store(grid, original, agents);
}

TEST_CASE("positions on cell borders and outside the box get cell_of's cell", "[grid]") {
  // The sort computes keys with a vectorized copy of cell_of's arithmetic;
  // both must agree on borders, edges, and positions far outside the box.
  for (const SimdLevel level : {SimdLevel::baseline, SimdLevel::x86_64_v4}) {
    const SimdLevel previous = force_simd_level(level);
    AgentStore agents(0);
    for (double x = -3.0; x <= 13.0; x += 0.25) {
      for (double y = -2.0; y <= 7.0; y += 0.5) {
        agents.resize(agents.size() + 1);
        agents.x_km.back() = x;
        agents.y_km.back() = y;
      }
    }
    const AgentStore original = agents;
    UniformGrid grid(WorldBounds{0.0, 0.0, 10.0, 5.0, false}, 1.0);
    grid.rebuild(agents);
    force_simd_level(previous);
    check_sorted_store(grid, original, agents);
  }
}

TEST_CASE("small moves re-sort incrementally to exactly the full sort's order", "[grid]") {
  const WorldBounds bounds{0.0, 0.0, 60.0, 60.0, true};
  // Up to 65536 agents the store is reordered range by range inside the
  // merge; beyond, column by column after it: both are covered.
  const std::size_t count = GENERATE(std::size_t{100000}, std::size_t{50000}, std::size_t{3000});
  AgentStore agents = scattered_agents(count, 60.0);
  UniformGrid grid(bounds, 0.5);
  grid.rebuild(agents);
  CHECK_FALSE(grid.last_rebuild_was_incremental());  // the first sort is full
  for (int step = 0; step < 5; ++step) {
    // Everyone moves 0.02 (a few percent change cell); some die, some revive.
    for (std::size_t s = 0; s < agents.size(); ++s) {
      const double angle = 0.37 * agents.id[s] + step;
      agents.x_km[s] = nearest_image(agents.x_km[s] + 0.02 * std::cos(angle), 60.0);
      agents.y_km[s] = nearest_image(agents.y_km[s] + 0.02 * std::sin(angle), 60.0);
      agents.x_km[s] = agents.x_km[s] < 0 ? agents.x_km[s] + 60.0 : agents.x_km[s];
      agents.y_km[s] = agents.y_km[s] < 0 ? agents.y_km[s] + 60.0 : agents.y_km[s];
      if ((agents.id[s] + static_cast<std::uint32_t>(step)) % 97 == 0) agents.alive[s] ^= 1U;
    }
    const AgentStore by_id = in_id_order(agents);  // to be sorted from scratch
    AgentStore fresh = by_id;
    grid.rebuild(agents);
    CHECK(grid.last_rebuild_was_incremental());
    UniformGrid fresh_grid(bounds, 0.5);
    fresh_grid.rebuild(fresh);
    check_sorted_store(grid, by_id, agents);
    REQUIRE(agents.id == fresh.id);
  }
}

TEST_CASE("a store reordered behind the grid's back is still sorted correctly", "[grid]") {
  AgentStore agents = scattered_agents(20000, 40.0);
  const AgentStore original = agents;
  UniformGrid grid(WorldBounds{0.0, 0.0, 40.0, 40.0, false}, 2.0);
  grid.rebuild(agents);
  std::vector<std::uint32_t> order(agents.size());
  for (std::uint32_t s = 0; s < order.size(); ++s)
    order[s] = s;

  SECTION("agents swapped between cells are movers, merged back incrementally") {
    std::swap(order[10], order[15000]);
    agents.permute(order);
    grid.rebuild(agents);
    CHECK(grid.last_rebuild_was_incremental());
  }
  SECTION("agents swapped inside a cell break the stayers' order: full sort") {
    const auto start = grid.cell_start();
    std::uint32_t cell = 0;
    while (start[cell + 1] - start[cell] < 2)
      ++cell;
    std::swap(order[start[cell]], order[start[cell] + 1]);
    agents.permute(order);
    grid.rebuild(agents);
    CHECK_FALSE(grid.last_rebuild_was_incremental());
  }
  check_sorted_store(grid, original, agents);
}

TEST_CASE("a chunk with more movers than its room falls back to the full sort", "[grid]") {
  // 20000 agents make chunks of 1024 slots, each with room for 272 movers;
  // 400 movers in the first chunk (2% of the store, well under the global
  // limit) overflow it. The order must still be the full sort's.
  AgentStore agents = scattered_agents(20000, 40.0);
  UniformGrid grid(WorldBounds{0.0, 0.0, 40.0, 40.0, false}, 2.0);
  grid.rebuild(agents);
  for (std::size_t s = 0; s < 400; ++s) {
    agents.x_km[s] = std::fmod(agents.x_km[s] + 20.0, 40.0);
    agents.alive[s] = 1;
  }
  AgentStore by_id = in_id_order(agents);
  grid.rebuild(agents);
  CHECK_FALSE(grid.last_rebuild_was_incremental());
  check_sorted_store(grid, by_id, agents);

  SECTION("the same movers spread over the chunks are merged incrementally") {
    for (std::size_t k = 0; k < 400; ++k) {
      const std::size_t s = k * 50;
      agents.x_km[s] = std::fmod(agents.x_km[s] + 20.0, 40.0);
      by_id.x_km[agents.id[s]] = agents.x_km[s];
    }
    grid.rebuild(agents);
    CHECK(grid.last_rebuild_was_incremental());
    check_sorted_store(grid, by_id, agents);
  }
}

TEST_CASE("a store reordered range by range equals one reordered at once", "[grid]") {
  AgentStore agents = scattered_agents(3000, 10.0);
  std::vector<double>& tag = agents.add_column<double>();
  for (std::size_t s = 0; s < agents.size(); ++s)
    tag[s] = 0.5 * static_cast<double>(s);
  (void)agents.slot_of(0);  // from now on the store keeps slot_of up to date
  std::vector<std::uint32_t> order(agents.size());
  for (std::uint32_t s = 0; s < order.size(); ++s)
    order[s] = static_cast<std::uint32_t>((s * 1237U + 11U) % 3000U);  // 1237 is prime to 3000
  AgentStore at_once = agents;
  at_once.permute(order);

  // Ranges of uneven sizes, gathered last first.
  agents.begin_reorder();
  const std::size_t cuts[] = {0, 1, 700, 701, 2999, 3000};
  for (std::size_t k = std::size(cuts) - 1; k-- > 0;)
    agents.gather_range(order, cuts[k], cuts[k + 1]);
  agents.end_reorder();
  CHECK(agents.id == at_once.id);
  CHECK(agents.x_km == at_once.x_km);
  CHECK(agents.alive == at_once.alive);
  for (std::size_t s = 0; s < agents.size(); ++s) {
    REQUIRE(tag[s] == 0.5 * static_cast<double>(order[s]));
    REQUIRE(agents.slot_of(agents.id[s]) == s);
    REQUIRE(at_once.slot_of(at_once.id[s]) == s);
  }
}

TEST_CASE("a nearly sorted store indexes exactly as a sorted one, step after step", "[grid]") {
  // Two copies of the same agents: one grid sorts its store every rebuild,
  // the other keeps it nearly sorted. Their sorted views, cell starts and
  // pairs must be identical every step, while the second store is reordered
  // only now and then, and every agent's model column and slot_of stay
  // right.
  const WorldBounds bounds{0.0, 0.0, 60.0, 60.0, false};
  const std::size_t count = GENERATE(std::size_t{5000}, std::size_t{700});
  AgentStore sorted_store = scattered_agents(count, 60.0);
  AgentStore nearly = sorted_store;
  std::vector<double>& tag = nearly.add_column<double>();
  for (std::size_t s = 0; s < nearly.size(); ++s)
    tag[s] = 3.0 * nearly.id[s];
  UniformGrid sorted_grid(bounds, 1.5);
  UniformGrid nearly_grid(bounds, 1.5, StoreOrder::nearly_sorted);
  PairRule rule(5, 3);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 5; ++b)
      rule.set_range_km(a, b, 0.5 + 0.1 * (a + b));
  rule.set_interacts(0, 1, true);
  rule.set_interacts(1, 2, true);
  rule.set_interacts(2, 2, true);
  PairFinder finder;
  PairList sorted_pairs;
  PairList nearly_pairs;
  std::vector<AgentPair> expected;
  std::vector<AgentPair> got;
  int reorders = 0;
  int incremental = 0;
  for (int step = 0; step < 40; ++step) {
    sorted_grid.rebuild(sorted_store);
    nearly_grid.rebuild(nearly);
    reorders += nearly_grid.last_rebuild_reordered_store() ? 1 : 0;
    incremental += nearly_grid.last_rebuild_was_incremental() ? 1 : 0;
    REQUIRE(nearly_grid.indexed_count() == sorted_grid.indexed_count());
    REQUIRE(nearly_grid.max_side() == sorted_grid.max_side());
    REQUIRE(nearly_grid.max_kind() == sorted_grid.max_kind());
    const auto starts = nearly_grid.cell_start();
    const auto expected_starts = sorted_grid.cell_start();
    REQUIRE(std::equal(starts.begin(), starts.end(), expected_starts.begin()));
    const SortedAgents view = nearly_grid.sorted_agents(nearly);
    const auto slots = nearly_grid.sorted_slots();
    REQUIRE(slots.size() == count);
    for (std::size_t p = 0; p < count; ++p) {
      REQUIRE(view.id[p] == sorted_store.id[p]);
      REQUIRE(view.x_km[p] == sorted_store.x_km[p]);
      REQUIRE(view.y_km[p] == sorted_store.y_km[p]);
      REQUIRE(view.side[p] == sorted_store.side[p]);
      REQUIRE(view.kind[p] == sorted_store.kind[p]);
      REQUIRE(nearly.id[slots[p]] == view.id[p]);
      REQUIRE(nearly.slot_of(view.id[p]) == slots[p]);
      REQUIRE(tag[slots[p]] == 3.0 * view.id[p]);
    }
    finder.find(sorted_grid, sorted_store, rule, sorted_pairs);
    finder.find(nearly_grid, nearly, rule, nearly_pairs);
    sorted_pairs.copy_to(expected);
    nearly_pairs.copy_to(got);
    REQUIRE(got == expected);
    // Everyone drifts; one in 40 jumps across the world; some die or revive.
    auto move = [step](AgentStore& agents) {
      for (std::size_t s = 0; s < agents.size(); ++s) {
        const AgentId id = agents.id[s];
        const double angle = 0.37 * id + step;
        const bool jump = (id + static_cast<std::uint32_t>(step)) % 40 == 0;
        agents.x_km[s] =
            std::fmod(agents.x_km[s] + (jump ? 29.0 : 0.05 * std::cos(angle)) + 60.0, 60.0);
        agents.y_km[s] = std::fmod(agents.y_km[s] + 0.05 * std::sin(angle) + 60.0, 60.0);
        if ((id + static_cast<std::uint32_t>(step)) % 97 == 0) agents.alive[s] ^= 1U;
      }
    };
    move(sorted_store);
    move(nearly);
  }
  CHECK(incremental >= 30);
  CHECK(reorders >= 2);
  CHECK(reorders <= 30);
}
