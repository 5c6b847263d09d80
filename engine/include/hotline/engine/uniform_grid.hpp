// Uniform-grid spatial index, rebuilt every step by a parallel counting sort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
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

// How rebuild() keeps the agent store.
enum class StoreOrder : std::uint8_t {
  // Sorted every rebuild: sorted position s is the store's slot s, and every
  // column, model columns included, is permuted each time. Agents move
  // little in a step, so the store stays nearly sorted and every phase reads
  // neighbours from nearby memory; a thread works on one region of space.
  sorted,
  // Nearly sorted: the grid keeps the sorted order as a list of slots and a
  // sorted copy of what pair finding reads (ids, positions, sides, kinds),
  // and permutes the store into the sorted order only once many agents are
  // far from their sorted position (more than one in UniformGrid::kFarShare,
  // more than UniformGrid::kNearSlots slots away). The agents that change cell in a step shift the
  // others by a slot or two, which costs nothing in locality but makes every
  // slot change in a full reorder: for a few thousand platforms with ten
  // model columns each, the reorder was most of the index phase's bytes.
  nearly_sorted,
};

// The indexed agents in the grid's (cell, id) order, position by position:
// what pair finding reads. Points into the store (StoreOrder::sorted) or
// into the grid's sorted copy (StoreOrder::nearly_sorted); valid until the
// next rebuild, or until the store changes.
struct SortedAgents {
  const AgentId* id;
  const double* x_km;
  const double* y_km;
  const std::uint8_t* side;
  const std::uint8_t* kind;
};

// Cells are at least `cell_min_km` on each side (set it to the largest range
// any pair query will use), so every pair within range lies in the same or
// adjacent cells. On a torus an axis with fewer than three cells collapses to
// one cell, since its neighbours would repeat; pairs along it then use the
// minimum-image distance.
//
// rebuild() puts the agents in (cell, id) order: alive agents fill sorted
// positions [0, indexed_count()) cell by cell (row-major cells) and, inside
// a cell, by ascending AgentId; dead agents follow. The order is a function
// of the positions and ids alone, never of the thread count or of the
// previous order. With StoreOrder::sorted the store itself is in that order
// after every rebuild; with StoreOrder::nearly_sorted sorted_slots() says
// which slot is at each sorted position, and the store's own order is a
// function of the history of positions (the same at any thread count).
class UniformGrid {
 public:
  // Nearly sorted: an agent counts as far from its sorted position beyond
  // this many slots, and the store is reordered once more than one agent in
  // kFarShare is far.
  static constexpr std::size_t kNearSlots = 64;
  static constexpr std::size_t kFarShare = 8;

  UniformGrid(const WorldBounds& bounds, double cell_min_km,
              StoreOrder store_order = StoreOrder::sorted);

  // Sorts the agents into cells and, as store_order() says, the store too
  // (every column, model columns included). Allocates only when the number
  // of agents grows past what an earlier rebuild saw. Pair finding must use
  // the same store, unchanged since (positions included). With
  // StoreOrder::nearly_sorted nothing else may reorder the store.
  void rebuild(AgentStore& agents);

  [[nodiscard]] StoreOrder store_order() const { return store_order_; }
  // The indexed agents in sorted order, as of the last rebuild of `agents`.
  [[nodiscard]] SortedAgents sorted_agents(const AgentStore& agents) const;
  // StoreOrder::nearly_sorted: the store slot at each sorted position (one
  // entry per agent, alive agents first). Empty with StoreOrder::sorted,
  // where sorted position and slot are the same.
  [[nodiscard]] std::span<const std::uint32_t> sorted_slots() const {
    return store_order_ == StoreOrder::nearly_sorted
               ? std::span<const std::uint32_t>{slots_.data(), sorted_count_}
               : std::span<const std::uint32_t>{};
  }
  // Whether the last rebuild reordered the store (always, when sorted).
  [[nodiscard]] bool last_rebuild_reordered_store() const { return last_rebuild_reordered_store_; }

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

  // Number of alive agents after the last rebuild: they occupy sorted
  // positions [0, indexed_count()).
  [[nodiscard]] std::size_t indexed_count() const { return indexed_count_; }
  // Cell c holds sorted positions cell_start()[c] .. cell_start()[c + 1];
  // cell_count() + 1 entries.
  [[nodiscard]] std::span<const std::uint32_t> cell_start() const {
    return {cell_start_.data(), cell_count_ + std::size_t{1}};
  }
  // Largest side and kind among the indexed agents (0 when none), so that a
  // pair rule can check that its tables cover every agent.
  [[nodiscard]] std::uint8_t max_side() const { return max_side_; }
  [[nodiscard]] std::uint8_t max_kind() const { return max_kind_; }
  // Whether rebuild() may re-sort incrementally (the default) or must run the
  // full counting sort every time. Both give the same order; the switch
  // exists to measure the full sort and to test one against the other.
  void set_incremental_resort(bool enabled) { incremental_resort_ = enabled; }
  // Whether the last rebuild re-sorted incrementally (only agents that changed
  // cell were sorted and merged) rather than sorting everything.
  [[nodiscard]] bool last_rebuild_was_incremental() const { return last_rebuild_was_incremental_; }

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
  std::uint8_t max_side_ = 0;
  std::uint8_t max_kind_ = 0;

  // Scratch kept between steps. keys_[s] is the cell key of slot s as the
  // last rebuild left the store (what the incremental re-sort starts from);
  // new_keys_ are the keys after the agents moved; next_keys_ the sorted keys
  // the incremental re-sort writes (swapped into keys_); order_[s] = the slot
  // that moves to slot s.
  struct Mover {
    std::uint64_t key_id;  // cell << 32 | id: the sort key
    std::uint32_t slot;
  };
  struct ChunkStats {
    std::size_t stayers = 0;
    std::size_t movers = 0;
    std::uint64_t first_stayer = 0;
    std::uint64_t last_stayer = 0;
    bool in_order = true;
    std::size_t stayers_before = 0;
    std::size_t movers_lo = 0;
    std::size_t movers_hi = 0;
  };
  void keys_and_movers(const AgentStore& agents, bool compare, const std::uint32_t* slots,
                       const AgentId* ids);
  bool plan_incremental_merge(std::size_t n);
  [[nodiscard]] std::pair<std::size_t, std::size_t> merged_range(std::size_t chunk) const;
  std::size_t merge_chunk(const ChunkStats& stats, std::size_t begin, std::size_t end,
                          const AgentId* ids, const std::uint32_t* id_slots,
                          std::uint32_t* order) const;
  void fill_cell_start(const std::uint32_t* sorted_keys, std::size_t begin, std::size_t end);
  template <class RangeOf>
  void fill_cell_start_heads(const std::uint32_t* sorted_keys, std::size_t n,
                             const RangeOf& range_of);
  void merge_movers(AgentStore& agents, bool fused);
  void full_order(const AgentId* ids, std::size_t n);
  void reorder_store_if_drifted(AgentStore& agents);
  void merge_and_copy(const AgentStore& agents, bool incremental);
  void copy_range(const AgentStore& agents, const std::uint32_t* full_sorted_keys,
                  std::size_t begin, std::size_t end, std::size_t chunk);
  void derive_cell_start(std::size_t n, bool gather_keys);

  StoreOrder store_order_ = StoreOrder::sorted;
  bool last_rebuild_reordered_store_ = false;
  std::size_t sorted_count_ = 0;  // store size at the last rebuild
  bool incremental_resort_ = true;
  bool last_rebuild_was_incremental_ = false;
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> new_keys_;
  std::vector<std::uint32_t> next_keys_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> slot_tmp_;
  std::vector<std::uint32_t> slot_tmp2_;
  std::vector<Mover> chunk_movers_;  // each chunk's movers, in its own part
  std::vector<Mover> movers_;        // all movers, sorted
  std::vector<ChunkStats> chunk_stats_;
  std::vector<std::uint32_t> histograms_;
  std::vector<std::uint8_t> chunk_max_side_;
  std::vector<std::uint8_t> chunk_max_kind_;

  // StoreOrder::nearly_sorted: the slot at each sorted position (and the
  // next rebuild's, swapped in), how many agents each chunk found far from
  // their sorted position, and the sorted copy of what pair finding reads.
  // keys_ and new_keys_ are then by sorted position of the previous order,
  // and order_ lists such positions.
  std::vector<std::uint32_t> slots_;
  std::vector<std::uint32_t> next_slots_;
  std::vector<std::size_t> chunk_far_;
  std::vector<AgentId> sorted_id_;
  std::vector<double> sorted_x_km_;
  std::vector<double> sorted_y_km_;
  std::vector<std::uint8_t> sorted_side_;
  std::vector<std::uint8_t> sorted_kind_;
};

}  // namespace hotline::engine
