#include "hotline/trace/identity.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "hotline/trace/rows.hpp"

namespace hotline::trace {

namespace {

std::string number_text(double x) {
  return fmt::format("{}", x);
}

// Every field of a design that decides what its points run, as text.
std::string design_text(const std::optional<DesignIdentity>& design) {
  if (!design) return "none";
  std::string text = fmt::format("{} seed {} |", design->type, design->seed);
  for (const DesignFactor& f : design->factors) {
    text += fmt::format(" {} = {} [{}]{};", f.name, fmt::join(f.paths, " + "), f.unit,
                        f.whole ? " whole" : "");
  }
  for (const double v : design->values)
    text += fmt::format(" {}", v);
  return text;
}

}  // namespace

std::string text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

std::vector<std::pair<std::string, std::string>> TraceIdentity::matching_fields() const {
  std::string ids;
  for (std::size_t i = 0; i < policies.size(); ++i)
    ids += fmt::format("{}{} (#{})", i ? ", " : "", policy_ids[i], policies[i]);
  return {
      {"kind", kind},
      {"Hotline version", hotline_version},
      {"scenario (hash of its resolved form)", scenario_hash},
      {"scenario text", text_hash(scenario_yaml)},
      {"seed", std::to_string(seed)},
      {"days", number_text(days)},
      {"replications", std::to_string(replications)},
      {"policies", ids},
      {"design", design ? fmt::format("{} points of '{}' ({})", design->points(), design->name,
                                      text_hash(design_text(design)))
                        : std::string("none")},
      {"events", events},
      {"risk estimate", risk.empty() ? std::string("none") : risk},
      {"hostility interval (s)", number_text(hostility_interval_s)},
      {"state interval (s)", number_text(state_interval_s)},
  };
}

std::optional<std::string> identity_difference(const TraceIdentity& a, const std::string& a_name,
                                               const TraceIdentity& b, const std::string& b_name,
                                               bool shards) {
  auto fa = a.matching_fields();
  auto fb = b.matching_fields();
  if (shards) {
    fa.emplace_back("shard", fmt::format("{}/{}", a.shard_index, a.shard_count));
    fb.emplace_back("shard", fmt::format("{}/{}", b.shard_index, b.shard_count));
  }
  for (std::size_t i = 0; i < fa.size(); ++i) {
    if (fa[i].second != fb[i].second) {
      return fmt::format("{}: {} in {}, {} in {}", fa[i].first, fa[i].second, a_name, fb[i].second,
                         b_name);
    }
  }
  return std::nullopt;
}

namespace {

void put_text(std::vector<std::byte>& out, std::string_view text) {
  const std::uint64_t n = text.size();
  const auto* p = reinterpret_cast<const std::byte*>(&n);
  out.insert(out.end(), p, p + 8);
  const auto* t = reinterpret_cast<const std::byte*>(text.data());
  out.insert(out.end(), t, t + text.size());
}

std::string get_text(std::span<const std::byte>& in) {
  std::uint64_t n = 0;
  if (in.size() < 8) throw std::runtime_error("identity: cut short");
  std::memcpy(&n, in.data(), 8);
  in = in.subspan(8);
  if (n > in.size()) throw std::runtime_error("identity: cut short");
  std::string text(reinterpret_cast<const char*>(in.data()), static_cast<std::size_t>(n));
  in = in.subspan(static_cast<std::size_t>(n));
  return text;
}

// Numbers as the shortest text that reads back as the same double.
std::string doubles_text(const std::vector<double>& values) {
  return fmt::format("{}", fmt::join(values, " "));
}

std::vector<double> doubles_from(const std::string& text) {
  std::vector<double> values;
  const char* p = text.c_str();
  while (*p != '\0') {
    char* end = nullptr;
    values.push_back(std::strtod(p, &end));
    if (end == p) throw std::runtime_error("identity: bad design values");
    p = end;
  }
  return values;
}

void put_design(std::vector<std::byte>& out, const std::optional<DesignIdentity>& design) {
  put_text(out, design ? "design" : "no design");
  if (!design) return;
  for (const std::string* text :
       {&design->name, &design->description, &design->file, &design->text, &design->type})
    put_text(out, *text);
  put_text(out, std::to_string(design->seed));
  put_text(out, fmt::format("{} {}", design->max_abs_correlation, design->factors.size()));
  for (const DesignFactor& f : design->factors) {
    put_text(out, f.name);
    put_text(out, f.unit);
    put_text(out, f.si_unit);
    put_text(out, fmt::format("{} {} {}", f.si_per_unit, f.whole ? 1 : 0, f.paths.size()));
    for (const std::string& path : f.paths)
      put_text(out, path);
  }
  put_text(out, doubles_text(design->values));
}

// A count read as a number: whole, and no more than the bytes left could
// hold (each item takes at least 8).
std::size_t count_from(double value, std::size_t bytes_left) {
  if (!(value >= 0.0 && value <= static_cast<double>(bytes_left / 8) && value == std::floor(value)))
    throw std::runtime_error("identity: bad design count");
  return static_cast<std::size_t>(value);
}

std::optional<DesignIdentity> get_design(std::span<const std::byte>& in) {
  if (get_text(in) != "design") return std::nullopt;
  DesignIdentity design;
  for (std::string* text :
       {&design.name, &design.description, &design.file, &design.text, &design.type})
    *text = get_text(in);
  design.seed = std::stoull(get_text(in));
  const std::vector<double> header = doubles_from(get_text(in));
  if (header.size() != 2) throw std::runtime_error("identity: bad design header");
  design.max_abs_correlation = header[0];
  for (std::size_t f = 0, n = count_from(header[1], in.size()); f < n; ++f) {
    DesignFactor factor;
    factor.name = get_text(in);
    factor.unit = get_text(in);
    factor.si_unit = get_text(in);
    const std::vector<double> numbers = doubles_from(get_text(in));
    if (numbers.size() != 3) throw std::runtime_error("identity: bad design factor");
    factor.si_per_unit = numbers[0];
    factor.whole = numbers[1] != 0.0;
    for (std::size_t k = 0, paths = count_from(numbers[2], in.size()); k < paths; ++k)
      factor.paths.push_back(get_text(in));
    design.factors.push_back(std::move(factor));
  }
  design.values = doubles_from(get_text(in));
  if (design.factors.empty() ? !design.values.empty()
                             : design.values.size() % design.factors.size() != 0)
    throw std::runtime_error("identity: the design's values are not whole points");
  return design;
}

}  // namespace

std::vector<std::byte> TraceIdentity::encode() const {
  std::vector<std::byte> out;
  // The row layouts are part of what a journal's records mean.
  put_text(out, fmt::format("hotline trace identity 3; rows {} {} {} {}", sizeof(SummaryRow),
                            sizeof(DyadRow), sizeof(PresenceRow), sizeof(EventRow)));
  for (const std::string* text : {&kind, &hotline_version, &scenario_file, &scenario_yaml,
                                  &resolved_yaml, &scenario_hash, &scenario_name, &events}) {
    put_text(out, *text);
  }
  put_text(out, fmt::format("{} {} {} {} {} {} {}", seed, number_text(days), replications,
                            shard_index, shard_count, number_text(hostility_interval_s),
                            number_text(state_interval_s)));
  put_text(out, std::to_string(policies.size()));
  for (std::size_t i = 0; i < policies.size(); ++i) {
    put_text(out, std::to_string(policies[i]));
    put_text(out, policy_ids[i]);
  }
  put_design(out, design);
  put_text(out, risk);
  return out;
}

TraceIdentity TraceIdentity::decode(std::span<const std::byte> bytes) {
  TraceIdentity id;
  const std::string layout = get_text(bytes);
  if (layout
      != fmt::format("hotline trace identity 3; rows {} {} {} {}", sizeof(SummaryRow),
                     sizeof(DyadRow), sizeof(PresenceRow), sizeof(EventRow))) {
    throw std::runtime_error("written by a different build (" + layout + ")");
  }
  for (std::string* text : {&id.kind, &id.hotline_version, &id.scenario_file, &id.scenario_yaml,
                            &id.resolved_yaml, &id.scenario_hash, &id.scenario_name, &id.events}) {
    *text = get_text(bytes);
  }
  const std::string numbers = get_text(bytes);
  unsigned long long seed = 0;
  char days[64] = {};
  char hostility[64] = {};
  char states[64] = {};
  if (std::sscanf(numbers.c_str(), "%llu %63s %u %u %u %63s %63s", &seed, days, &id.replications,
                  &id.shard_index, &id.shard_count, hostility, states)
      != 7) {
    throw std::runtime_error("identity: bad numbers");
  }
  id.seed = seed;
  id.days = std::stod(days);
  id.hostility_interval_s = std::stod(hostility);
  id.state_interval_s = std::stod(states);
  const std::size_t count = std::stoul(get_text(bytes));
  for (std::size_t i = 0; i < count; ++i) {
    id.policies.push_back(std::stoul(get_text(bytes)));
    id.policy_ids.push_back(get_text(bytes));
  }
  id.design = get_design(bytes);
  id.risk = get_text(bytes);
  return id;
}

}  // namespace hotline::trace
