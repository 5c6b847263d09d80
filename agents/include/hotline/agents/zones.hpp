// Zones in the plane, and which zones a point lies in.
//
// A zone is a circle or a simple polygon in km (projected from the
// scenario's lat/lon), or a belt drawn from the coast: every point within a
// distance of some land, the land included (a territorial sea at 12 nmi, a
// contiguous zone at 24 nmi; docs/geography.md). Zones are closed sets: a point on the border is
// inside, exactly — what a modeller draws as a boundary, a platform on it
// has crossed. ZoneIndex answers "which zones contain this point" for
// millions of agents per step: a grid over the zones' extent stores, per
// cell, the zones that contain the whole cell and the few whose border
// crosses it; only the latter are tested exactly. The answer is the exact
// test's, whatever the grid (tested).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "hotline/agents/land_map.hpp"
#include "hotline/agents/projection.hpp"

namespace hotline::agents {

// Bit z is set for zone z.
using ZoneMask = std::uint64_t;
inline constexpr std::size_t kMaxZones = 64;

class ZoneShape {
 public:
  [[nodiscard]] static ZoneShape circle(PlanePoint centre, double radius_km);
  // At least 3 vertices, in order, not crossing (the scenario loader checks).
  [[nodiscard]] static ZoneShape polygon(std::vector<PlanePoint> vertices);
  // Every point within distance_km of `land`'s coast, and the land itself.
  // `land` holds only the land the belt is drawn from; its bounds must
  // reach distance_km beyond that land (std::invalid_argument otherwise).
  [[nodiscard]] static ZoneShape land_belt(std::shared_ptr<const LandMap> land, double distance_km);

  // Closed: true on the border.
  [[nodiscard]] bool contains(PlanePoint p) const;

  [[nodiscard]] bool is_circle() const { return form_ == Form::circle; }
  [[nodiscard]] bool is_land_belt() const { return form_ == Form::land_belt; }
  // A land belt's land and width.
  [[nodiscard]] const LandMap* belt_land() const { return land_.get(); }
  [[nodiscard]] double belt_km() const { return belt_km_; }

  [[nodiscard]] PlanePoint centre() const { return centre_; }
  [[nodiscard]] double radius_km() const { return radius_km_; }
  [[nodiscard]] std::span<const PlanePoint> vertices() const { return vertices_; }
  // The bounding box.
  [[nodiscard]] PlanePoint min_corner() const { return min_; }
  [[nodiscard]] PlanePoint max_corner() const { return max_; }

  // How the closed rectangle [lo, hi] relates to the zone: wholly inside,
  // wholly outside, or crossed by the border (conservatively: "crossed"
  // may be said of a rectangle the border only comes very near).
  enum class Overlap : std::uint8_t { outside, inside, border };
  [[nodiscard]] Overlap overlap(PlanePoint lo, PlanePoint hi) const;

 private:
  enum class Form : std::uint8_t { circle, polygon, land_belt };
  Form form_ = Form::circle;
  PlanePoint centre_;
  double radius_km_ = 0.0;
  std::vector<PlanePoint> vertices_;
  std::shared_ptr<const LandMap> land_;  // land belt
  double belt_km_ = 0.0;
  PlanePoint min_;
  PlanePoint max_;
};

class ZoneIndex {
 public:
  // At most kMaxZones zones (std::invalid_argument otherwise). The grid
  // covers the zones' joint bounding box with at most cells_per_side cells
  // on the longer side, 1 to kMaxCellsPerSide.
  static constexpr int kMaxCellsPerSide = 256;
  explicit ZoneIndex(std::vector<ZoneShape> zones, int cells_per_side = kMaxCellsPerSide);

  [[nodiscard]] ZoneMask zones_at(PlanePoint p) const { return zones_in(cell_at(p), p); }

  // zones_at in two halves, for callers that keep a point's cell: the cell
  // of p (cell_count() outside the zones' box), and the zones at p given its
  // cell. In a plain cell (no zone's border crosses it; outside the box
  // too) every point has the same zones.
  [[nodiscard]] std::uint32_t cell_at(PlanePoint p) const {
    if (!(p.x_km >= min_.x_km && p.x_km <= max_.x_km && p.y_km >= min_.y_km
          && p.y_km <= max_.y_km)) {
      return cell_count();
    }
    return static_cast<std::uint32_t>(cell_of(p));
  }
  [[nodiscard]] ZoneMask zones_in(std::uint32_t cell, PlanePoint p) const {
    if (cell == cell_count()) return 0;
    const CellClass& c = classes_[class_of_cell_[cell]];
    ZoneMask mask = c.inside;
    for (ZoneMask border = c.border; border != 0; border &= border - 1) {
      const auto z = static_cast<std::size_t>(__builtin_ctzll(border));
      if (zones_[z].contains(p)) mask |= ZoneMask{1} << z;
    }
    return mask;
  }
  [[nodiscard]] bool plain(std::uint32_t cell) const {
    return cell == cell_count() || classes_[class_of_cell_[cell]].border == 0;
  }
  [[nodiscard]] std::uint32_t cell_count() const {
    return static_cast<std::uint32_t>(class_of_cell_.size());
  }

  [[nodiscard]] const std::vector<ZoneShape>& zones() const { return zones_; }
  [[nodiscard]] int cols() const { return cols_; }
  [[nodiscard]] int rows() const { return rows_; }

 private:
  [[nodiscard]] std::size_t cell_of(PlanePoint p) const {
    auto axis = [](double offset, double inv_size, int cells) {
      const auto c = static_cast<int>(offset * inv_size);
      return c < 0 ? 0 : (c >= cells ? cells - 1 : c);
    };
    return static_cast<std::size_t>(axis(p.y_km - min_.y_km, inv_cell_km_, rows_))
               * static_cast<std::size_t>(cols_)
           + static_cast<std::size_t>(axis(p.x_km - min_.x_km, inv_cell_km_, cols_));
  }

  std::vector<ZoneShape> zones_;
  PlanePoint min_;
  PlanePoint max_;
  double cell_km_ = 1.0;
  double inv_cell_km_ = 1.0;
  int cols_ = 1;
  int rows_ = 1;
  // The zones containing all of a cell, and those whose border may cross
  // it. Cells share the few distinct pairs: each cell holds the index of its
  // pair (2 bytes, not 16), so the table every platform looks up each step
  // is 128 KB and stays in the CPU's cache (a 1 MB one missed it).
  struct CellClass {
    ZoneMask inside = 0;
    ZoneMask border = 0;
    friend bool operator==(const CellClass&, const CellClass&) = default;
  };
  std::vector<CellClass> classes_;
  std::vector<std::uint16_t> class_of_cell_;
};

}  // namespace hotline::agents
