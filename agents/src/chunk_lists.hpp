// Lists written by a parallel phase, one per chunk of slots, and merged in
// one order afterwards.
//
// Slots move between chunks as the store reorders agents and the chunking
// depends on nothing the output may depend on, so what a phase finds is
// gathered per chunk (no locks, no shared writes) and then merged and sorted:
// the merged list is the same at any thread count.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace hotline::agents::detail {

template <class T>
class ChunkLists {
 public:
  // Makes room for `chunks` chunks (kept allocated from step to step).
  void prepare(std::size_t chunks) { by_chunk_.resize(chunks); }
  // Chunk `chunk`'s list, emptied: for that chunk's task only.
  [[nodiscard]] std::vector<T>& take(std::size_t chunk) {
    std::vector<T>& list = by_chunk_[chunk];
    list.clear();
    return list;
  }
  // Merges every chunk's list and sorts it; merged() then returns it.
  const std::vector<T>& merge_sorted() {
    merged_.clear();
    for (const std::vector<T>& list : by_chunk_)
      merged_.insert(merged_.end(), list.begin(), list.end());
    std::sort(merged_.begin(), merged_.end());
    return merged_;
  }
  [[nodiscard]] const std::vector<T>& merged() const { return merged_; }

 private:
  std::vector<std::vector<T>> by_chunk_;
  std::vector<T> merged_;
};

}  // namespace hotline::agents::detail
