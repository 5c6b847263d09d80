// The grid's counting sort: cells in order, ids ascending inside a cell, dead
// agents left out, and the same result at any thread count.
#include <catch2/catch.hpp>
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

TEST_CASE("rebuild sorts alive agents by cell, then id", "[grid]") {
  const WorldBounds bounds{0.0, 0.0, 50.0, 50.0, true};
  // 60000 agents: more than one counting-sort chunk, and two digit passes;
  // 900 agents: one pass. Each with the baseline and the widest SIMD keys.
  const std::size_t count = GENERATE(std::size_t{60000}, std::size_t{900});
  const SimdLevel level = GENERATE(SimdLevel::baseline, SimdLevel::x86_64_v4);
  const SimdLevel previous = force_simd_level(level);
  const AgentStore agents = scattered_agents(count, 50.0);
  UniformGrid grid(bounds, count > 1000 ? 0.1 : 1.0);
  grid.rebuild(agents);
  force_simd_level(previous);

  std::size_t alive = 0;
  for (auto a : agents.alive)
    alive += a;
  REQUIRE(grid.indexed_count() == alive);

  const auto start = grid.cell_start();
  const auto ids = grid.sorted_ids();
  REQUIRE(start.front() == 0);
  REQUIRE(start.back() == alive);
  for (std::uint32_t c = 0; c < grid.cell_count(); ++c) {
    REQUIRE(start[c] <= start[c + 1]);
    for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
      const AgentId id = ids[i];
      REQUIRE(agents.alive[id] == 1);
      REQUIRE(grid.cell_of(agents.x_km[id], agents.y_km[id]) == c);
      REQUIRE(grid.sorted_x_km()[i] == agents.x_km[id]);
      REQUIRE(grid.sorted_y_km()[i] == agents.y_km[id]);
      REQUIRE(grid.sorted_side()[i] == agents.side[id]);
      REQUIRE(grid.sorted_kind()[i] == agents.kind[id]);
      if (i > start[c]) REQUIRE(ids[i - 1] < id);
    }
  }
  CHECK(grid.max_side() == 2);
  CHECK(grid.max_kind() == 4);
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
    UniformGrid grid(WorldBounds{0.0, 0.0, 10.0, 5.0, false}, 1.0);
    grid.rebuild(agents);
    force_simd_level(previous);
    const auto start = grid.cell_start();
    const auto ids = grid.sorted_ids();
    for (std::uint32_t c = 0; c < grid.cell_count(); ++c) {
      for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
        REQUIRE(grid.cell_of(agents.x_km[ids[i]], agents.y_km[ids[i]]) == c);
      }
    }
  }
}

TEST_CASE("rebuild gives the same index at any thread count", "[grid]") {
  const AgentStore agents = scattered_agents(40000, 30.0);
  auto sorted_ids_with = [&](int threads) {
    ThreadControl control(threads);
    return control.run([&] {
      UniformGrid grid(WorldBounds{0.0, 0.0, 30.0, 30.0, false}, 0.5);
      grid.rebuild(agents);
      const auto ids = grid.sorted_ids();
      return std::vector<AgentId>(ids.begin(), ids.end());
    });
  };
  const auto one = sorted_ids_with(1);
  CHECK(sorted_ids_with(2) == one);
  CHECK(sorted_ids_with(5) == one);
}

TEST_CASE("grids of more than 4 million cells sort in three passes", "[grid]") {
  // 2100 x 2100 cells with 40000 agents: 23-bit keys over three chunks.
  const AgentStore agents = scattered_agents(40000, 2100.0);
  UniformGrid grid(WorldBounds{0.0, 0.0, 2100.0, 2100.0, false}, 1.0);
  REQUIRE(grid.cell_count() > (1U << 22));
  grid.rebuild(agents);
  const auto start = grid.cell_start();
  const auto ids = grid.sorted_ids();
  std::uint32_t previous_cell = 0;
  AgentId previous_id = 0;
  for (std::size_t i = 0; i < grid.indexed_count(); ++i) {
    const std::uint32_t cell = grid.cell_of(agents.x_km[ids[i]], agents.y_km[ids[i]]);
    REQUIRE(start[cell] <= i);
    REQUIRE(i < start[cell + 1]);
    REQUIRE((cell > previous_cell || (cell == previous_cell && (i == 0 || ids[i] > previous_id))));
    previous_cell = cell;
    previous_id = ids[i];
  }
}
