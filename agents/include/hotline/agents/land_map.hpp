// Where the land is, in the plane: is a point on land, does a straight leg
// touch land, how far is the coast.
//
// Land is a set of rings (polygon outlines and holes alike, in plane km):
// a point is on land when a ray from it crosses the rings an odd number of
// times, or when it lies on a ring (land is closed: the coastline itself is
// land, so a ship that touches it has grounded).
//
// A grid over the scenario's bounds marks each cell sea, land or coast.
// Coast cells are those any coastline edge comes within kMarginKm of; each
// keeps the list of those edges. A sea or land cell has no edge near it, so
// everything in it is sea or land, and a query there is one lookup. Only in
// coast cells is a point tested exactly: the ray to +x is followed through
// the coast cells of its row to the first sea or land cell, whose kind gives
// the parity beyond; each edge's crossing is counted in the one cell whose
// column holds it. Rings are clipped to the bounds first (the clipped parts'
// straight sides along the bounds are not coast for distances), and outside
// the bounds everything is sea.
//
// Cell kinds take two bits per cell and coast cells are numbered by rank, so
// a 2,000 × 1,500 km region at 2 km costs about 250 kB plus the edges.
// Each cell also keeps its clearance (one byte): how many rings of sea cells
// surround it. A leg that starts in a cell of clearance k and is shorter
// than (k − 1) cells stays inside those rings, so it is at sea after one
// lookup — the answer for almost every ship's step (docs/geography.md).
// Distances use an R-tree of the coastline's edges (Boost.Geometry).
//
// Every answer is a pure function of the rings, the bounds and the query:
// no state changes after construction, and any number of threads may query.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "hotline/agents/projection.hpp"

namespace hotline::agents {

using LandRing = std::vector<PlanePoint>;  // closed implicitly: last joins first

class LandMap {
 public:
  // Queries near a cell border count the cell whenever they come within this
  // of it, so rounding can never drop an edge from a query.
  static constexpr double kMarginKm = 1e-6;

  enum class CellKind : std::uint8_t { sea, land, coast };

  // No land at all: everything is sea.
  LandMap();
  // Rings with fewer than 3 vertices are ignored. Throws
  // std::invalid_argument for empty or inverted bounds or a cell size that
  // is not positive, or for a grid of more than 2^28 cells.
  LandMap(const std::vector<LandRing>& rings, PlanePoint bounds_lo, PlanePoint bounds_hi,
          double cell_km = 2.0);
  ~LandMap();
  LandMap(LandMap&&) noexcept;
  LandMap& operator=(LandMap&&) noexcept;
  LandMap(const LandMap&) = delete;
  LandMap& operator=(const LandMap&) = delete;

  [[nodiscard]] bool on_land(PlanePoint p) const;
  // Whether any point of the closed segment a–b is on land.
  [[nodiscard]] bool segment_crosses_land(PlanePoint a, PlanePoint b) const;
  // The distance to the nearest coastline edge (0 on the coast, the same
  // inside land as at sea); infinity when there is no coast.
  [[nodiscard]] double distance_to_coast_km(PlanePoint p) const;

  [[nodiscard]] CellKind cell_kind(PlanePoint p) const;
  [[nodiscard]] bool has_land() const { return !edges_.empty(); }
  [[nodiscard]] int cols() const { return cols_; }
  [[nodiscard]] int rows() const { return rows_; }
  [[nodiscard]] double cell_km() const { return cell_km_; }
  [[nodiscard]] PlanePoint bounds_lo() const { return lo_; }
  [[nodiscard]] PlanePoint bounds_hi() const { return hi_; }
  [[nodiscard]] std::size_t edge_count() const { return edges_.size(); }
  // The coastline's edges (not the clipping's sides along the bounds), in
  // ring order: for drawing.
  [[nodiscard]] std::vector<std::pair<PlanePoint, PlanePoint>> coast_edges() const;
  // The land clipped to the bounds as closed rings (the clipping's sides
  // along the bounds included), for filling the land when drawing.
  [[nodiscard]] std::vector<LandRing> clipped_rings() const;
  [[nodiscard]] std::size_t coast_cell_count() const { return coast_offsets_.size() - 1; }
  // Bytes held by the grid, the edge lists and the R-tree.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  struct Edge {
    PlanePoint a;
    PlanePoint b;
    bool coast = true;  // false: a side of the clipping along the bounds
  };
  struct CoastTree;

  [[nodiscard]] int col_of(double x_km) const;
  [[nodiscard]] int row_of(double y_km) const;
  [[nodiscard]] std::size_t cell_index(int col, int row) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols_)
           + static_cast<std::size_t>(col);
  }
  [[nodiscard]] CellKind kind_of_cell(std::size_t cell) const;
  // The edges listed in a coast cell.
  [[nodiscard]] std::pair<const std::uint32_t*, const std::uint32_t*> edges_of(
      std::size_t cell) const;
  [[nodiscard]] std::size_t coast_rank(std::size_t cell) const;

  [[nodiscard]] bool short_leg_at_sea(PlanePoint a, PlanePoint b) const;
  void classify(const std::vector<Edge>& edges);
  void list_coast_edges();
  void mark_sea_and_land();
  void measure_clearance();

  PlanePoint lo_;
  PlanePoint hi_;
  double cell_km_ = 1.0;
  double inv_cell_km_ = 1.0;
  int cols_ = 0;
  int rows_ = 0;
  std::vector<Edge> edges_;
  // One bit per cell, 64 cells a word: coast cells, and land among the rest.
  std::vector<std::uint64_t> coast_bits_;
  std::vector<std::uint64_t> land_bits_;
  // The number of coast cells before each word of coast_bits_ (the rank).
  std::vector<std::uint32_t> coast_before_word_;
  // Per coast cell (by rank), its edges: coast_edges_[offsets[k], offsets[k+1]).
  std::vector<std::uint32_t> coast_offsets_;
  std::vector<std::uint32_t> coast_edges_;
  // Per cell, the Chebyshev distance in cells to the nearest cell that is
  // not sea (0 in land and coast cells; at most 255). Beyond the bounds is
  // sea, so the bounds are no obstacle.
  std::vector<std::uint8_t> clearance_;
  std::unique_ptr<CoastTree> tree_;
};

}  // namespace hotline::agents
