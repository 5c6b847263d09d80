// Structure-of-arrays storage of the agents of one replication.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "hotline/engine/fixed_chunks.hpp"
#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::engine {

// An agent's identity for the whole run: random draws, events, traces and
// references between agents use it. Where an agent is stored (its slot) is
// not stable: the spatial index keeps the store sorted by cell every step
// (UniformGrid::rebuild), so that every phase reads neighbours from nearby
// memory. Slot s holds the agent id[s]; slot_of(id) finds an agent's slot.
using AgentId = std::uint32_t;

// Columns every agent has, indexed by slot. Units: km, radians (heading
// measured counter-clockwise from +x), km per second. Models keep further
// per-agent columns with add_column(), which the store reorders together with
// its own, so that a slot's values always belong to the same agent.
class AgentStore {
 public:
  // Slots per parallel task when columns are reordered.
  static constexpr std::size_t kPermuteChunk = 16384;

  std::vector<double> x_km;
  std::vector<double> y_km;
  std::vector<double> heading_rad;
  std::vector<double> speed_km_s;
  std::vector<std::uint8_t> side;   // allegiance: the pair rule says which sides interact
  std::vector<std::uint8_t> kind;   // index into the pair rule's range table
  std::vector<std::uint8_t> alive;  // 0: ignored by the spatial index and pair finding
  std::vector<AgentId> id;          // the agent stored in each slot

  AgentStore() = default;
  // `count` agents with ids 0..count-1 in slots 0..count-1.
  explicit AgentStore(std::size_t count) { resize(count); }
  AgentStore(const AgentStore& other);
  AgentStore& operator=(const AgentStore& other);
  AgentStore(AgentStore&&) noexcept = default;
  AgentStore& operator=(AgentStore&&) noexcept = default;
  ~AgentStore() = default;

  // Resizes every column together; new agents get the next ids, are alive, at
  // the origin, still.
  void resize(std::size_t count);
  [[nodiscard]] std::size_t size() const { return x_km.size(); }

  // A model-defined per-agent column, kept in slot order with the others.
  // The reference stays valid for the store's lifetime.
  template <class T>
  std::vector<T>& add_column(T initial = T{}) {
    auto column = std::make_unique<ExtraColumn<T>>();
    column->values.assign(size(), initial);
    column->initial = initial;
    std::vector<T>& values = column->values;
    extra_columns_.push_back(std::move(column));
    return values;
  }

  // Reorders every column so that new slot s holds what slot order[s] held.
  // `order` must be a permutation of 0..size()-1. Column by column: the
  // columns of one type share one spare buffer, which keeps a big store's
  // memory down. Allocates nothing once the spares exist (the first call).
  void permute(std::span<const std::uint32_t> order);

  // The same reorder in pieces, for a caller that works the order out range
  // by range in parallel (the grid's incremental re-sort of small stores)
  // and gathers each range while it is still in cache: begin_reorder() sizes
  // a spare buffer for every column (one each, since every column of a
  // range is gathered at once: more memory than permute()); gather_range(
  // order, begin, end) writes new slots [begin, end) of every spare from the
  // old slots order[begin..end) (safe from several threads at once for
  // disjoint ranges: the columns are only read); end_reorder() swaps the
  // spares in, once every slot was gathered. Only order[begin, end) need be
  // known when a range is gathered.
  void begin_reorder();
  void gather_range(std::span<const std::uint32_t> order, std::size_t begin, std::size_t end);
  void end_reorder();

  // The slot of every agent id. Built on the first call after a resize() or
  // a permute(), so make that first call from one thread (for example before
  // a parallel phase that looks agents up by id). Once anyone has asked, a
  // reorder in pieces keeps it up to date as it gathers the ids, while
  // they are in cache (a store whose users never ask pays nothing for it).
  [[nodiscard]] std::span<const std::uint32_t> slots_by_id() const;
  [[nodiscard]] std::uint32_t slot_of(AgentId agent) const { return slots_by_id()[agent]; }

  // Every column in slot order, extra columns included, for a snapshot;
  // and back, into a store of the same size whose model added the same
  // extra columns in the same order (the world that made the snapshot,
  // rebuilt from its description). Throws SnapshotError for bytes that do
  // not fit it.
  void save(SnapshotWriter& out) const;
  void restore(SnapshotReader& in);

 private:
  struct ColumnBase {
    virtual ~ColumnBase() = default;
    virtual void begin_reorder() = 0;
    virtual void gather_range(const std::uint32_t* order, std::size_t begin, std::size_t end) = 0;
    virtual void end_reorder() = 0;
    virtual void resize(std::size_t count) = 0;
    [[nodiscard]] virtual std::unique_ptr<ColumnBase> clone() const = 0;
    virtual void save(SnapshotWriter& out) const = 0;
    virtual void restore(SnapshotReader& in) = 0;
  };
  template <class T>
  struct ExtraColumn final : ColumnBase {
    std::vector<T> values;
    std::vector<T> spare;
    T initial{};
    void begin_reorder() override { spare.resize(values.size()); }
    void gather_range(const std::uint32_t* order, std::size_t begin, std::size_t end) override {
      const T* __restrict from = values.data();
      T* __restrict to = spare.data();
      for (std::size_t s = begin; s < end; ++s)
        to[s] = from[order[s]];
    }
    void end_reorder() override { values.swap(spare); }
    void resize(std::size_t count) override { values.resize(count, initial); }
    [[nodiscard]] std::unique_ptr<ColumnBase> clone() const override {
      auto copy = std::make_unique<ExtraColumn<T>>();
      copy->values = values;
      copy->initial = initial;
      return copy;
    }
    void save(SnapshotWriter& out) const override {
      static_assert(SnapshotValue<T>, "a column in a snapshot holds plain values");
      out.values(values);
    }
    void restore(SnapshotReader& in) override { in.values(values, values.size()); }
  };

  std::vector<std::unique_ptr<ColumnBase>> extra_columns_;
  // Spare buffers that a reorder gathers into and then swaps with a column.
  // permute() uses the first three for all columns of their type;
  // begin_reorder() adds one for every other column.
  std::vector<double> spare_double_;
  std::vector<std::uint8_t> spare_byte_;
  std::vector<AgentId> spare_id_;
  std::vector<double> spare_y_km_;
  std::vector<double> spare_heading_rad_;
  std::vector<double> spare_speed_km_s_;
  std::vector<std::uint8_t> spare_kind_;
  std::vector<std::uint8_t> spare_alive_;
  mutable std::vector<std::uint32_t> slots_by_id_;
  mutable bool slots_by_id_valid_ = false;
  mutable bool slots_by_id_wanted_ = false;
};

}  // namespace hotline::engine
