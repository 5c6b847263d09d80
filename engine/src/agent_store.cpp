#include "hotline/engine/agent_store.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <limits>
#include <stdexcept>

#include "hotline/engine/fixed_chunks.hpp"

namespace hotline::engine {

namespace {

// Columns are gathered in parallel over fixed chunks; each slot is written by
// exactly one chunk, so the result cannot depend on the thread count.
constexpr std::size_t kPermuteChunk = AgentStore::kPermuteChunk;

template <class T>
void gather_into(const std::vector<T>& column, std::span<const std::uint32_t> order,
                 std::vector<T>& spare) {
  spare.resize(column.size());
  const T* from = column.data();
  T* to = spare.data();
  const std::uint32_t* o = order.data();
  for_each_chunk(order.size(), kPermuteChunk, [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t s = begin; s < end; ++s)
      to[s] = from[o[s]];
  });
}

template <class T>
void permute_column(std::vector<T>& column, std::span<const std::uint32_t> order,
                    std::vector<T>& spare) {
  gather_into(column, order, spare);
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

void AgentStore::permute(std::span<const std::uint32_t> order,
                         const std::function<void()>& alongside) {
  if (order.size() != size()) {
    throw std::invalid_argument("AgentStore::permute: order must list every slot once");
  }
  // One task per group of columns that share a spare buffer (the doubles,
  // the bytes, the ids), one per extra column (each has its own spare), and
  // the caller's task: a single parallel region. Each column is written by
  // one task only, so the result cannot depend on the threads; a group's
  // columns are further split into chunks when the store is big.
  const std::size_t groups = 3;
  const std::size_t tasks = groups + extra_columns_.size() + (alongside ? 1 : 0);
  tbb::parallel_for(
      std::size_t{0}, tasks,
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
          default:
            if (task - groups < extra_columns_.size()) {
              extra_columns_[task - groups]->permute(order);
            } else {
              alongside();
            }
        }
      },
      tbb::simple_partitioner{});
  slots_by_id_valid_ = false;
}

std::span<const std::uint32_t> AgentStore::slots_by_id() const {
  if (!slots_by_id_valid_) {
    slots_by_id_.resize(size());
    for (std::size_t s = 0; s < size(); ++s)
      slots_by_id_[id[s]] = static_cast<std::uint32_t>(s);
    slots_by_id_valid_ = true;
  }
  return slots_by_id_;
}

}  // namespace hotline::engine
