#include "hotline/agents/zones.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>

namespace hotline::agents {

namespace {

// (b − a) × (p − a): > 0 when p is left of a→b, 0 on the line.
double cross(PlanePoint a, PlanePoint b, PlanePoint p) {
  return (b.x_km - a.x_km) * (p.y_km - a.y_km) - (b.y_km - a.y_km) * (p.x_km - a.x_km);
}

bool on_segment(PlanePoint a, PlanePoint b, PlanePoint p) {
  return cross(a, b, p) == 0.0 && p.x_km >= std::min(a.x_km, b.x_km)
         && p.x_km <= std::max(a.x_km, b.x_km) && p.y_km >= std::min(a.y_km, b.y_km)
         && p.y_km <= std::max(a.y_km, b.y_km);
}

// Whether segment a–b meets the closed rectangle [lo, hi]: their boxes
// overlap and the rectangle's corners are not all strictly on one side of
// the segment's line.
bool segment_meets_rect(PlanePoint a, PlanePoint b, PlanePoint lo, PlanePoint hi) {
  if (std::max(a.x_km, b.x_km) < lo.x_km || std::min(a.x_km, b.x_km) > hi.x_km
      || std::max(a.y_km, b.y_km) < lo.y_km || std::min(a.y_km, b.y_km) > hi.y_km) {
    return false;
  }
  const double c[4] = {cross(a, b, lo), cross(a, b, {hi.x_km, lo.y_km}), cross(a, b, hi),
                       cross(a, b, {lo.x_km, hi.y_km})};
  const bool all_left = c[0] > 0 && c[1] > 0 && c[2] > 0 && c[3] > 0;
  const bool all_right = c[0] < 0 && c[1] < 0 && c[2] < 0 && c[3] < 0;
  return !all_left && !all_right;
}

}  // namespace

ZoneShape ZoneShape::circle(PlanePoint centre, double radius_km) {
  ZoneShape z;
  z.form_ = Form::circle;
  z.centre_ = centre;
  z.radius_km_ = radius_km;
  z.min_ = {centre.x_km - radius_km, centre.y_km - radius_km};
  z.max_ = {centre.x_km + radius_km, centre.y_km + radius_km};
  return z;
}

ZoneShape ZoneShape::polygon(std::vector<PlanePoint> vertices) {
  if (vertices.size() < 3) throw std::invalid_argument("a polygon zone needs 3 vertices");
  ZoneShape z;
  z.form_ = Form::polygon;
  z.min_ = z.max_ = vertices.front();
  for (const PlanePoint& v : vertices) {
    z.min_ = {std::min(z.min_.x_km, v.x_km), std::min(z.min_.y_km, v.y_km)};
    z.max_ = {std::max(z.max_.x_km, v.x_km), std::max(z.max_.y_km, v.y_km)};
  }
  z.vertices_ = std::move(vertices);
  return z;
}

ZoneShape ZoneShape::land_belt(std::shared_ptr<const LandMap> land, double distance_km) {
  if (!land || !land->has_land()) throw std::invalid_argument("a land belt needs land");
  ZoneShape z;
  z.form_ = Form::land_belt;
  z.belt_km_ = distance_km;
  z.min_ = land->bounds_lo();
  z.max_ = land->bounds_hi();
  z.centre_ = {(z.min_.x_km + z.max_.x_km) / 2, (z.min_.y_km + z.max_.y_km) / 2};
  z.land_ = std::move(land);
  return z;
}

bool ZoneShape::contains(PlanePoint p) const {
  if (form_ == Form::land_belt) {
    if (p.x_km < min_.x_km || p.x_km > max_.x_km || p.y_km < min_.y_km || p.y_km > max_.y_km) {
      return false;
    }
    return land_->distance_to_coast_km(p) <= belt_km_ || land_->on_land(p);
  }
  if (form_ == Form::circle) {
    const double dx = p.x_km - centre_.x_km;
    const double dy = p.y_km - centre_.y_km;
    return dx * dx + dy * dy <= radius_km_ * radius_km_;
  }
  if (p.x_km < min_.x_km || p.x_km > max_.x_km || p.y_km < min_.y_km || p.y_km > max_.y_km) {
    return false;
  }
  // On an edge is inside; otherwise count crossings of a ray towards +x
  // (each edge taken half-open in y, so a vertex on the ray counts once).
  bool inside = false;
  const std::size_t n = vertices_.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const PlanePoint a = vertices_[j];
    const PlanePoint b = vertices_[i];
    if (on_segment(a, b, p)) return true;
    if ((a.y_km > p.y_km) != (b.y_km > p.y_km)) {
      const double x_cross = a.x_km + (p.y_km - a.y_km) * (b.x_km - a.x_km) / (b.y_km - a.y_km);
      if (p.x_km < x_cross) inside = !inside;
    }
  }
  return inside;
}

ZoneShape::Overlap ZoneShape::overlap(PlanePoint lo, PlanePoint hi) const {
  if (hi.x_km < min_.x_km || lo.x_km > max_.x_km || hi.y_km < min_.y_km || lo.y_km > max_.y_km) {
    return Overlap::outside;
  }
  if (form_ == Form::land_belt) {
    // Within h of the rectangle's centre lies all of it: if the coast is
    // farther than h, the whole rectangle is on one side of it.
    const PlanePoint c{(lo.x_km + hi.x_km) / 2, (lo.y_km + hi.y_km) / 2};
    const double h = plane_distance_km(lo, hi) / 2;
    const double to_coast = land_->distance_to_coast_km(c);
    const bool on_land = land_->on_land(c);
    if (on_land && to_coast > h) return Overlap::inside;
    if (to_coast + h <= belt_km_) return Overlap::inside;
    if (!on_land && to_coast - h > belt_km_) return Overlap::outside;
    return Overlap::border;
  }
  if (form_ == Form::circle) {
    // Nearest and farthest points of the rectangle from the centre.
    const double nx = std::clamp(centre_.x_km, lo.x_km, hi.x_km) - centre_.x_km;
    const double ny = std::clamp(centre_.y_km, lo.y_km, hi.y_km) - centre_.y_km;
    const double fx = std::max(std::abs(lo.x_km - centre_.x_km), std::abs(hi.x_km - centre_.x_km));
    const double fy = std::max(std::abs(lo.y_km - centre_.y_km), std::abs(hi.y_km - centre_.y_km));
    const double r2 = radius_km_ * radius_km_;
    if (fx * fx + fy * fy < r2) return Overlap::inside;
    if (nx * nx + ny * ny > r2) return Overlap::outside;
    return Overlap::border;
  }
  const std::size_t n = vertices_.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    if (segment_meets_rect(vertices_[j], vertices_[i], lo, hi)) return Overlap::border;
  }
  // No edge meets the rectangle: it lies wholly on one side of the border.
  const PlanePoint middle{(lo.x_km + hi.x_km) / 2, (lo.y_km + hi.y_km) / 2};
  return contains(middle) ? Overlap::inside : Overlap::outside;
}

ZoneIndex::ZoneIndex(std::vector<ZoneShape> zones, int cells_per_side) : zones_(std::move(zones)) {
  if (zones_.size() > kMaxZones) {
    throw std::invalid_argument("at most 64 zones are supported");
  }
  if (cells_per_side < 1 || cells_per_side > kMaxCellsPerSide) {
    throw std::invalid_argument("cells_per_side must be in [1, 256]");
  }
  if (zones_.empty()) {
    classes_.assign(1, CellClass{});
    class_of_cell_.assign(1, 0);
    min_ = {1.0, 1.0};  // an empty box: zones_at answers 0 without a lookup
    max_ = {0.0, 0.0};
    return;
  }
  min_ = zones_.front().min_corner();
  max_ = zones_.front().max_corner();
  for (const ZoneShape& z : zones_) {
    min_ = {std::min(min_.x_km, z.min_corner().x_km), std::min(min_.y_km, z.min_corner().y_km)};
    max_ = {std::max(max_.x_km, z.max_corner().x_km), std::max(max_.y_km, z.max_corner().y_km)};
  }
  const double extent = std::max({max_.x_km - min_.x_km, max_.y_km - min_.y_km, 1e-3});
  cell_km_ = extent / cells_per_side;
  inv_cell_km_ = 1.0 / cell_km_;
  cols_ = std::max(1, static_cast<int>(std::ceil((max_.x_km - min_.x_km) * inv_cell_km_)));
  rows_ = std::max(1, static_cast<int>(std::ceil((max_.y_km - min_.y_km) * inv_cell_km_)));
  cols_ = std::min(cols_, cells_per_side);
  rows_ = std::min(rows_, cells_per_side);
  const auto cells = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
  std::vector<CellClass> per_cell(cells);
  // Each cell is classified with a margin, so that a point the lookup puts
  // in a cell (after rounding, or clamped at the last row or column) lies in
  // the rectangle that was classified.
  const double margin = cell_km_ * 1e-6 + 1e-9;
  for (int row = 0; row < rows_; ++row) {
    for (int col = 0; col < cols_; ++col) {
      PlanePoint lo{min_.x_km + col * cell_km_ - margin, min_.y_km + row * cell_km_ - margin};
      PlanePoint hi{min_.x_km + (col + 1) * cell_km_ + margin,
                    min_.y_km + (row + 1) * cell_km_ + margin};
      if (col == cols_ - 1) hi.x_km = std::max(hi.x_km, max_.x_km + margin);
      if (row == rows_ - 1) hi.y_km = std::max(hi.y_km, max_.y_km + margin);
      const std::size_t cell = static_cast<std::size_t>(row) * static_cast<std::size_t>(cols_)
                               + static_cast<std::size_t>(col);
      for (std::size_t z = 0; z < zones_.size(); ++z) {
        switch (zones_[z].overlap(lo, hi)) {
          case ZoneShape::Overlap::inside:
            per_cell[cell].inside |= ZoneMask{1} << z;
            break;
          case ZoneShape::Overlap::border:
            per_cell[cell].border |= ZoneMask{1} << z;
            break;
          case ZoneShape::Overlap::outside:
            break;
        }
      }
    }
  }
  // Number the distinct classes in order of first appearance (row-major),
  // so the tables are a function of the zones alone.
  std::map<std::pair<ZoneMask, ZoneMask>, std::uint16_t> numbers;
  class_of_cell_.resize(cells);
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const CellClass& c = per_cell[cell];
    const auto [at, added] =
        numbers.try_emplace({c.inside, c.border}, static_cast<std::uint16_t>(classes_.size()));
    if (added) classes_.push_back(c);
    class_of_cell_[cell] = at->second;
  }
}

}  // namespace hotline::agents
