// A YAML node that knows where it is: its file position and key path.
//
// Every read goes through Value, so that any problem becomes a Diagnostic
// pointing at the exact line, column and key (for example
// "forces[3].mission.area"), and reading goes on to find the next problem.
// Reads return std::nullopt after reporting, never throw.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hotline/scenarios/diagnostics.hpp"
#include "hotline/scenarios/geography.hpp"
#include "hotline/scenarios/units.hpp"
#include "id_index.hpp"

namespace hotline::scenarios::detail {

struct ReadContext {
  ReadContext(std::string file_name, Diagnostics& sink)
      : file(std::move(file_name)), diagnostics(sink) {}

  std::string file;
  Diagnostics& diagnostics;
  // Items with a valid id that failed to load ("zone:senkaku_ts"): a
  // reference to one resolves to nothing without a second report, so that
  // one mistake gives one message.
  std::set<std::string> broken;
  // Once the frame and the land are read: every place read after is checked
  // against the land's coverage and the projection's extent.
  const Frame* frame = nullptr;
  const Geography* geography = nullptr;
  // Where the text the nodes were parsed from begins in the file (0-based
  // line and column), for a piece of a file parsed on its own (land files).
  int line_origin = 0;
  int column_origin = 0;
  // The ids of each list read so far, for lookups in constant time.
  IdIndexes ids;
  // "Did you mean" suggestions still to give: each compares the unknown id
  // with every candidate, so a file of thousands of unknown ids gets one for
  // the first hundred only.
  int suggestions_left = 100;
};

struct MapEntry;

class Value {
 public:
  Value(YAML::Node node, std::string path, ReadContext& context)
      : node_(std::move(node)), path_(std::move(path)), context_(&context) {}
  // yaml-cpp's Node assignment does not rebind: it makes the node assigned
  // to alias the other's data, rewriting the document (a list item became
  // its own `between` list that way, and lost its `answer_delay`). So a
  // Value is copied, never assigned.
  Value(const Value&) = default;
  Value(Value&&) = default;
  Value& operator=(const Value&) = delete;
  Value& operator=(Value&&) = delete;
  ~Value() = default;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] ReadContext& context() const { return *context_; }
  [[nodiscard]] SourceLocation location() const;
  // Reports a problem at this node, or at another place (a mapping key) under
  // this node's key path.
  void error(std::string message) const;
  void error_at(const SourceLocation& where, std::string message) const;

  // A mapping whose keys must all be among `known`: reports a non-mapping,
  // every unknown key (with a "did you mean" when one is close) and every
  // duplicate key, each at the key itself. False if this is not a mapping.
  bool expect_map(std::initializer_list<std::string_view> known) const;
  // The value under `key`, or nullopt (reporting "missing required key" at
  // this mapping for required()).
  [[nodiscard]] std::optional<Value> required(std::string_view key) const;
  [[nodiscard]] std::optional<Value> optional(std::string_view key) const;
  // A mapping with keys of the caller's choosing (nation ids, say): each
  // entry's key text, and its value with the path "path.key"; a duplicate
  // key is reported and skipped.
  [[nodiscard]] std::optional<std::vector<MapEntry>> entries() const;
  // The items of a sequence, each with the path "path[i]".
  [[nodiscard]] std::optional<std::vector<Value>> items() const;

  [[nodiscard]] bool is_scalar() const { return node_.IsScalar(); }
  [[nodiscard]] bool is_sequence() const { return node_.IsSequence(); }
  [[nodiscard]] std::optional<std::string> text() const;
  // true or false, written so (YAML's yes/no/on/off are refused: they are
  // too easy to misread).
  [[nodiscard]] std::optional<bool> boolean() const;
  [[nodiscard]] std::optional<double> quantity(Dimension dimension) const;
  [[nodiscard]] std::optional<double> probability() const;
  // A plain number in [minimum, maximum] (degrees of latitude, say).
  [[nodiscard]] std::optional<double> number(double minimum, double maximum) const;
  [[nodiscard]] std::optional<std::int64_t> integer(std::int64_t minimum,
                                                    std::int64_t maximum) const;

 private:
  [[nodiscard]] std::optional<std::string> scalar(std::string_view expected) const;
  [[nodiscard]] std::string child_path(std::string_view key) const;

  YAML::Node node_;
  std::string path_;
  ReadContext* context_;
};

struct MapEntry {
  std::string key;
  SourceLocation key_location;
  Value value;
};

}  // namespace hotline::scenarios::detail
