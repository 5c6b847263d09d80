// Pair finding equals an O(N^2) brute force, on small worlds chosen to hit
// cell borders, the torus seam, collapsed torus axes, bounded edges, mixed
// kinds and sides, dead agents, and crowded cells that span chunks.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "hotline/engine/engine.hpp"

using namespace hotline::engine;

namespace {

std::vector<AgentPair> brute_force(const AgentStore& agents, const WorldBounds& bounds,
                                   const PairRule& rule) {
  std::vector<AgentPair> pairs;
  const std::size_t n = agents.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (agents.alive[i] == 0) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (agents.alive[j] == 0) continue;
      if (!rule.interacts(agents.side[i], agents.side[j])) continue;
      double dx = agents.x_km[j] - agents.x_km[i];
      double dy = agents.y_km[j] - agents.y_km[i];
      if (bounds.torus) {
        dx = nearest_image(dx, bounds.width_km);
        dy = nearest_image(dy, bounds.height_km);
      }
      const double r = rule.range_km(agents.kind[i], agents.kind[j]);
      if (dx * dx + dy * dy < r * r) {
        pairs.push_back({static_cast<AgentId>(i), static_cast<AgentId>(j)});
      }
    }
  }
  return pairs;
}

std::vector<AgentPair> found_pairs(const AgentStore& agents, const WorldBounds& bounds,
                                   const PairRule& rule, double cell_km, int threads) {
  ThreadControl control(threads);
  return control.run([&] {
    AgentStore sorted = agents;  // rebuild reorders the store it is given
    UniformGrid grid(bounds, cell_km);
    grid.rebuild(sorted);
    PairList list;
    PairFinder{}.find(grid, sorted, rule, list);
    std::vector<AgentPair> pairs;
    list.copy_to(pairs);
    return pairs;
  });
}

// Deterministic pseudo-random positions (a tiny LCG: the test must not depend
// on the engine RNG it is not testing).
struct Lcg {
  std::uint64_t state;
  double next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  }
};

AgentStore random_agents(std::size_t n, const WorldBounds& b, std::uint64_t seed, int kinds,
                         int sides) {
  AgentStore agents(n);
  Lcg lcg{seed};
  for (std::size_t i = 0; i < n; ++i) {
    agents.x_km[i] = b.min_x_km + lcg.next() * b.width_km;
    agents.y_km[i] = b.min_y_km + lcg.next() * b.height_km;
    agents.kind[i] = static_cast<std::uint8_t>(i % static_cast<std::size_t>(kinds));
    agents.side[i] = static_cast<std::uint8_t>((i / 3) % static_cast<std::size_t>(sides));
  }
  return agents;
}

// Puts some agents exactly on cell borders, on the seam, and at exactly the
// range from a neighbour (not a pair: the test is strict).
void add_border_cases(AgentStore& agents, const WorldBounds& b, double cell_km, double range_km) {
  const double top = std::nextafter(b.min_x_km + b.width_km, -std::numeric_limits<double>::max());
  const double top_y =
      std::nextafter(b.min_y_km + b.height_km, -std::numeric_limits<double>::max());
  const std::vector<std::pair<double, double>> points = {
      {b.min_x_km, b.min_y_km},
      {top, top_y},
      {top, b.min_y_km},
      {b.min_x_km, top_y},
      {b.min_x_km + cell_km, b.min_y_km + cell_km},
      {b.min_x_km + 2 * cell_km, b.min_y_km + cell_km},
      {b.min_x_km + cell_km, b.min_y_km + 2 * cell_km},
      {b.min_x_km + cell_km + range_km, b.min_y_km + cell_km},  // exactly at range
      {b.min_x_km + 0.5 * range_km, b.min_y_km + 0.25},
      {top - 0.25 * range_km, b.min_y_km + 0.25},  // across the seam from the previous
  };
  std::size_t i = 0;
  for (const auto& [x, y] : points) {
    if (i >= agents.size()) break;
    agents.x_km[i] = x;
    agents.y_km[i] = y;
    ++i;
  }
}

void check_against_brute_force(const AgentStore& agents, const WorldBounds& bounds,
                               const PairRule& rule, double cell_km) {
  auto expected = brute_force(agents, bounds, rule);
  for (int threads : {1, 3}) {
    auto found = found_pairs(agents, bounds, rule, cell_km, threads);
    for (const AgentPair& p : found)
      REQUIRE(p.a < p.b);
    std::sort(found.begin(), found.end());
    REQUIRE(std::adjacent_find(found.begin(), found.end()) == found.end());  // no duplicates
    REQUIRE(found == expected);
  }
}

PairRule two_side_rule(double range_km) {
  PairRule rule(1, 2);
  rule.set_range_km(0, 0, range_km);
  rule.set_interacts(0, 1, true);
  return rule;
}

}  // namespace

TEST_CASE("pairs on a torus equal the brute force", "[pairs]") {
  struct World {
    double width, height;
    const char* what;
  };
  const World worlds[] = {
      {10.0, 10.0, "10 x 10 cells"},
      {3.0, 3.0, "exactly 3 cells per axis"},
      {2.5, 2.5, "axes collapsed to one cell"},
      {7.3, 2.2, "one axis collapsed"},
      {1.5, 9.0, "narrow"},
  };
  for (const World& w : worlds) {
    SECTION(w.what) {
      const WorldBounds bounds{0.0, 0.0, w.width, w.height, true};
      auto agents = random_agents(400, bounds, 17, 1, 2);
      add_border_cases(agents, bounds, 1.0, 1.0);
      check_against_brute_force(agents, bounds, two_side_rule(1.0), 1.0);
    }
  }
}

TEST_CASE("pairs in a bounded world equal the brute force, agents outside included", "[pairs]") {
  const WorldBounds bounds{-5.0, 2.0, 12.0, 8.0, false};
  auto agents = random_agents(500, bounds, 3, 1, 2);
  add_border_cases(agents, bounds, 1.0, 1.0);
  // Some agents beyond every edge of the box.
  for (std::size_t i = 20; i < 60; ++i) {
    agents.x_km[i] = bounds.min_x_km - 3.0 + 0.45 * static_cast<double>(i % 9);
    agents.y_km[i] =
        (i % 2 == 0) ? bounds.min_y_km - 0.3 : bounds.min_y_km + bounds.height_km + 0.2;
  }
  check_against_brute_force(agents, bounds, two_side_rule(1.0), 1.0);
}

TEST_CASE("ranges per kind pair and interactions per side pair are honoured", "[pairs]") {
  const WorldBounds bounds{0.0, 0.0, 20.0, 20.0, true};
  PairRule rule(3, 3);
  rule.set_range_km(0, 0, 2.0);
  rule.set_range_km(0, 1, 1.0);
  rule.set_range_km(1, 1, 0.5);
  rule.set_range_km(1, 2, 1.5);
  rule.set_range_km(2, 2, 0.0);  // kind 2 never meets its own kind
  rule.set_interacts(0, 1, true);
  rule.set_interacts(1, 2, true);
  rule.set_interacts(2, 2, true);
  auto agents = random_agents(1500, bounds, 5, 3, 3);
  add_border_cases(agents, bounds, 2.0, 2.0);
  check_against_brute_force(agents, bounds, rule, rule.max_range_km());
}

// Quiet kinds change what is scanned, never what is found: the pairs and
// their canonical order equal those of the same rule without the flag (whose
// range between the quiet kinds is 0 too), on a torus, in a bounded world,
// and with a crowd of quiet agents packed into a few cells.
TEST_CASE("quiet kinds find the same pairs in the same order", "[pairs]") {
  const auto rule_with = [](bool quiet) {
    PairRule rule(4, 3);
    for (int a = 0; a < 4; ++a) {
      for (int b = 0; b < 4; ++b)
        rule.set_range_km(a, b, 0.5 + 0.25 * ((a + b) % 3));
    }
    rule.set_range_km(2, 2, 0.0);
    rule.set_range_km(2, 3, 0.0);
    rule.set_range_km(3, 3, 0.0);
    if (quiet) {
      rule.set_quiet(2);
      rule.set_quiet(3);
    }
    for (int a = 0; a < 3; ++a) {
      for (int b = 0; b < 3; ++b)
        rule.set_interacts(a, b, a != b || a == 1);
    }
    return rule;
  };
  const PairRule loud = rule_with(false);
  const PairRule quiet = rule_with(true);
  REQUIRE(quiet.quiet(2));
  REQUIRE(quiet.quiet(3));
  REQUIRE_FALSE(quiet.quiet(0));
  CHECK(quiet.quiet_mask() == 0b1100U);
  CHECK_THROWS_AS(rule_with(true).set_range_km(3, 2, 1.0), std::invalid_argument);
  for (const bool torus : {true, false}) {
    const WorldBounds bounds{-5.0, 3.0, 30.0, 24.0, torus};
    auto agents = random_agents(4000, bounds, torus ? 7 : 8, 4, 3);
    add_border_cases(agents, bounds, 1.0, 1.0);
    // A fishing ground: 1,200 agents of the quiet kinds in four cells.
    for (std::size_t i = 100; i < 1300; ++i) {
      agents.kind[i] = static_cast<std::uint8_t>(2 + i % 2);
      agents.x_km[i] = 4.0 + 1.9 * static_cast<double>(i % 37) / 37.0;
      agents.y_km[i] = 10.0 + 1.9 * static_cast<double>(i % 41) / 41.0;
    }
    for (int threads : {1, 3}) {
      const auto expected = found_pairs(agents, bounds, loud, 1.0, threads);
      REQUIRE(expected.size() > 1000);
      CHECK(found_pairs(agents, bounds, quiet, 1.0, threads) == expected);
    }
    check_against_brute_force(agents, bounds, quiet, 1.0);
  }
}

TEST_CASE("dead agents are neither indexed nor paired", "[pairs]") {
  const WorldBounds bounds{0.0, 0.0, 8.0, 8.0, true};
  auto agents = random_agents(300, bounds, 11, 1, 2);
  for (std::size_t i = 0; i < agents.size(); i += 4)
    agents.alive[i] = 0;
  check_against_brute_force(agents, bounds, two_side_rule(1.0), 1.0);
}

TEST_CASE("crowded cells larger than a work chunk are handled", "[pairs]") {
  const WorldBounds bounds{0.0, 0.0, 40.0, 40.0, true};
  auto agents = random_agents(6000, bounds, 23, 1, 2);
  // 3000 agents packed into cell (5, 5), the rest spread out.
  for (std::size_t i = 0; i < 3000; ++i) {
    agents.x_km[i] = 5.0 + 0.999 * static_cast<double>(i % 61) / 61.0;
    agents.y_km[i] = 5.0 + 0.999 * static_cast<double>(i / 61) / 50.0;
  }
  check_against_brute_force(agents, bounds, two_side_rule(1.0), 1.0);
}

TEST_CASE("the canonical pair order does not depend on the thread count", "[pairs]") {
  const WorldBounds bounds{0.0, 0.0, 100.0, 100.0, true};
  const auto agents = random_agents(10000, bounds, 99, 1, 2);
  const auto one = found_pairs(agents, bounds, two_side_rule(1.0), 1.0, 1);
  REQUIRE(one.size() > 5000);
  for (int threads : {2, 3, 8}) {
    CHECK(found_pairs(agents, bounds, two_side_rule(1.0), 1.0, threads) == one);
  }
}

TEST_CASE("a rule the grid cannot serve is refused", "[pairs]") {
  const WorldBounds bounds{0.0, 0.0, 10.0, 10.0, false};
  AgentStore agents(10);
  UniformGrid grid(bounds, 1.0);
  grid.rebuild(agents);
  PairList list;
  CHECK_THROWS_WITH(PairFinder{}.find(grid, agents, two_side_rule(1.5), list),
                    Catch::Contains("exceeds the grid cell size"));
  agents.kind[3] = 2;
  grid.rebuild(agents);
  CHECK_THROWS_WITH(PairFinder{}.find(grid, agents, two_side_rule(1.0), list),
                    Catch::Contains("outside the pair rule"));
  CHECK_THROWS_AS(PairRule(0, 2), std::invalid_argument);
  CHECK_THROWS_AS(PairRule(1, 65), std::invalid_argument);
  PairRule rule(2, 2);
  CHECK_THROWS_AS(rule.set_range_km(0, 1, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(rule.set_range_km(0, 2, 1.0), std::out_of_range);
}
