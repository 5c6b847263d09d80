#include "polygon_check.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

// A sweep over the edges from left to right (Shamos and Hoey): the edges
// the sweep line crosses are kept in their order along it, and only edges
// that are next to each other in that order, at some point of the sweep,
// are tested against each other. If edges meet anywhere, the two that meet
// at the leftmost such point are neighbours just before the sweep reaches
// it, so one test finds them: O(n log n) instead of testing every pair.
//
// Ordering rule: points are ordered by x, then y (the sweep line is tilted
// by an infinitesimal angle, so that a vertical edge is an ordinary edge
// whose left end is its lower end). At one point, edges that begin there go
// in before edges that end there leave, so that edges touching at a point
// are in the order together. Two edges are ordered by the side of the
// earlier one on which the later one begins (exact orientation tests on
// the input coordinates, no intersection points computed), which is a
// consistent order as long as no two edges in it meet; the sweep stops at
// the first pair that does.

namespace hotline::scenarios::detail {

namespace {

struct P {
  double x;
  double y;
  friend bool operator<(P a, P b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }
  friend bool operator==(P a, P b) { return a.x == b.x && a.y == b.y; }
};

// Sign of the cross product (b - a) x (c - a): +1, -1 or 0 (collinear).
int orientation(P a, P b, P c) {
  const double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return cross > 0.0 ? 1 : (cross < 0.0 ? -1 : 0);
}

bool on_segment(P a, P b, P p) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y
         && p.y <= std::max(a.y, b.y);
}

bool segments_meet(P a, P b, P c, P d) {
  const int o1 = orientation(a, b, c);
  const int o2 = orientation(a, b, d);
  const int o3 = orientation(c, d, a);
  const int o4 = orientation(c, d, b);
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && on_segment(a, b, c)) || (o2 == 0 && on_segment(a, b, d))
         || (o3 == 0 && on_segment(c, d, a)) || (o4 == 0 && on_segment(c, d, b));
}

struct Edge {
  P left;  // the smaller end in the sweep's order
  P right;
};

class EdgeSweep {
 public:
  explicit EdgeSweep(const std::vector<GeoPoint>& vertices) : n_(vertices.size()) {
    for (std::size_t k = 0; k < n_; ++k) {
      from_.push_back({vertices[k].lon_deg, vertices[k].lat_deg});
    }
    for (std::size_t k = 0; k < n_; ++k) {
      const P a = from_[k];
      const P b = from_[(k + 1) % n_];
      edges_.push_back(b < a ? Edge{b, a} : Edge{a, b});
    }
  }

  std::optional<std::pair<std::size_t, std::size_t>> run();

 private:
  // Whether edge a lies below edge b where the sweep line crosses both.
  struct Below {
    const EdgeSweep* sweep;
    bool operator()(std::uint32_t a, std::uint32_t b) const { return sweep->below(a, b); }
  };
  using Status = std::set<std::uint32_t, Below>;

  [[nodiscard]] bool below(std::uint32_t a, std::uint32_t b) const;
  [[nodiscard]] bool meet(std::size_t i, std::size_t j) const;
  // Tests a and b; records the pair if they meet.
  bool test(std::uint32_t a, std::uint32_t b);

  std::size_t n_;
  std::vector<P> from_;  // vertex k, edge k's start
  std::vector<Edge> edges_;
  std::optional<std::pair<std::size_t, std::size_t>> found_;
};

bool EdgeSweep::below(std::uint32_t a, std::uint32_t b) const {
  if (a == b) return false;
  const Edge& ea = edges_[a];
  const Edge& eb = edges_[b];
  // Place the edge that begins later against the line of the other.
  const bool b_later = !(eb.left < ea.left);
  const Edge& earlier = b_later ? ea : eb;
  const Edge& later = b_later ? eb : ea;
  int side = orientation(earlier.left, earlier.right, later.left);
  if (side == 0) side = orientation(earlier.left, earlier.right, later.right);
  if (side == 0) return a < b;  // collinear: they overlap, and the sweep will say so
  // side > 0: the later edge is above the earlier one.
  return b_later ? side > 0 : side < 0;
}

// Whether edges i and j meet other than at the vertex two neighbouring edges
// share (neighbours may only meet there, unless they fold back onto each
// other: collinear and overlapping).
bool EdgeSweep::meet(std::size_t i, std::size_t j) const {
  if (i > j) std::swap(i, j);
  const bool neighbours = j == i + 1 || (i == 0 && j == n_ - 1);
  if (!neighbours) {
    return segments_meet(from_[i], from_[(i + 1) % n_], from_[j], from_[(j + 1) % n_]);
  }
  const std::size_t shared_end = (j == i + 1) ? j : i;
  const P shared = from_[shared_end];
  const P a = from_[j == i + 1 ? i : j];                 // far end of the first edge
  const P b = from_[(j == i + 1 ? j + 1 : i + 1) % n_];  // far end of the second
  return orientation(a, shared, b) == 0 && !on_segment(a, b, shared);
}

bool EdgeSweep::test(std::uint32_t a, std::uint32_t b) {
  if (!meet(a, b)) return false;
  found_ = {std::min<std::size_t>(a, b), std::max<std::size_t>(a, b)};
  return true;
}

std::optional<std::pair<std::size_t, std::size_t>> EdgeSweep::run() {
  struct Event {
    P at;
    bool leaves;  // false: the edge begins here
    std::uint32_t edge;
  };
  std::vector<Event> events;
  events.reserve(2 * n_);
  for (std::uint32_t k = 0; k < n_; ++k) {
    events.push_back({edges_[k].left, false, k});
    events.push_back({edges_[k].right, true, k});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (!(a.at == b.at)) return a.at < b.at;
    if (a.leaves != b.leaves) return !a.leaves;
    return a.edge < b.edge;
  });
  Status status(Below{this});
  std::vector<Status::iterator> where(n_);
  for (const Event& e : events) {
    if (!e.leaves) {
      const auto it = status.insert(e.edge).first;
      where[e.edge] = it;
      if (it != status.begin() && test(*std::prev(it), e.edge)) return found_;
      if (std::next(it) != status.end() && test(e.edge, *std::next(it))) return found_;
      continue;
    }
    const auto it = where[e.edge];
    const auto after = std::next(it);
    if (it != status.begin() && after != status.end() && test(*std::prev(it), *after)) {
      return found_;
    }
    status.erase(it);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> first_crossing(
    const std::vector<GeoPoint>& vertices) {
  if (vertices.empty()) return std::nullopt;
  return EdgeSweep(vertices).run();
}

}  // namespace hotline::scenarios::detail
