#include "hotline/agents/hotline_exchange.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "hotline/agents/draw_purposes.hpp"
#include "random_draws.hpp"

namespace hotline::agents {

HotlineExchange::HotlineExchange(const HotlinePolicy& policy, std::vector<std::size_t> line_dyads,
                                 std::vector<std::uint32_t> relays_per_dyad,
                                 const engine::CounterRng& rng)
    : policy_(policy),
      relays_per_dyad_(std::move(relays_per_dyad)),
      rng_(rng),
      counts_(relays_per_dyad_.size()) {
  if (!(policy_.retry_interval_s > 0.0)) {
    throw std::invalid_argument("hotline: the retry interval must be > 0");
  }
  if (policy_.answer_delay.size() != line_dyads.size()) {
    throw std::invalid_argument("hotline: one answer delay per line");
  }
  for (std::size_t k = 0; k < line_dyads.size(); ++k) {
    if (line_dyads[k] >= counts_.size()) {
      throw std::invalid_argument("hotline: a line of an unknown dyad");
    }
    if (!(policy_.answer_delay[k].median_s > 0.0)) {
      throw std::invalid_argument("hotline: the median answer delay must be > 0");
    }
    Line line;
    line.dyad = line_dyads[k];
    line.delay = policy_.answer_delay[k];
    lines_.push_back(line);
  }
}

std::size_t HotlineExchange::call(std::size_t dyad, double time_s) {
  std::size_t placed = 0;
  for (Line& line : lines_) {
    if (line.dyad != dyad || line.state != State::idle) continue;
    line.state = State::dialling;
    line.serial = next_serial_++;
    line.attempt = 0;
    line.placed_s = time_s;
    line.event_s = time_s;
    ++counts_[dyad].calls;
    ++placed;
  }
  return placed;
}

double HotlineExchange::next_event_s() const {
  double next = std::numeric_limits<double>::infinity();
  for (const Line& line : lines_) {
    if (line.state != State::idle && line.event_s < next) next = line.event_s;
  }
  return next;
}

std::optional<Connection> HotlineExchange::process_next(std::span<const int> levels) {
  Line* line = nullptr;
  for (Line& candidate : lines_) {
    if (candidate.state == State::idle) continue;
    if (line == nullptr || candidate.event_s < line->event_s) line = &candidate;
  }
  if (line == nullptr) return std::nullopt;
  HotlineCounts& counts = counts_[line->dyad];
  const double now = line->event_s;
  if (line->state == State::answered) {
    line->state = State::idle;
    const bool relayed = line->attempt > policy_.max_retries;
    ++counts.connected;
    if (relayed) ++counts.relayed;
    counts.connect_delays_s.push_back(now - line->placed_s);
    return Connection{line->dyad, now, relayed};
  }
  // An attempt: answered with the probability for the dyad's level now.
  ++counts.attempts;
  const auto level = static_cast<std::size_t>(levels[line->dyad]);
  const double p = policy_.answer_probability[level];
  if (rng_.uniform(0, line->serial, line->attempt, draw::hotline_answer) < p) {
    const double z = detail::two_standard_normals(
                         rng_.words(0, line->serial, line->attempt, draw::hotline_answer_delay))
                         .first;
    line->state = State::answered;
    line->event_s = now + detail::lognormal(line->delay.median_s, line->delay.sigma, z);
    return std::nullopt;
  }
  if (line->attempt < policy_.max_retries + relays_per_dyad_[line->dyad]) {
    ++line->attempt;
    line->event_s = now + policy_.retry_interval_s;
  } else {
    line->state = State::idle;
    ++counts.failed;
  }
  return std::nullopt;
}

}  // namespace hotline::agents
