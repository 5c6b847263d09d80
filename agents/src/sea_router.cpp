#include "hotline/agents/sea_router.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <stdexcept>
#include <utility>

namespace hotline::agents {

namespace {

// The eight neighbours, counter-clockwise from east; neighbour k + 4 is the
// opposite of neighbour k.
constexpr int kDx[8] = {1, 1, 0, -1, -1, -1, 0, 1};
constexpr int kDy[8] = {0, 1, 1, 1, 0, -1, -1, -1};

// Nodes a search may settle before it gives up (the sea cut in two would
// otherwise explore every node).
constexpr std::size_t kSearchLimit = 400000;
// Rings of nodes searched for one a point can see.
constexpr int kVisibleRings = 6;

}  // namespace

SeaRouter::SeaRouter(std::shared_ptr<const LandMap> land) : land_(std::move(land)) {
  if (!land_) throw std::invalid_argument("sea router: no land map");
  lo_ = land_->bounds_lo();
  const PlanePoint hi = land_->bounds_hi();
  cols_ = std::max(1, static_cast<int>(std::ceil((hi.x_km - lo_.x_km) / kNodeKm)));
  rows_ = std::max(1, static_cast<int>(std::ceil((hi.y_km - lo_.y_km) / kNodeKm)));
  const std::size_t nodes = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
  usable_.assign(nodes, 0);
  links_.assign(nodes, 0);
  if (!land_->has_land()) return;
  for (std::size_t n = 0; n < nodes; ++n)
    usable_[n] = land_->on_land(centre(static_cast<std::uint32_t>(n))) ? 0 : 1;
  for (int row = 0; row < rows_; ++row) {
    for (int col = 0; col < cols_; ++col) {
      const auto n = static_cast<std::uint32_t>(row * cols_ + col);
      if (!usable_[n]) continue;
      for (int k = 0; k < 4; ++k) {
        const int c = col + kDx[k];
        const int r = row + kDy[k];
        if (c < 0 || r < 0 || c >= cols_ || r >= rows_) continue;
        const auto m = static_cast<std::uint32_t>(r * cols_ + c);
        if (!usable_[m] || land_->segment_crosses_land(centre(n), centre(m))) continue;
        links_[n] |= static_cast<std::uint8_t>(1U << k);
        links_[m] |= static_cast<std::uint8_t>(1U << (k + 4));
      }
    }
  }
}

PlanePoint SeaRouter::centre(std::uint32_t node) const {
  const auto col = static_cast<int>(node % static_cast<std::uint32_t>(cols_));
  const auto row = static_cast<int>(node / static_cast<std::uint32_t>(cols_));
  return {lo_.x_km + (col + 0.5) * kNodeKm, lo_.y_km + (row + 0.5) * kNodeKm};
}

std::uint32_t SeaRouter::node_of(PlanePoint p) const {
  const int col =
      std::clamp(static_cast<int>(std::floor((p.x_km - lo_.x_km) / kNodeKm)), 0, cols_ - 1);
  const int row =
      std::clamp(static_cast<int>(std::floor((p.y_km - lo_.y_km) / kNodeKm)), 0, rows_ - 1);
  return static_cast<std::uint32_t>(row * cols_ + col);
}

std::uint32_t SeaRouter::visible_node(PlanePoint p) const {
  const std::uint32_t home = node_of(p);
  const int col0 = static_cast<int>(home % static_cast<std::uint32_t>(cols_));
  const int row0 = static_cast<int>(home / static_cast<std::uint32_t>(cols_));
  const bool p_at_sea = !land_->on_land(p);
  std::uint32_t best = kNone;
  double best_km = 0.0;
  for (int ring = 0; ring <= kVisibleRings; ++ring) {
    for (int row = row0 - ring; row <= row0 + ring; ++row) {
      for (int col = col0 - ring; col <= col0 + ring; ++col) {
        if (std::max(std::abs(row - row0), std::abs(col - col0)) != ring) continue;
        if (col < 0 || row < 0 || col >= cols_ || row >= rows_) continue;
        const auto n = static_cast<std::uint32_t>(row * cols_ + col);
        if (!usable_[n]) continue;
        const PlanePoint c = centre(n);
        // A point on land (a target beside the coast) takes the nearest
        // node; a point at sea, the nearest it can reach in a straight line.
        if (p_at_sea && land_->segment_crosses_land(p, c)) continue;
        const double km = plane_distance_km(p, c);
        if (best == kNone || km < best_km || (km == best_km && n < best)) {
          best = n;
          best_km = km;
        }
      }
    }
    // A node of the next ring can be nearer than a corner of this one, but
    // not nearer than its first.
    if (best != kNone && best_km <= ring * kNodeKm) break;
  }
  return best;
}

SeaRouter::Chain SeaRouter::search(std::uint32_t start, std::uint32_t goal) const {
  struct Record {
    double cost_km;
    std::uint32_t parent;
  };
  const auto heuristic = [&](std::uint32_t n) {
    const auto cols = static_cast<std::uint32_t>(cols_);
    const double dx = std::abs(static_cast<double>(n % cols) - static_cast<double>(goal % cols));
    const double dy = std::abs(static_cast<double>(n / cols) - static_cast<double>(goal / cols));
    return kNodeKm * (std::max(dx, dy) + (std::sqrt(2.0) - 1.0) * std::min(dx, dy));
  };
  using Entry = std::pair<double, std::uint32_t>;  // (cost + heuristic, node)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  std::unordered_map<std::uint32_t, Record> seen;
  seen.emplace(start, Record{0.0, kNone});
  open.emplace(heuristic(start), start);
  std::size_t settled = 0;
  while (!open.empty()) {
    const auto [f, n] = open.top();
    open.pop();
    const Record here = seen.at(n);
    if (f > here.cost_km + heuristic(n)) continue;  // a stale entry
    if (n == goal) {
      Chain chain;
      for (std::uint32_t at = goal; at != kNone; at = seen.at(at).parent)
        chain.push_back(at);
      std::reverse(chain.begin(), chain.end());
      return chain;
    }
    if (++settled > kSearchLimit) break;
    const int col = static_cast<int>(n % static_cast<std::uint32_t>(cols_));
    const int row = static_cast<int>(n / static_cast<std::uint32_t>(cols_));
    for (int k = 0; k < 8; ++k) {
      if ((links_[n] & (1U << k)) == 0) continue;
      const auto m = static_cast<std::uint32_t>((row + kDy[k]) * cols_ + col + kDx[k]);
      const double step_km = (k % 2 == 0) ? kNodeKm : kNodeKm * std::sqrt(2.0);
      const double cost = here.cost_km + step_km;
      const auto it = seen.find(m);
      if (it != seen.end() && it->second.cost_km <= cost) continue;
      seen[m] = Record{cost, n};
      open.emplace(cost + heuristic(m), m);
    }
  }
  return {};
}

SeaRouter::Chain SeaRouter::cached_search(std::uint32_t start, std::uint32_t goal) const {
  const std::uint64_t key = (std::uint64_t{start} << 32) | goal;
  {
    const std::lock_guard<std::mutex> lock(cache_mutex_);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  Chain chain = search(start, goal);
  const std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() >= kCacheLimit) cache_.clear();
  cache_.emplace(key, chain);
  return chain;
}

std::vector<PlanePoint> SeaRouter::route(PlanePoint from, PlanePoint to) const {
  if (!land_->has_land() || !land_->segment_crosses_land(from, to)) return {};
  const std::uint32_t start = visible_node(from);
  const std::uint32_t goal = visible_node(to);
  if (start == kNone || goal == kNone) return {};
  const Chain chain = start == goal ? Chain{start} : cached_search(start, goal);
  if (chain.empty()) return {};
  std::vector<PlanePoint> points;
  points.reserve(chain.size() + 2);
  points.push_back(from);
  for (const std::uint32_t n : chain)
    points.push_back(centre(n));
  // The goal node sees `to` when `to` is at sea (that is how it was chosen).
  if (!land_->on_land(to)) points.push_back(to);
  // Pull tight: from each point, the farthest later one in a straight line
  // at sea (every node-to-node leg is, so this always moves on).
  std::vector<PlanePoint> route;
  std::size_t i = 0;
  while (i + 1 < points.size()) {
    std::size_t j = i + 1;
    while (j + 1 < points.size() && !land_->segment_crosses_land(points[i], points[j + 1]))
      ++j;
    route.push_back(points[j]);
    i = j;
  }
  return route;
}

std::size_t SeaRouter::cached_chains() const {
  const std::lock_guard<std::mutex> lock(cache_mutex_);
  return cache_.size();
}

std::size_t SeaRouter::memory_bytes() const {
  std::size_t bytes = usable_.capacity() + links_.capacity();
  const std::lock_guard<std::mutex> lock(cache_mutex_);
  for (const auto& [key, chain] : cache_)
    bytes += sizeof(key) + sizeof(chain) + chain.capacity() * sizeof(std::uint32_t) + 16;
  return bytes;
}

}  // namespace hotline::agents
