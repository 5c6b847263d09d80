#include "hotline/agents/land_map.hpp"

#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <algorithm>
#include <bit>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace hotline::agents {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

struct LandMap::CoastTree {
  using Point = bg::model::point<double, 2, bg::cs::cartesian>;
  using Segment = bg::model::segment<Point>;
  using Value = std::pair<Segment, std::uint32_t>;
  bgi::rtree<Value, bgi::rstar<16>> tree;
};

namespace {

// (b − a) × (p − a): > 0 when p is left of a→b, 0 on the line.
double cross(PlanePoint a, PlanePoint b, PlanePoint p) {
  return (b.x_km - a.x_km) * (p.y_km - a.y_km) - (b.y_km - a.y_km) * (p.x_km - a.x_km);
}

bool within_box(PlanePoint p, PlanePoint a, PlanePoint b) {
  return p.x_km >= std::min(a.x_km, b.x_km) && p.x_km <= std::max(a.x_km, b.x_km)
         && p.y_km >= std::min(a.y_km, b.y_km) && p.y_km <= std::max(a.y_km, b.y_km);
}

bool on_segment(PlanePoint a, PlanePoint b, PlanePoint p) {
  return cross(a, b, p) == 0.0 && within_box(p, a, b);
}

int sign(double v) {
  return (v > 0.0) - (v < 0.0);
}

// Whether closed segments p–q and a–b share a point.
bool segments_meet(PlanePoint p, PlanePoint q, PlanePoint a, PlanePoint b) {
  const int d1 = sign(cross(a, b, p));
  const int d2 = sign(cross(a, b, q));
  const int d3 = sign(cross(p, q, a));
  const int d4 = sign(cross(p, q, b));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 == 0 && within_box(p, a, b)) || (d2 == 0 && within_box(q, a, b))
         || (d3 == 0 && within_box(a, p, q)) || (d4 == 0 && within_box(b, p, q));
}

// The x at which edge a–b crosses the line y (the edge spans y).
double crossing_x(PlanePoint a, PlanePoint b, double y) {
  return a.x_km + (y - a.y_km) * (b.x_km - a.x_km) / (b.y_km - a.y_km);
}

// Whether the edge crosses the horizontal line through y, each edge taken
// half-open in y so that a vertex on the line counts once.
bool spans(PlanePoint a, PlanePoint b, double y) {
  return (a.y_km > y) != (b.y_km > y);
}

double distance_to_segment(PlanePoint p, PlanePoint a, PlanePoint b) {
  const double dx = b.x_km - a.x_km;
  const double dy = b.y_km - a.y_km;
  const double length2 = dx * dx + dy * dy;
  double t = 0.0;
  if (length2 > 0.0) {
    t = std::clamp(((p.x_km - a.x_km) * dx + (p.y_km - a.y_km) * dy) / length2, 0.0, 1.0);
  }
  return plane_distance_km(p, {a.x_km + t * dx, a.y_km + t * dy});
}

// Sutherland–Hodgman: the ring clipped to one side of an axis-aligned line.
// `inside` says which points are kept; `cut` gives the crossing point of a
// leg with the line (its coordinate on the line set exactly).
template <class Inside, class Cut>
LandRing clip_side(const LandRing& ring, Inside inside, Cut cut) {
  LandRing out;
  if (ring.empty()) return out;
  PlanePoint previous = ring.back();
  bool previous_in = inside(previous);
  for (const PlanePoint& p : ring) {
    const bool in = inside(p);
    if (in != previous_in) out.push_back(cut(previous, p));
    if (in) out.push_back(p);
    previous = p;
    previous_in = in;
  }
  return out;
}

LandRing clip_to_box(const LandRing& ring, PlanePoint lo, PlanePoint hi) {
  auto at_x = [](double x) {
    return [x](PlanePoint a, PlanePoint b) {
      return PlanePoint{x, a.y_km + (x - a.x_km) * (b.y_km - a.y_km) / (b.x_km - a.x_km)};
    };
  };
  auto at_y = [](double y) {
    return [y](PlanePoint a, PlanePoint b) {
      return PlanePoint{a.x_km + (y - a.y_km) * (b.x_km - a.x_km) / (b.y_km - a.y_km), y};
    };
  };
  LandRing r = clip_side(
      ring, [&](PlanePoint p) { return p.x_km >= lo.x_km; }, at_x(lo.x_km));
  r = clip_side(
      r, [&](PlanePoint p) { return p.x_km <= hi.x_km; }, at_x(hi.x_km));
  r = clip_side(
      r, [&](PlanePoint p) { return p.y_km >= lo.y_km; }, at_y(lo.y_km));
  return clip_side(
      r, [&](PlanePoint p) { return p.y_km <= hi.y_km; }, at_y(hi.y_km));
}

// A side of the clipping: both ends on the same side of the bounds.
bool along_bounds(PlanePoint a, PlanePoint b, PlanePoint lo, PlanePoint hi) {
  return (a.x_km == lo.x_km && b.x_km == lo.x_km) || (a.x_km == hi.x_km && b.x_km == hi.x_km)
         || (a.y_km == lo.y_km && b.y_km == lo.y_km) || (a.y_km == hi.y_km && b.y_km == hi.y_km);
}

bool test_bit(const std::vector<std::uint64_t>& bits, std::size_t i) {
  return ((bits[i >> 6] >> (i & 63)) & 1U) != 0;
}

void set_bit(std::vector<std::uint64_t>& bits, std::size_t i) {
  bits[i >> 6] |= std::uint64_t{1} << (i & 63);
}

}  // namespace

LandMap::LandMap() : coast_offsets_(1, 0), tree_(std::make_unique<CoastTree>()) {}

LandMap::~LandMap() = default;
LandMap::LandMap(LandMap&&) noexcept = default;
LandMap& LandMap::operator=(LandMap&&) noexcept = default;

LandMap::LandMap(const std::vector<LandRing>& rings, PlanePoint bounds_lo, PlanePoint bounds_hi,
                 double cell_km)
    : lo_(bounds_lo),
      hi_(bounds_hi),
      cell_km_(cell_km),
      inv_cell_km_(1.0 / cell_km),
      tree_(std::make_unique<CoastTree>()) {
  if (!(cell_km > 0.0)) throw std::invalid_argument("land map: the cell size must be > 0");
  if (!(bounds_hi.x_km > bounds_lo.x_km && bounds_hi.y_km > bounds_lo.y_km)) {
    throw std::invalid_argument("land map: empty bounds");
  }
  const double cols = std::ceil((hi_.x_km - lo_.x_km) * inv_cell_km_);
  const double rows = std::ceil((hi_.y_km - lo_.y_km) * inv_cell_km_);
  if (cols * rows > static_cast<double>(1U << 28)) {
    throw std::invalid_argument("land map: more than 2^28 cells; use larger cells");
  }
  cols_ = std::max(1, static_cast<int>(cols));
  rows_ = std::max(1, static_cast<int>(rows));
  std::vector<Edge> edges;
  for (const LandRing& ring : rings) {
    if (ring.size() < 3) continue;
    const LandRing clipped = clip_to_box(ring, lo_, hi_);
    for (std::size_t i = 0, j = clipped.size() - 1; i < clipped.size(); j = i++) {
      const PlanePoint a = clipped[j];
      const PlanePoint b = clipped[i];
      if (a == b) continue;
      edges.push_back({a, b, !along_bounds(a, b, lo_, hi_)});
    }
  }
  classify(edges);
}

int LandMap::col_of(double x_km) const {
  const auto c = static_cast<int>(std::floor((x_km - lo_.x_km) * inv_cell_km_));
  return std::clamp(c, 0, cols_ - 1);
}

int LandMap::row_of(double y_km) const {
  const auto r = static_cast<int>(std::floor((y_km - lo_.y_km) * inv_cell_km_));
  return std::clamp(r, 0, rows_ - 1);
}

LandMap::CellKind LandMap::kind_of_cell(std::size_t cell) const {
  if (test_bit(coast_bits_, cell)) return CellKind::coast;
  return test_bit(land_bits_, cell) ? CellKind::land : CellKind::sea;
}

std::size_t LandMap::coast_rank(std::size_t cell) const {
  const std::uint64_t below = coast_bits_[cell >> 6] & ((std::uint64_t{1} << (cell & 63)) - 1);
  return coast_before_word_[cell >> 6] + static_cast<std::size_t>(std::popcount(below));
}

std::pair<const std::uint32_t*, const std::uint32_t*> LandMap::edges_of(std::size_t cell) const {
  const std::size_t k = coast_rank(cell);
  return {coast_edges_.data() + coast_offsets_[k], coast_edges_.data() + coast_offsets_[k + 1]};
}

void LandMap::classify(const std::vector<Edge>& edges) {
  edges_ = edges;
  const std::size_t cells = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
  const std::size_t words = (cells + 63) / 64;
  coast_bits_.assign(words, 0);
  land_bits_.assign(words, 0);
  list_coast_edges();
  mark_sea_and_land();
  measure_clearance();
  std::vector<CoastTree::Value> values;
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (!edges_[e].coast) continue;
    values.emplace_back(CoastTree::Segment({edges_[e].a.x_km, edges_[e].a.y_km},
                                           {edges_[e].b.x_km, edges_[e].b.y_km}),
                        static_cast<std::uint32_t>(e));
  }
  tree_->tree = decltype(tree_->tree)(values.begin(), values.end());
}

// Every edge goes into the list of each cell it comes within kMarginKm of:
// the columns its x-range spans, and in each column the rows of its y-range
// there. Two passes (count, then fill) build the lists in edge order.
void LandMap::list_coast_edges() {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cell_edge;  // (cell, edge)
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const PlanePoint a = edges_[e].a;
    const PlanePoint b = edges_[e].b;
    const int c0 = col_of(std::min(a.x_km, b.x_km) - kMarginKm);
    const int c1 = col_of(std::max(a.x_km, b.x_km) + kMarginKm);
    for (int c = c0; c <= c1; ++c) {
      // The edge's y-range over this column's x-range.
      const double x0 = std::max(lo_.x_km + c * cell_km_, std::min(a.x_km, b.x_km));
      const double x1 = std::min(lo_.x_km + (c + 1) * cell_km_, std::max(a.x_km, b.x_km));
      double y0 = std::min(a.y_km, b.y_km);
      double y1 = std::max(a.y_km, b.y_km);
      if (a.x_km != b.x_km && x0 <= x1) {
        const double ya = a.y_km + (x0 - a.x_km) * (b.y_km - a.y_km) / (b.x_km - a.x_km);
        const double yb = a.y_km + (x1 - a.x_km) * (b.y_km - a.y_km) / (b.x_km - a.x_km);
        y0 = std::max(y0, std::min(ya, yb));
        y1 = std::min(y1, std::max(ya, yb));
      }
      const int r0 = row_of(y0 - kMarginKm);
      const int r1 = row_of(y1 + kMarginKm);
      for (int r = r0; r <= r1; ++r) {
        cell_edge.emplace_back(static_cast<std::uint32_t>(cell_index(c, r)),
                               static_cast<std::uint32_t>(e));
      }
    }
  }
  std::sort(cell_edge.begin(), cell_edge.end());
  cell_edge.erase(std::unique(cell_edge.begin(), cell_edge.end()), cell_edge.end());
  for (const auto& [cell, edge] : cell_edge)
    set_bit(coast_bits_, cell);
  coast_before_word_.assign(coast_bits_.size(), 0);
  std::uint32_t count = 0;
  for (std::size_t w = 0; w < coast_bits_.size(); ++w) {
    coast_before_word_[w] = count;
    count += static_cast<std::uint32_t>(std::popcount(coast_bits_[w]));
  }
  coast_offsets_.assign(count + 1, 0);
  coast_edges_.clear();
  coast_edges_.reserve(cell_edge.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < cell_edge.size(); ++i) {
    if (i > 0 && cell_edge[i].first != cell_edge[i - 1].first)
      coast_offsets_[++k] = static_cast<std::uint32_t>(coast_edges_.size());
    coast_edges_.push_back(cell_edge[i].second);
  }
  coast_offsets_[count] = static_cast<std::uint32_t>(coast_edges_.size());
}

// The kind of every cell that is not coast, from the parity of its centre:
// per row, the crossings of the centre line by every edge, counted towards
// +x (the same rule as on_land's).
void LandMap::mark_sea_and_land() {
  std::vector<std::vector<double>> crossings(static_cast<std::size_t>(rows_));
  for (const Edge& e : edges_) {
    const int r0 = row_of(std::min(e.a.y_km, e.b.y_km));
    const int r1 = row_of(std::max(e.a.y_km, e.b.y_km));
    for (int r = r0; r <= r1; ++r) {
      const double y = lo_.y_km + (r + 0.5) * cell_km_;
      if (spans(e.a, e.b, y))
        crossings[static_cast<std::size_t>(r)].push_back(crossing_x(e.a, e.b, y));
    }
  }
  for (int r = 0; r < rows_; ++r) {
    std::vector<double>& xs = crossings[static_cast<std::size_t>(r)];
    std::sort(xs.begin(), xs.end());
    std::size_t passed = 0;  // crossings at or left of the current centre
    for (int c = 0; c < cols_; ++c) {
      const double x = lo_.x_km + (c + 0.5) * cell_km_;
      while (passed < xs.size() && xs[passed] <= x)
        ++passed;
      const std::size_t cell = cell_index(c, r);
      if (!test_bit(coast_bits_, cell) && (xs.size() - passed) % 2 == 1) set_bit(land_bits_, cell);
    }
  }
}

// The Chebyshev distance transform of the cells that are not sea, in two
// passes (each cell takes 1 + the least of its already visited neighbours),
// exact for the Chebyshev metric.
void LandMap::measure_clearance() {
  const std::size_t cells = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
  clearance_.assign(cells, 255);
  for (std::size_t cell = 0; cell < cells; ++cell) {
    if (kind_of_cell(cell) != CellKind::sea) clearance_[cell] = 0;
  }
  auto relax = [&](int c, int r, int dc, int dr) {
    const int nc = c + dc;
    const int nr = r + dr;
    if (nc < 0 || nc >= cols_ || nr < 0 || nr >= rows_) return;
    std::uint8_t& here = clearance_[cell_index(c, r)];
    const int through = clearance_[cell_index(nc, nr)] + 1;
    if (through < here) here = static_cast<std::uint8_t>(through);
  };
  for (int r = 0; r < rows_; ++r) {
    for (int c = 0; c < cols_; ++c) {
      relax(c, r, -1, 0);
      relax(c, r, -1, -1);
      relax(c, r, 0, -1);
      relax(c, r, 1, -1);
    }
  }
  for (int r = rows_ - 1; r >= 0; --r) {
    for (int c = cols_ - 1; c >= 0; --c) {
      relax(c, r, 1, 0);
      relax(c, r, 1, 1);
      relax(c, r, 0, 1);
      relax(c, r, -1, 1);
    }
  }
}

LandMap::CellKind LandMap::cell_kind(PlanePoint p) const {
  if (edges_.empty()
      || !(p.x_km >= lo_.x_km && p.x_km <= hi_.x_km && p.y_km >= lo_.y_km && p.y_km <= hi_.y_km)) {
    return CellKind::sea;
  }
  return kind_of_cell(cell_index(col_of(p.x_km), row_of(p.y_km)));
}

bool LandMap::on_land(PlanePoint p) const {
  const CellKind kind = cell_kind(p);
  if (kind != CellKind::coast) return kind == CellKind::land;
  const int row = row_of(p.y_km);
  const int col = col_of(p.x_km);
  const auto [first, last] = edges_of(cell_index(col, row));
  for (const std::uint32_t* e = first; e != last; ++e) {
    if (on_segment(edges_[*e].a, edges_[*e].b, p)) return true;
  }
  // Follow the ray to +x through this row's coast cells; each crossing is
  // counted in the cell of its column only, so an edge listed in several
  // cells counts once.
  bool odd = false;
  int c = col;
  for (; c < cols_; ++c) {
    const std::size_t cell = cell_index(c, row);
    if (!test_bit(coast_bits_, cell)) break;
    const auto [begin, end] = edges_of(cell);
    for (const std::uint32_t* e = begin; e != end; ++e) {
      const Edge& edge = edges_[*e];
      if (!spans(edge.a, edge.b, p.y_km)) continue;
      const double x = crossing_x(edge.a, edge.b, p.y_km);
      if (x > p.x_km && col_of(x) == c) odd = !odd;
    }
  }
  const bool beyond_is_land = c < cols_ && test_bit(land_bits_, cell_index(c, row));
  return odd != beyond_is_land;
}

bool LandMap::segment_crosses_land(PlanePoint a, PlanePoint b) const {
  if (edges_.empty()) return false;
  if (short_leg_at_sea(a, b)) return false;
  if (on_land(a) || on_land(b)) return true;
  // Clip to the bounds: outside them is sea.
  const double x_min = std::max(std::min(a.x_km, b.x_km), lo_.x_km);
  const double x_max = std::min(std::max(a.x_km, b.x_km), hi_.x_km);
  if (x_min > x_max) return false;
  const int c0 = col_of(x_min - kMarginKm);
  const int c1 = col_of(x_max + kMarginKm);
  for (int c = c0; c <= c1; ++c) {
    const double x0 = std::max(lo_.x_km + c * cell_km_ - kMarginKm, std::min(a.x_km, b.x_km));
    const double x1 = std::min(lo_.x_km + (c + 1) * cell_km_ + kMarginKm, std::max(a.x_km, b.x_km));
    double y0 = std::min(a.y_km, b.y_km);
    double y1 = std::max(a.y_km, b.y_km);
    if (a.x_km != b.x_km) {
      const double ya = a.y_km + (x0 - a.x_km) * (b.y_km - a.y_km) / (b.x_km - a.x_km);
      const double yb = a.y_km + (x1 - a.x_km) * (b.y_km - a.y_km) / (b.x_km - a.x_km);
      y0 = std::max(y0, std::min(ya, yb));
      y1 = std::min(y1, std::max(ya, yb));
    }
    if (y1 < lo_.y_km || y0 > hi_.y_km) continue;
    const int r0 = row_of(y0 - kMarginKm);
    const int r1 = row_of(y1 + kMarginKm);
    for (int r = r0; r <= r1; ++r) {
      const std::size_t cell = cell_index(c, r);
      switch (kind_of_cell(cell)) {
        case CellKind::land:
          return true;
        case CellKind::sea:
          break;
        case CellKind::coast: {
          const auto [begin, end] = edges_of(cell);
          for (const std::uint32_t* e = begin; e != end; ++e) {
            if (segments_meet(a, b, edges_[*e].a, edges_[*e].b)) return true;
          }
          break;
        }
      }
    }
  }
  // No coastline met and both ends at sea: the whole leg is at sea.
  return false;
}

double LandMap::distance_to_coast_km(PlanePoint p) const {
  if (tree_->tree.empty()) return std::numeric_limits<double>::infinity();
  // The R-tree's nearest may tie between edges at equal distance; the
  // distance itself does not depend on which one it returns. (The query
  // iterator allocates nothing: this runs in the step loop.)
  const auto nearest = tree_->tree.qbegin(bgi::nearest(CoastTree::Point(p.x_km, p.y_km), 1));
  const Edge& e = edges_[nearest->second];
  return distance_to_segment(p, e.a, e.b);
}

// The common case of a ship's step at sea, in a few lookups: both ends in
// sea cells no more than one cell apart. Two cells sharing a side make a
// rectangle, which holds the segment; diagonal neighbours need the other
// two cells of their square at sea too.
bool LandMap::short_leg_at_sea(PlanePoint a, PlanePoint b) const {
  const auto inside = [&](PlanePoint p) {
    return p.x_km >= lo_.x_km && p.x_km <= hi_.x_km && p.y_km >= lo_.y_km && p.y_km <= hi_.y_km;
  };
  if (!inside(a)) return false;
  const int ca = col_of(a.x_km);
  const int ra = row_of(a.y_km);
  // Inside the rings of sea round a's cell: a disc of (k − 1) cells about a.
  if (const int k = clearance_[cell_index(ca, ra)]; k >= 2) {
    const double clear_km = (k - 1) * cell_km_;
    const double dx = b.x_km - a.x_km;
    const double dy = b.y_km - a.y_km;
    if (dx * dx + dy * dy < clear_km * clear_km) return true;
  }
  if (!inside(b)) return false;
  const int cb = col_of(b.x_km);
  const int rb = row_of(b.y_km);
  if (std::abs(ca - cb) > 1 || std::abs(ra - rb) > 1) return false;
  const auto sea = [&](int c, int r) { return kind_of_cell(cell_index(c, r)) == CellKind::sea; };
  if (!sea(ca, ra) || !sea(cb, rb)) return false;
  return ca == cb || ra == rb || (sea(ca, rb) && sea(cb, ra));
}

std::vector<std::pair<PlanePoint, PlanePoint>> LandMap::coast_edges() const {
  std::vector<std::pair<PlanePoint, PlanePoint>> out;
  for (const Edge& e : edges_) {
    if (e.coast) out.emplace_back(e.a, e.b);
  }
  return out;
}

// The edges are kept in ring order, each ring's edges joined end to start;
// a ring begins where an edge does not start at the previous one's end.
std::vector<LandRing> LandMap::clipped_rings() const {
  std::vector<LandRing> rings;
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    if (e == 0 || !(edges_[e].a == edges_[e - 1].b)) rings.emplace_back();
    rings.back().push_back(edges_[e].a);
  }
  return rings;
}

std::size_t LandMap::memory_bytes() const {
  return edges_.capacity() * sizeof(Edge)
         + (coast_bits_.capacity() + land_bits_.capacity()) * sizeof(std::uint64_t)
         + (coast_before_word_.capacity() + coast_offsets_.capacity() + coast_edges_.capacity())
               * sizeof(std::uint32_t)
         + clearance_.capacity() + tree_->tree.size() * (sizeof(CoastTree::Value) + 16);
}

}  // namespace hotline::agents
