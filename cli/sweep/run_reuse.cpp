#include "sweep/run_reuse.hpp"

#include <fmt/format.h>

#include <map>
#include <string>

namespace hotline::cli {

bool path_reaches_policy(std::string_view path, std::string_view policy_id,
                         std::size_t policy_index) {
  if (path.starts_with("policies.")) {
    const std::string_view rest = path.substr(std::string_view("policies.").size());
    return rest.starts_with(policy_id) && rest.size() > policy_id.size()
           && rest[policy_id.size()] == '.';
  }
  if (path.starts_with("policies["))
    return path.starts_with(fmt::format("policies[{}].", policy_index));
  return true;
}

RunReuse::RunReuse(const trace::TraceIdentity& identity) {
  if (!identity.design) return;
  const trace::DesignIdentity& design = *identity.design;
  policies_ = static_cast<std::uint32_t>(identity.policies.size());
  const std::size_t points = design.points();
  source_point_.resize(points * policies_);
  for (std::uint32_t q = 0; q < policies_; ++q) {
    std::vector<std::size_t> seen_by_policy;  // the factors this policy sees
    for (std::size_t f = 0; f < design.factors.size(); ++f) {
      for (const std::string& path : design.factors[f].paths) {
        if (path_reaches_policy(path, identity.policy_ids[q], identity.policies[q])) {
          seen_by_policy.push_back(f);
          break;
        }
      }
    }
    std::map<std::vector<double>, std::uint32_t> first;
    for (std::uint32_t p = 0; p < points; ++p) {
      std::vector<double> values;
      for (const std::size_t f : seen_by_policy)
        values.push_back(design.value(p, f));
      source_point_[p * policies_ + q] = first.emplace(values, p).first->second;
    }
  }
}

engine::RunKey RunReuse::source(engine::RunKey key) const {
  if (source_point_.empty()) return key;
  return {key.policy, key.replication, source_point_[key.point * policies_ + key.policy]};
}

ReusePlan plan_reuse(const RunReuse& reuse, const engine::RunGrid& grid,
                     std::span<const engine::RunKey> todo, const std::vector<bool>& done) {
  ReusePlan plan;
  std::vector<bool> in_todo(static_cast<std::size_t>(grid.size()), false);
  for (const engine::RunKey key : todo)
    in_todo[static_cast<std::size_t>(grid.canonical_index(key))] = true;
  for (const engine::RunKey key : todo) {
    const engine::RunKey source = reuse.source(key);
    const std::uint64_t index = grid.canonical_index(source);
    if (source == key) {
      plan.simulate.push_back(key);
    } else if (done[static_cast<std::size_t>(index)]) {
      plan.from_done.emplace_back(key, source);
      ++plan.reused;
    } else if (in_todo[static_cast<std::size_t>(index)]) {
      plan.copies[index].push_back(key);
      ++plan.reused;
    } else {
      plan.simulate.push_back(key);  // its source is another shard's
    }
  }
  return plan;
}

std::vector<std::byte> record_at_point(trace::RunRecord record, std::uint32_t point) {
  record.summary.point = point;
  for (auto& row : record.dyads)
    row.point = point;
  for (auto& row : record.presence)
    row.point = point;
  for (auto& row : record.events)
    row.point = point;
  return trace::encode_run_record(record);
}

}  // namespace hotline::cli
