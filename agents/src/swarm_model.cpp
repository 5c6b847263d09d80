#include "hotline/agents/swarm_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "hotline/agents/draw_purposes.hpp"
#include "hotline/engine/fixed_chunks.hpp"

namespace hotline::agents {

namespace {

using engine::AgentId;
using engine::Phase;

// Fixed chunk of agents for the move phase (determinism: see fixed_chunks.hpp).
constexpr std::size_t kMoveChunk = 4096;
// Agents or pairs per call of a batch kernel: small enough for the scratch
// arrays to live on the stack and in L1.
constexpr std::size_t kBatch = 512;

constexpr double kTwoPi = 2.0 * std::numbers::pi;

// Wraps a coordinate that moved by less than one period back into [0, period).
// The second test catches -tiny + period rounding up to exactly period.
double wrap_once(double v, double period) {
  // Selects, not branches, so that the loops using it vectorize.
  v = v < 0.0 ? v + period : v;
  return v >= period ? v - period : v;
}

double checked_side(const SwarmConfig& config) {
  auto positive = [](double v) { return std::isfinite(v) && v > 0.0; };
  if (config.agents < 1) throw std::invalid_argument("swarm: agents must be >= 1");
  if (!positive(config.density)) throw std::invalid_argument("swarm: density must be > 0");
  if (!positive(config.encounter_range)) {
    throw std::invalid_argument("swarm: encounter range must be > 0");
  }
  if (!std::isfinite(config.step_length) || config.step_length < 0.0) {
    throw std::invalid_argument("swarm: step length must be >= 0");
  }
  if (!std::isfinite(config.max_turn_rad) || config.max_turn_rad < 0.0
      || config.max_turn_rad > std::numbers::pi) {
    throw std::invalid_argument("swarm: max turn must be in [0, pi]");
  }
  if (!(config.incident_probability >= 0.0 && config.incident_probability <= 1.0)) {
    throw std::invalid_argument("swarm: incident probability must be in [0, 1]");
  }
  const double side = std::sqrt(static_cast<double>(config.agents) / config.density);
  if (config.step_length >= side) {
    throw std::invalid_argument("swarm: step length must be shorter than the world side");
  }
  return side;
}

}  // namespace

std::uint32_t swarm_spec_steps(std::uint64_t agents) {
  if (agents <= 10000) return 1000;
  if (agents <= 100000) return 100;
  return 20;
}

SwarmModel::SwarmModel(const SwarmConfig& config)
    : config_(config),
      side_(checked_side(config)),
      rng_(config.seed, config.replication),
      agents_(config.agents),
      grid_(engine::WorldBounds{0.0, 0.0, side_, side_, true}, config.encounter_range),
      rule_(1, 2) {
  rule_.set_range_km(0, 0, config.encounter_range);
  rule_.set_interacts(0, 1, true);

  engine::for_each_chunk(
      agents_.size(), kMoveChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          const auto id = static_cast<AgentId>(i);
          const auto w = rng_.words(0, id, 0, draw::swarm_initial_state);
          const auto h = rng_.words(0, id, 1, draw::swarm_initial_state);
          agents_.x_km[i] =
              wrap_once(engine::CounterRng::to_unit_interval(w[0], w[1]) * side_, side_);
          agents_.y_km[i] =
              wrap_once(engine::CounterRng::to_unit_interval(w[2], w[3]) * side_, side_);
          agents_.heading_rad[i] = engine::CounterRng::to_unit_interval(h[0], h[1]) * kTwoPi;
          agents_.speed_km_s[i] = config_.step_length;  // one step = one second
          agents_.side[i] = static_cast<std::uint8_t>(i % 2);
        }
      });
  // The initial state includes its spatial index: sorting the store by cell
  // once here (a full sort; agents start scattered at random) means each step
  // then re-sorts only the few agents that changed cell.
  grid_.set_incremental_resort(config.incremental_resort);
  grid_.rebuild(agents_);
}

double SwarmModel::expected_encounters_per_step() const {
  const double even = std::ceil(config_.agents / 2.0);
  const double odd = std::floor(config_.agents / 2.0);
  const double r = config_.encounter_range;
  return even * odd * std::numbers::pi * r * r / (side_ * side_);
}

void SwarmModel::step() {
  ++step_;
  {
    auto timer = timers_.measure(Phase::move);
    move();
  }
  {
    auto timer = timers_.measure(Phase::index);
    grid_.rebuild(agents_);
  }
  {
    auto timer = timers_.measure(Phase::sense);
    finder_.find(grid_, agents_, rule_, encounters_);
  }
  {
    auto timer = timers_.measure(Phase::resolve);
    resolve();
  }
  {
    auto timer = timers_.measure(Phase::record);
    total_encounters_ += encounters_.size();
    total_incidents_ += incidents_.size();
  }
}

// Synchronous update: each agent's new state depends only on its own previous
// state and its own draw, so agents can move in any order. Work goes in
// batches of kBatch agents through the engine's vectorized kernels.
void SwarmModel::move() {
  const double side = side_;
  const double max_turn = config_.max_turn_rad;
  const std::uint32_t step = step_;
  engine::for_each_chunk(
      agents_.size(), kMoveChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
        alignas(64) std::array<double, kBatch> turn_draw;
        alignas(64) std::array<double, kBatch> sin_h;
        alignas(64) std::array<double, kBatch> cos_h;
        double* x = agents_.x_km.data();
        double* y = agents_.y_km.data();
        double* heading = agents_.heading_rad.data();
        const double* speed = agents_.speed_km_s.data();
        for (std::size_t first = begin; first < end; first += kBatch) {
          const std::size_t count = std::min(kBatch, end - first);
          engine::uniform_batch(rng_, step, agents_.id.data() + first, count, 0, draw::swarm_turn,
                                turn_draw.data());
          for (std::size_t k = 0; k < count; ++k) {
            double h = heading[first + k] + (2.0 * turn_draw[k] - 1.0) * max_turn;
            h = h < 0.0 ? h + kTwoPi : h;
            h = h >= kTwoPi ? h - kTwoPi : h;
            heading[first + k] = h;
          }
          engine::sin_cos_batch(heading + first, count, sin_h.data(), cos_h.data());
          double* __restrict xs = x + first;
          double* __restrict ys = y + first;
          const double* __restrict v = speed + first;
          for (std::size_t k = 0; k < count; ++k) {
            xs[k] = wrap_once(xs[k] + v[k] * cos_h[k], side);
            ys[k] = wrap_once(ys[k] + v[k] * sin_h[k], side);
          }
        }
      });
}

// Each encounter draws its own incident keyed by (step, a, b), so which thread
// draws it cannot matter; incidents are merged in chunk order and then sorted
// into (a, b) order before anything is recorded.
void SwarmModel::resolve() {
  const std::size_t chunks = encounters_.chunk_count();
  if (incidents_by_chunk_.size() < chunks) {
    const std::size_t old = incidents_by_chunk_.size();
    incidents_by_chunk_.resize(chunks);
    for (std::size_t k = old; k < chunks; ++k)
      incidents_by_chunk_[k].reserve(16);
  }
  const double p = config_.incident_probability;
  const std::uint32_t step = step_;
  engine::for_each_chunk(chunks, 1, [&](std::size_t k, std::size_t, std::size_t) {
    std::vector<engine::AgentPair>& hits = incidents_by_chunk_[k];
    hits.clear();
    alignas(64) std::array<double, kBatch> draw;
    const auto pairs = encounters_.chunk(k);
    for (std::size_t first = 0; first < pairs.size(); first += kBatch) {
      const std::size_t count = std::min(kBatch, pairs.size() - first);
      engine::uniform_pair_batch(rng_, step, pairs.data() + first, count, draw::swarm_incident,
                                 draw.data());
      for (std::size_t j = 0; j < count; ++j) {
        if (draw[j] < p) hits.push_back(pairs[first + j]);
      }
    }
  });
  incidents_.clear();
  for (std::size_t k = 0; k < chunks; ++k) {
    const auto& hits = incidents_by_chunk_[k];
    incidents_.insert(incidents_.end(), hits.begin(), hits.end());
    if (hits.size() * 2 > hits.capacity()) incidents_by_chunk_[k].reserve(hits.size() * 4 + 16);
  }
  std::sort(incidents_.begin(), incidents_.end());
  if (incidents_.size() * 2 > incidents_.capacity()) incidents_.reserve(incidents_.size() * 4 + 64);
}

}  // namespace hotline::agents
