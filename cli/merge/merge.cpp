#include "merge/merge.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <ostream>

#include "common/exit_codes.hpp"
#include "common/output_claim.hpp"
#include "common/scenario_input.hpp"
#include "hotline/engine/run_grid.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::cli {

namespace {

std::string run_name(const trace::TraceIdentity& id, engine::RunKey key) {
  if (!id.design)
    return fmt::format("(policy {}, replication {})", id.policy_ids.at(key.policy),
                       key.replication);
  return fmt::format("(point {}, policy {}, replication {})", key.point,
                     id.policy_ids.at(key.policy), key.replication);
}

// "12 design points × " for an experiment's grid; "" for one point.
std::string points_text(const engine::RunGrid& grid) {
  return grid.points() > 1 ? fmt::format("{} design points × ", grid.points()) : std::string();
}

using Shards = std::vector<std::unique_ptr<trace::TraceReader>>;

// Opens the shard files: each must be a sweep shard of the same sweep as
// the first, and none the output. Empty (said on `err`) if not.
Shards open_shards(const MergeOptions& options, std::ostream& err) {
  namespace fs = std::filesystem;
  Shards shards;
  for (const std::string& path : options.inputs) {
    std::error_code error;
    if (fs::exists(path, error) && fs::exists(options.output, error)
        && fs::equivalent(path, options.output, error)) {
      err << fmt::format("hotline: error: {}: is both an input and the output\n", path);
      return {};
    }
    try {
      shards.push_back(std::make_unique<trace::TraceReader>(path));
    } catch (const trace::TraceError& e) {
      err << "hotline: error: " << e.what() << '\n';
      return {};
    }
    const trace::TraceIdentity& id = shards.back()->identity();
    if (id.kind != "sweep" && id.kind != "risk") {
      err << fmt::format("hotline: error: {}: a {} file, not a sweep or risk shard\n", path,
                         id.kind);
      return {};
    }
    if (auto diff = trace::identity_difference(shards.front()->identity(), shards.front()->path(),
                                               id, path, false)) {
      err << fmt::format("hotline: error: shards of different sweeps: {}\n", *diff);
      return {};
    }
  }
  return shards;
}

// The grid cells a shard holds, in its rows' order: /summary's runs, or a
// risk file's estimates.
std::vector<engine::RunKey> shard_keys(const trace::TraceReader& shard) {
  std::vector<engine::RunKey> keys;
  if (shard.identity().kind == "risk") {
    for (const trace::RiskRecord& r : shard.risk_records())
      keys.push_back({r.policy, r.repetition, 0});
    return keys;
  }
  for (const trace::SummaryRow& row : shard.summary())
    keys.push_back({row.policy, row.replication, row.point});
  return keys;
}

// Which file holds each run, at which row.
struct Place {
  int shard = -1;
  std::size_t position = 0;
};

// The place of every run of the grid, in canonical order; empty (said on
// `err`) for a row outside the grid or a run in two files.
std::vector<Place> place_runs(const Shards& shards, const engine::RunGrid& grid,
                              std::ostream& err) {
  const trace::TraceIdentity& first = shards.front()->identity();
  std::vector<Place> place(static_cast<std::size_t>(grid.size()));
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const std::vector<engine::RunKey> keys = shard_keys(*shards[s]);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const engine::RunKey key = keys[k];
      if (key.point >= grid.points() || key.policy >= grid.policies()
          || key.replication >= grid.replications()) {
        err << fmt::format("hotline: error: {}: row {} of {} is outside the grid\n",
                           shards[s]->path(), k,
                           first.kind == "risk" ? "/risk/estimates" : "/summary");
        return {};
      }
      Place& p = place[static_cast<std::size_t>(grid.canonical_index(key))];
      if (p.shard >= 0) {
        err << fmt::format("hotline: error: overlap: run {} is in both {} and {}\n",
                           run_name(first, key), shards[static_cast<std::size_t>(p.shard)]->path(),
                           shards[s]->path());
        return {};
      }
      p = {static_cast<int>(s), k};
    }
  }
  return place;
}

// False (said on `err`, with up to five of the missing runs) when a run of
// the grid is in no file.
bool no_holes(const Shards& shards, const engine::RunGrid& grid, const std::vector<Place>& place,
              std::ostream& err) {
  std::vector<std::string> missing;
  std::uint64_t holes = 0;
  for (std::uint64_t i = 0; i < grid.size(); ++i) {
    if (place[static_cast<std::size_t>(i)].shard >= 0) continue;
    if (++holes <= 5)
      missing.push_back(run_name(shards.front()->identity(), grid.canonical_key(i)));
  }
  if (holes == 0) return true;
  std::string given;
  for (const auto& s : shards) {
    given += fmt::format("{}{} ({}/{})", given.empty() ? "" : ", ", s->path(),
                         s->identity().shard_index, s->identity().shard_count);
  }
  err << fmt::format(
      "hotline: error: holes: {} of the {} runs ({}{} policies × {} replications) are in no "
      "file given, e.g. {}; the files: {}\n",
      holes, grid.size(), points_text(grid), grid.policies(), grid.replications(),
      fmt::join(missing, ", "), given);
  return false;
}

// Writes the merged file: the scenario as the shards resolved it (loading
// the resolved text gives the identical Scenario, so the fixed tables come
// out the same), then every run in canonical order.
void write_merged(const MergeOptions& options, const std::string& output, const Shards& shards,
                  const std::vector<Place>& place) {
  const trace::TraceIdentity& first = shards.front()->identity();
  const scenarios::Scenario scenario = scenarios::load_scenario_text(
      first.resolved_yaml, shards.front()->path() + ":/scenario/resolved_yaml");
  const agents::WorldSpec spec = scenarios::build_world_spec(scenario);
  trace::TraceIdentity merged = first;
  merged.shard_index = 1;
  merged.shard_count = 1;
  trace::TraceFile file(output, merged, options.command_line, scenario, spec);
  if (first.kind == "risk") {
    std::vector<std::vector<trace::RiskRecord>> held;
    for (const auto& shard : shards)
      held.push_back(shard->risk_records());
    std::vector<trace::RiskRecord> records;
    for (const Place& p : place)
      records.push_back(held[static_cast<std::size_t>(p.shard)][p.position]);
    file.write_risk(records, shards.front()->risk_level_names());
    file.commit();
    return;
  }
  for (const Place& p : place) {
    trace::RunRecord record = shards[static_cast<std::size_t>(p.shard)]->read_run(p.position);
    file.add_run(record);
  }
  file.commit();
}

}  // namespace

int run_merge(const MergeOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<OutputClaim> claim =
      claim_output(options.output, options.force, options.command_line, err);
  if (!claim) return kExitBadInput;
  const Shards shards = open_shards(options, err);
  if (shards.empty()) return kExitBadInput;
  const trace::TraceIdentity& first = shards.front()->identity();
  const engine::RunGrid grid(first.points(), static_cast<std::uint32_t>(first.policies.size()),
                             first.replications);
  const std::vector<Place> place = place_runs(shards, grid, err);
  if (place.empty() || !no_holes(shards, grid, place, err)) return kExitBadInput;
  try {
    write_merged(options, claim->path, shards, place);
  } catch (const std::exception& e) {
    err << "hotline: failed: " << e.what() << '\n';
    return kExitRunFailure;
  }
  std::error_code error;
  const auto bytes = std::filesystem::file_size(claim->path, error);
  out << fmt::format("{}: {} runs ({}{} policies × {} replications) from {} files, {:.1f} MB\n",
                     options.output, grid.size(), points_text(grid), grid.policies(),
                     grid.replications(), shards.size(), static_cast<double>(bytes) / 1e6);
  return kExitOk;
}

}  // namespace hotline::cli
