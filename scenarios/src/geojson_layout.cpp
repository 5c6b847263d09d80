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

// Follows the JSON grammar's structure: where a key, a value, a colon, a
// comma or a closer may stand. Anything else returns nullopt, and the file
// is read whole by the YAML reader, which then says what is wrong.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<GeoJsonLayout> run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      bool ok = true;
      if (is_space(c)) {
        ++at_;
      } else if (c == ',') {
        ok = comma();
      } else if (c == ':') {
        ok = expect_ == Expect::colon;
        expect_ = Expect::value;
        ++at_;
      } else if (c == '"') {
        ok = string();
      } else if (c == '{' || c == '[') {
        ok = open(c);
      } else if (c == '}' || c == ']') {
        ok = close(c);
      } else if (starts_json_token(c)) {
        ok = token();
      } else {
        ok = false;
      }
      if (!ok) return std::nullopt;
    }
    if (!stack_.empty() || !found_features_) return std::nullopt;
    return layout_;
  }

 private:
  // What may come next.
  enum class Expect : std::uint8_t {
    value,           // a value (after '[', ',' in an array, ':'; or the document)
    key,             // a key (after ',' in an object)
    key_or_close,    // just after '{'
    value_or_close,  // just after '['
    colon,           // after a key
    comma_or_close,  // after a value
  };

  bool value_here() const { return expect_ == Expect::value || expect_ == Expect::value_or_close; }
  bool in_features() const { return !stack_.empty() && stack_.back().role == Role::features; }

  bool comma() {
    if (expect_ != Expect::comma_or_close || stack_.empty()) return false;
    expect_ = stack_.back().opener == '{' ? Expect::key : Expect::value;
    ++at_;
    return true;
  }

  bool string() {
    const bool is_key = expect_ == Expect::key || expect_ == Expect::key_or_close;
    if (!is_key && (!value_here() || stack_.empty() || in_features())) return false;
    const std::size_t begin = ++at_;
    while (at_ < text_.size() && text_[at_] != '"')
      at_ += text_[at_] == '\\' ? std::size_t{2} : std::size_t{1};
    if (at_ >= text_.size()) return false;
    key_ = is_key ? text_.substr(begin, at_ - begin) : std::string_view{};
    ++at_;
    expect_ = is_key ? Expect::colon : Expect::comma_or_close;
    return true;
  }

  bool token() {
    if (!value_here() || stack_.empty() || in_features()) return false;
    while (at_ < text_.size() && !is_space(text_[at_]) && text_[at_] != ',' && text_[at_] != ']'
           && text_[at_] != '}' && text_[at_] != ':') {
      ++at_;
    }
    key_ = {};
    expect_ = Expect::comma_or_close;
    return true;
  }

  bool open(char opener) {
    if (!value_here()) return false;
    const Frame* parent = stack_.empty() ? nullptr : &stack_.back();
    if (parent == nullptr && seen_root_) return false;  // a second document
    const Role role = role_of(opener, parent, key_);
    if (parent != nullptr && parent->role == Role::features && role != Role::feature) return false;
    if (role == Role::root) seen_root_ = true;
    if (role == Role::feature) layout_.items.push_back({});
    stack_.push_back({opener, role, at_});
    key_ = {};
    expect_ = opener == '{' ? Expect::key_or_close : Expect::value_or_close;
    ++at_;
    return true;
  }

  bool close(char closer) {
    if (stack_.empty() || (stack_.back().opener == '{') != (closer == '}')) return false;
    const bool empty = expect_ == Expect::key_or_close || expect_ == Expect::value_or_close;
    if (!empty && expect_ != Expect::comma_or_close) return false;
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
    expect_ = Expect::comma_or_close;
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<Frame> stack_;
  std::string_view key_;  // the key whose value comes next, in an object
  Expect expect_ = Expect::value;
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
