#include "geojson_layout.hpp"

#include <algorithm>
#include <cstdint>

namespace hotline::scenarios::detail {

namespace {

// What an open array or object is to the land file.
enum class Role : std::uint8_t { other, root, features, feature, geometry, coordinates };

struct Frame {
  char opener;  // '{' or '['
  Role role;
  std::size_t begin;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A JSON number or literal starts so; anything else (a YAML comment, a bare
// word, a quote of YAML's) is a text the scan does not follow.
bool starts_json_token(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n';
}

// The role of a container opened with `opener` under `parent`, as the
// value of `key` (empty in an array).
Role role_of(char opener, const Frame* parent, std::string_view key) {
  if (parent == nullptr) return opener == '{' ? Role::root : Role::other;
  switch (parent->role) {
    case Role::root:
      return opener == '[' && key == "features" ? Role::features : Role::other;
    case Role::features:
      return opener == '{' ? Role::feature : Role::other;
    case Role::feature:
      return opener == '{' && key == "geometry" ? Role::geometry : Role::other;
    case Role::geometry:
      return opener == '[' && key == "coordinates" ? Role::coordinates : Role::other;
    default:
      return Role::other;
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<GeoJsonLayout> run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (is_space(c) || c == ',' || c == ':') {
        ++at_;
      } else if (c == '"') {
        if (!string_or_key()) return std::nullopt;
      } else if (c == '{' || c == '[') {
        if (!open(c)) return std::nullopt;
      } else if (c == '}' || c == ']') {
        if (!close(c)) return std::nullopt;
      } else if (starts_json_token(c) && !stack_.empty()) {
        if (stack_.back().role == Role::features) return std::nullopt;  // not a feature
        while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != ',' && text_[at_] != ']'
               && text_[at_] != '}') {
          ++at_;
        }
        key_ = {};
      } else {
        return std::nullopt;
      }
    }
    if (!stack_.empty() || !found_features_) return std::nullopt;
    return layout_;
  }

 private:
  // A string: a key when a colon follows it inside an object, else a value.
  bool string_or_key() {
    const std::size_t begin = ++at_;
    while (at_ < text_.size() && text_[at_] != '"')
      at_ += text_[at_] == '\\' ? std::size_t{2} : std::size_t{1};
    if (at_ >= text_.size()) return false;
    const std::string_view content = text_.substr(begin, at_ - begin);
    ++at_;
    std::size_t next = at_;
    while (next < text_.size() && is_space(text_[next]))
      ++next;
    const bool is_key =
        next < text_.size() && text_[next] == ':' && !stack_.empty() && stack_.back().opener == '{';
    if (!is_key && !stack_.empty() && stack_.back().role == Role::features) return false;
    key_ = is_key ? content : std::string_view{};
    return true;
  }

  bool open(char opener) {
    const Frame* parent = stack_.empty() ? nullptr : &stack_.back();
    if (parent == nullptr && seen_root_) return false;  // a second document
    const Role role = role_of(opener, parent, key_);
    if (parent != nullptr && parent->role == Role::features && role != Role::feature) return false;
    if (role == Role::root) seen_root_ = true;
    if (role == Role::feature) layout_.items.push_back({});
    stack_.push_back({opener, role, at_});
    key_ = {};
    ++at_;
    return true;
  }

  bool close(char closer) {
    if (stack_.empty() || (stack_.back().opener == '{') != (closer == '}')) return false;
    const Frame frame = stack_.back();
    stack_.pop_back();
    ++at_;
    const TextSpan span{frame.begin, at_};
    switch (frame.role) {
      case Role::features:
        if (found_features_) return false;  // two "features" keys
        found_features_ = true;
        layout_.features = span;
        break;
      case Role::feature:
        layout_.items.back().feature = span;
        break;
      case Role::coordinates:
        if (layout_.items.back().coordinates) return false;  // two "coordinates" keys
        layout_.items.back().coordinates = span;
        break;
      default:
        break;
    }
    key_ = {};
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<Frame> stack_;
  std::string_view key_;  // the key whose value comes next, in an object
  bool seen_root_ = false;
  bool found_features_ = false;
  GeoJsonLayout layout_;
};

}  // namespace

std::optional<GeoJsonLayout> scan_geojson_layout(std::string_view text) {
  return Scanner(text).run();
}

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int LineIndex::line_of(std::size_t offset) const {
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(after - line_starts_.begin());
}

int LineIndex::column_of(std::size_t offset) const {
  const std::size_t start = line_starts_[static_cast<std::size_t>(line_of(offset) - 1)];
  return static_cast<int>(offset - start) + 1;
}

}  // namespace hotline::scenarios::detail
