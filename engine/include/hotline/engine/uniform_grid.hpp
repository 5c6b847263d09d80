// Uniform-grid spatial index, rebuilt every step by a parallel counting sort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "hotline/engine/agent_store.hpp"

namespace hotline::engine {

// The plane the agents live in. A torus wraps both axes (positions must then
// lie in [min, min + extent)); a bounded world puts agents outside its box in
// the nearest edge cell, which keeps pair finding exact for any position.
struct WorldBounds {
  double min_x_km = 0.0;
  double min_y_km = 0.0;
  double width_km = 0.0;
  double height_km = 0.0;
  bool torus = false;
};

// Cells are at least `cell_min_km` on each side (set it to the largest range
// any pair query will use), so every pair within range lies in the same or
// adjacent cells. On a torus an axis with fewer than three cells collapses to
// one cell, since its neighbours would repeat; pairs along it then use the
// minimum-image distance.
//
// After rebuild(), alive agents are listed cell by cell (row-major cells) and,
// inside a cell, by ascending AgentId; positions, sides and kinds are copied in
// that order so that pair finding reads memory sequentially. The order is a
// function of the agents' positions and ids alone, never of the thread count.
class UniformGrid {
 public:
  UniformGrid(const WorldBounds& bounds, double cell_min_km);

  // Sorts the alive agents into cells. Allocates only when the number of
  // agents grows past what an earlier rebuild saw.
  void rebuild(const AgentStore& agents);

  [[nodiscard]] const WorldBounds& bounds() const { return bounds_; }
  [[nodiscard]] std::int32_t cols() const { return cols_; }
  [[nodiscard]] std::int32_t rows() const { return rows_; }
  [[nodiscard]] std::uint32_t cell_count() const { return cell_count_; }
  [[nodiscard]] double cell_width_km() const { return cell_width_km_; }
  [[nodiscard]] double cell_height_km() const { return cell_height_km_; }

  // Row-major cell index of a position (clamped to the edge cells).
  [[nodiscard]] std::uint32_t cell_of(double x_km, double y_km) const {
    return static_cast<std::uint32_t>(row_of(y_km)) * static_cast<std::uint32_t>(cols_)
           + static_cast<std::uint32_t>(col_of(x_km));
  }
  // Column and row of a position, clamped like cell_of.
  [[nodiscard]] std::int32_t col_of(double x_km) const {
    return axis_cell(x_km - bounds_.min_x_km, inv_cell_width_, cols_);
  }
  [[nodiscard]] std::int32_t row_of(double y_km) const {
    return axis_cell(y_km - bounds_.min_y_km, inv_cell_height_, rows_);
  }

  // Number of alive agents in the index after the last rebuild.
  [[nodiscard]] std::size_t indexed_count() const { return indexed_count_; }
  // cell_start()[c] .. cell_start()[c + 1] is cell c's range in the sorted
  // arrays; cell_count() + 1 entries.
  [[nodiscard]] std::span<const std::uint32_t> cell_start() const {
    return {cell_start_.data(), cell_count_ + std::size_t{1}};
  }
  [[nodiscard]] std::span<const AgentId> sorted_ids() const {
    return {sorted_ids_.data(), indexed_count_};
  }
  [[nodiscard]] std::span<const double> sorted_x_km() const {
    return {sorted_x_km_.data(), indexed_count_};
  }
  [[nodiscard]] std::span<const double> sorted_y_km() const {
    return {sorted_y_km_.data(), indexed_count_};
  }
  [[nodiscard]] std::span<const std::uint8_t> sorted_side() const {
    return {sorted_side_.data(), indexed_count_};
  }
  [[nodiscard]] std::span<const std::uint8_t> sorted_kind() const {
    return {sorted_kind_.data(), indexed_count_};
  }
  // Largest side and kind among the indexed agents (0 when none), so that a
  // pair rule can check that its tables cover every agent.
  [[nodiscard]] std::uint8_t max_side() const { return max_side_; }
  [[nodiscard]] std::uint8_t max_kind() const { return max_kind_; }

 private:
  static std::int32_t axis_cell(double offset_km, double inv_cell_km, std::int32_t cells) {
    const double f = offset_km * inv_cell_km;
    // Written so that NaN lands in cell 0 instead of being undefined.
    if (!(f >= 0.0)) return 0;
    if (f >= static_cast<double>(cells)) return cells - 1;
    return static_cast<std::int32_t>(f);
  }

  void ensure_capacity(std::size_t agent_count, unsigned passes);

  WorldBounds bounds_;
  std::int32_t cols_ = 1;
  std::int32_t rows_ = 1;
  std::uint32_t cell_count_ = 1;
  double cell_width_km_ = 0.0;
  double cell_height_km_ = 0.0;
  double inv_cell_width_ = 0.0;
  double inv_cell_height_ = 0.0;

  std::size_t indexed_count_ = 0;
  std::vector<std::uint32_t> cell_start_;
  std::vector<AgentId> sorted_ids_;
  std::vector<double> sorted_x_km_;
  std::vector<double> sorted_y_km_;
  std::vector<std::uint8_t> sorted_side_;
  std::vector<std::uint8_t> sorted_kind_;
  std::uint8_t max_side_ = 0;
  std::uint8_t max_kind_ = 0;

  // Scratch for the counting-sort passes, kept between steps. The first
  // pair holds the output of pass 1 when there are two passes or more; the
  // second is only allocated for grids of more than 4 million cells.
  std::vector<std::uint32_t> key_a_;
  std::vector<AgentId> id_a_;
  std::vector<std::uint32_t> key_b_;
  std::vector<AgentId> id_b_;
  std::vector<std::uint32_t> histograms_;
  std::vector<std::uint8_t> chunk_max_side_;
  std::vector<std::uint8_t> chunk_max_kind_;
  std::vector<std::uint32_t> chunk_alive_;
};

}  // namespace hotline::engine
