// Structure-of-arrays storage of the agents of one replication.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "hotline/engine/fixed_chunks.hpp"

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
  // `order` must be a permutation of 0..size()-1. Allocates nothing once each
  // column's spare buffer exists (the first call). `alongside`, if given, runs
  // as one more task of the same parallel region (the grid gathers its keys
  // there): one region per reorder, not one per column, matters when a store
  // of a few thousand agents is reordered every step.
  void permute(std::span<const std::uint32_t> order,
               const std::function<void()>& alongside = nullptr);

  // The slot of every agent id, valid until the next permute() or resize().
  // Rebuilt on the first call after either, so make that first call from one
  // thread (for example before a parallel phase that looks agents up by id).
  [[nodiscard]] std::span<const std::uint32_t> slots_by_id() const;
  [[nodiscard]] std::uint32_t slot_of(AgentId agent) const { return slots_by_id()[agent]; }

 private:
  struct ColumnBase {
    virtual ~ColumnBase() = default;
    virtual void permute(std::span<const std::uint32_t> order) = 0;
    virtual void resize(std::size_t count) = 0;
    [[nodiscard]] virtual std::unique_ptr<ColumnBase> clone() const = 0;
  };
  template <class T>
  struct ExtraColumn final : ColumnBase {
    std::vector<T> values;
    std::vector<T> spare;
    T initial{};
    void permute(std::span<const std::uint32_t> order) override {
      spare.resize(values.size());
      for (std::size_t s = 0; s < order.size(); ++s)
        spare[s] = values[order[s]];
      values.swap(spare);
    }
    void resize(std::size_t count) override { values.resize(count, initial); }
    [[nodiscard]] std::unique_ptr<ColumnBase> clone() const override {
      auto copy = std::make_unique<ExtraColumn<T>>();
      copy->values = values;
      copy->initial = initial;
      return copy;
    }
  };

  std::vector<std::unique_ptr<ColumnBase>> extra_columns_;
  // Spare buffers that permute() gathers into and then swaps with a column.
  std::vector<double> spare_double_;
  std::vector<std::uint8_t> spare_byte_;
  std::vector<AgentId> spare_id_;
  mutable std::vector<std::uint32_t> slots_by_id_;
  mutable bool slots_by_id_valid_ = false;
};

}  // namespace hotline::engine
