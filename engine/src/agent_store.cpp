#include "hotline/engine/agent_store.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include <limits>
#include <stdexcept>

#include "hotline/engine/fixed_chunks.hpp"

namespace hotline::engine {

namespace {

constexpr std::size_t kPermuteChunk = AgentStore::kPermuteChunk;

// to[s] = from[order[s]] for s in [begin, end).
template <class T>
void gather(const std::vector<T>& column, const std::uint32_t* order, std::size_t begin,
            std::size_t end, std::vector<T>& spare) {
  const T* __restrict from = column.data();
  T* __restrict to = spare.data();
  for (std::size_t s = begin; s < end; ++s)
    to[s] = from[order[s]];
}

// A whole column, in parallel over fixed chunks (each slot written by one
// chunk, so the result cannot depend on the thread count), then swapped with
// its spare, which the next column of the same type reuses.
template <class T>
void permute_column(std::vector<T>& column, std::span<const std::uint32_t> order,
                    std::vector<T>& spare) {
  spare.resize(column.size());
  for_each_chunk(order.size(), kPermuteChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
    gather(column, order.data(), begin, end, spare);
  });
  column.swap(spare);
}

}  // namespace

AgentStore::AgentStore(const AgentStore& other)
    : x_km(other.x_km),
      y_km(other.y_km),
      heading_rad(other.heading_rad),
      speed_km_s(other.speed_km_s),
      side(other.side),
      kind(other.kind),
      alive(other.alive),
      id(other.id) {
  for (const auto& column : other.extra_columns_)
    extra_columns_.push_back(column->clone());
}

AgentStore& AgentStore::operator=(const AgentStore& other) {
  if (this != &other) {
    AgentStore copy(other);
    *this = std::move(copy);
  }
  return *this;
}

void AgentStore::resize(std::size_t count) {
  if (count > std::numeric_limits<AgentId>::max()) {
    throw std::length_error("AgentStore: more agents than a 32-bit AgentId can address");
  }
  const std::size_t old = size();
  x_km.resize(count, 0.0);
  y_km.resize(count, 0.0);
  heading_rad.resize(count, 0.0);
  speed_km_s.resize(count, 0.0);
  side.resize(count, 0);
  kind.resize(count, 0);
  alive.resize(count, 1);
  id.resize(count);
  for (std::size_t s = old; s < count; ++s)
    id[s] = static_cast<AgentId>(s);
  for (auto& column : extra_columns_)
    column->resize(count);
  slots_by_id_valid_ = false;
}

void AgentStore::permute(std::span<const std::uint32_t> order) {
  if (order.size() != size()) {
    throw std::invalid_argument("AgentStore::permute: order must list every slot once");
  }
  // One task per group of columns that share a spare buffer (the doubles,
  // the bytes, the ids) and one per extra column (each has its own spare):
  // a single parallel region. Each column is written by one task only, so
  // the result cannot depend on the threads; a group's columns are further
  // split into chunks when the store is big.
  const std::size_t groups = 3;
  tbb::parallel_for(
      std::size_t{0}, groups + extra_columns_.size(),
      [&](std::size_t task) {
        switch (task) {
          case 0:
            permute_column(x_km, order, spare_double_);
            permute_column(y_km, order, spare_double_);
            permute_column(heading_rad, order, spare_double_);
            permute_column(speed_km_s, order, spare_double_);
            return;
          case 1:
            permute_column(side, order, spare_byte_);
            permute_column(kind, order, spare_byte_);
            permute_column(alive, order, spare_byte_);
            return;
          case 2:
            permute_column(id, order, spare_id_);
            return;
          default: {
            ColumnBase& column = *extra_columns_[task - groups];
            column.begin_reorder();
            column.gather_range(order.data(), 0, order.size());
            column.end_reorder();
          }
        }
      },
      tbb::simple_partitioner{});
  slots_by_id_valid_ = false;
}

void AgentStore::begin_reorder() {
  const std::size_t n = size();
  spare_double_.resize(n);
  spare_y_km_.resize(n);
  spare_heading_rad_.resize(n);
  spare_speed_km_s_.resize(n);
  spare_byte_.resize(n);
  spare_kind_.resize(n);
  spare_alive_.resize(n);
  spare_id_.resize(n);
  for (auto& column : extra_columns_)
    column->begin_reorder();
  if (slots_by_id_wanted_) slots_by_id_.resize(n);
}

void AgentStore::gather_range(std::span<const std::uint32_t> order, std::size_t begin,
                              std::size_t end) {
  const std::uint32_t* o = order.data();
  gather(x_km, o, begin, end, spare_double_);
  gather(y_km, o, begin, end, spare_y_km_);
  gather(heading_rad, o, begin, end, spare_heading_rad_);
  gather(speed_km_s, o, begin, end, spare_speed_km_s_);
  gather(side, o, begin, end, spare_byte_);
  gather(kind, o, begin, end, spare_kind_);
  gather(alive, o, begin, end, spare_alive_);
  gather(id, o, begin, end, spare_id_);
  for (auto& column : extra_columns_)
    column->gather_range(o, begin, end);
  // The new slots of these agents, while their ids are in cache: each id is
  // in one range only, so ranges write distinct entries.
  if (slots_by_id_wanted_) {
    const AgentId* ids = spare_id_.data();
    std::uint32_t* slot_of_id = slots_by_id_.data();
    for (std::size_t s = begin; s < end; ++s)
      slot_of_id[ids[s]] = static_cast<std::uint32_t>(s);
  }
}

void AgentStore::end_reorder() {
  x_km.swap(spare_double_);
  y_km.swap(spare_y_km_);
  heading_rad.swap(spare_heading_rad_);
  speed_km_s.swap(spare_speed_km_s_);
  side.swap(spare_byte_);
  kind.swap(spare_kind_);
  alive.swap(spare_alive_);
  id.swap(spare_id_);
  for (auto& column : extra_columns_)
    column->end_reorder();
  slots_by_id_valid_ = slots_by_id_wanted_;
}

std::span<const std::uint32_t> AgentStore::slots_by_id() const {
  if (!slots_by_id_wanted_) slots_by_id_wanted_ = true;  // no write once set: calls run in parallel
  if (!slots_by_id_valid_) {
    slots_by_id_.resize(size());
    for (std::size_t s = 0; s < size(); ++s)
      slots_by_id_[id[s]] = static_cast<std::uint32_t>(s);
    slots_by_id_valid_ = true;
  }
  return slots_by_id_;
}

void AgentStore::save(SnapshotWriter& out) const {
  out.part("agent store");
  out.values(x_km);
  out.values(y_km);
  out.values(heading_rad);
  out.values(speed_km_s);
  out.values(side);
  out.values(kind);
  out.values(alive);
  out.values(id);
  out.value(static_cast<std::uint64_t>(extra_columns_.size()));
  for (const auto& column : extra_columns_)
    column->save(out);
}

void AgentStore::restore(SnapshotReader& in) {
  in.part("agent store");
  const std::size_t n = size();
  in.values(x_km, n);
  in.values(y_km, n);
  in.values(heading_rad, n);
  in.values(speed_km_s, n);
  in.values(side, n);
  in.values(kind, n);
  in.values(alive, n);
  in.values(id, n);
  // Every id once: slot lookups index by id.
  std::vector<std::uint8_t> seen(n, 0);
  for (const AgentId a : id) {
    if (a >= n || seen[a] != 0) throw SnapshotError("snapshot: agent store: ids are not 0..n-1");
    seen[a] = 1;
  }
  if (in.value<std::uint64_t>() != extra_columns_.size())
    throw SnapshotError("snapshot: agent store: another number of model columns");
  for (const auto& column : extra_columns_)
    column->restore(in);
  // The slots of the ids are worked out again when next asked.
  slots_by_id_valid_ = false;
}

}  // namespace hotline::engine
