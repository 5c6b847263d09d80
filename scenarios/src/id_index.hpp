// The ids of the lists a scenario reader has read so far (points, bases,
// zones, classes, forces, ...), so that "is this id taken?" and "which item
// is this id?" take constant time: validating a file stays O(n log n) in
// its number of items and references, where scanning the list each time
// made 80,000 points take 14 s.
//
// A list is known by its address; the readers only ever append to their
// lists, and the index catches up with what was appended since it last
// looked. The first item with an id wins, as a scan from the front would.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hotline::scenarios::detail {

class IdIndexes {
 public:
  template <class Item>
  [[nodiscard]] std::optional<std::size_t> find(const std::vector<Item>& items,
                                                std::string_view id) {
    Index& index = indexes_[static_cast<const void*>(&items)];
    if (index.count > items.size()) index = Index{};  // not a list that only grows: start over
    for (; index.count < items.size(); ++index.count)
      index.position.emplace(items[index.count].id, index.count);
    const auto found = index.position.find(std::string(id));
    if (found == index.position.end()) return std::nullopt;
    return found->second;
  }

 private:
  struct Index {
    std::size_t count = 0;
    std::unordered_map<std::string, std::size_t> position;
  };
  std::unordered_map<const void*, Index> indexes_;
};

}  // namespace hotline::scenarios::detail
