#include "hotline/replay/replay_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>

#include "graticule.hpp"
#include "hotline/agents/land_map.hpp"
#include "hotline/scenarios/scenario.hpp"
#include "hotline/trace/hdf5_table.hpp"
#include "rerun_command.hpp"

namespace hotline::replay {

namespace {

// The run file's command line, if it recorded one.
std::string recorded_command_line(const trace::TraceReader& trace) {
  const trace::hdf5::File& file = trace.file();
  trace::hdf5::Handle root(H5Gopen2(file.id(), "/", H5P_DEFAULT), H5Gclose);
  if (!trace::hdf5::has_attribute(root.get(), "command_line")) return {};
  return trace::hdf5::read_string_attribute(file, root.get(), "command_line");
}

// A run file written without states: the command that wrote it, to run
// again with them.
[[noreturn]] void refuse_unsampled_run(const trace::TraceReader& trace, const ReplayRun& run) {
  std::string again = resampled_command(recorded_command_line(trace));
  if (again.empty()) again = rerun_command(trace.identity(), {0, run.policy_id, run.replication});
  throw ReplayRefused(fmt::format(
      "{}: the run has no sampled states (hotline run --sample-every K writes them); run it "
      "again with them, the same run bit for bit: {}",
      trace.path(), again));
}

// The index of policy `id` in the file; refused, naming the file's
// policies, if it has none such.
std::uint32_t policy_index(const trace::TraceReader& trace, const std::string& id) {
  const auto& ids = trace.identity().policy_ids;
  const auto at = std::find(ids.begin(), ids.end(), id);
  if (at == ids.end()) {
    throw ReplayRefused(fmt::format("{}: --policy {}: the file has policies {}", trace.path(), id,
                                    fmt::join(ids, ", ")));
  }
  return static_cast<std::uint32_t>(at - ids.begin());
}

// The run of a sweep or risk file that `choice` names, checked against the
// file's policies, replications and design points.
RerunChoice rerun_choice(const trace::TraceReader& trace, const RunChoice& choice) {
  const trace::TraceIdentity& identity = trace.identity();
  const auto& ids = identity.policy_ids;
  RerunChoice rerun{choice.point.value_or(0), choice.policy_id.value_or(ids.at(0)),
                    choice.replication.value_or(0)};
  policy_index(trace, rerun.policy_id);  // refuses an id the file lacks
  if (rerun.replication >= identity.replications) {
    throw ReplayRefused(fmt::format("{}: --replication {}: the file has replications 0 to {}",
                                    trace.path(), rerun.replication, identity.replications - 1));
  }
  if (rerun.point >= identity.points()) {
    throw ReplayRefused(
        identity.design ? fmt::format("{}: --point {}: the experiment has design points 0 to {}",
                                      trace.path(), rerun.point, identity.points() - 1)
                        : fmt::format("{}: --point {}: the file has no experiment's design",
                                      trace.path(), rerun.point));
  }
  return rerun;
}

// A sweep or a risk file keeps no sampled states: refused with the
// `hotline run` command that runs the chosen run again with them.
[[noreturn]] void refuse_stateless_file(const trace::TraceReader& trace, const RunChoice& choice) {
  const trace::TraceIdentity& identity = trace.identity();
  const RerunChoice rerun = rerun_choice(trace, choice);
  if (identity.kind == "risk") {
    throw ReplayRefused(fmt::format(
        "{}: a risk file holds estimates from branched runs, none of them a whole run to "
        "replay; to watch the scenario's replication {} under policy {}: {}",
        trace.path(), rerun.replication, rerun.policy_id, rerun_command(identity, rerun)));
  }
  const std::string point =
      identity.design ? fmt::format("design point {}, ", rerun.point) : std::string();
  const std::string others =
      identity.design ? "--point, --policy and --replication" : "--policy and --replication";
  throw ReplayRefused(fmt::format(
      "{}: a sweep file keeps no sampled states; to watch its run of {}policy {}, replication {} "
      "({} pick another), run it again with its states sampled, the same run bit for bit: {}",
      trace.path(), point, rerun.policy_id, rerun.replication, others,
      rerun_command(identity, rerun)));
}

// The row of /summary of the run chosen.
std::size_t chosen_run(const trace::TraceReader& trace, const RunChoice& choice) {
  const auto& ids = trace.identity().policy_ids;
  const auto& rows = trace.summary();
  if (rows.empty()) throw ReplayRefused(trace.path() + ": the file holds no run");
  std::optional<std::uint32_t> policy;
  if (choice.policy_id) policy = policy_index(trace, *choice.policy_id);
  if (rows.size() > 1 && (!policy || !choice.replication)) {
    throw ReplayRefused(
        fmt::format("{}: the file holds {} runs: name one with --policy ID --replication R",
                    trace.path(), rows.size()));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if ((!policy || rows[r].policy == *policy)
        && (!choice.replication || rows[r].replication == *choice.replication))
      return r;
  }
  throw ReplayRefused(fmt::format("{}: no run of policy {} and replication {} in the file",
                                  trace.path(), choice.policy_id.value_or(ids.at(rows[0].policy)),
                                  choice.replication.value_or(rows[0].replication)));
}

// The frame's centre: the rest of the projection follows from it.
agents::LatLon read_projection(const trace::TraceReader& trace) {
  const trace::hdf5::File& file = trace.file();
  trace::hdf5::Handle group(H5Gopen2(file.id(), "projection", H5P_DEFAULT), H5Gclose);
  const auto attribute = [&](const char* name) {
    return trace::hdf5::read_double_attribute(file, group.get(), name);
  };
  return {attribute("centre_lat_deg"), attribute("centre_lon_deg")};
}

// The coast's edges, in ring order, joined into chains where one edge
// ends where the next begins.
std::vector<Polyline> coast_chains(const agents::LandMap& land) {
  std::vector<Polyline> chains;
  agents::PlanePoint last{NAN, NAN};
  for (const auto& [a, b] : land.coast_edges()) {
    if (chains.empty() || !(a == last)) chains.push_back({a.x_km, a.y_km});
    chains.back().insert(chains.back().end(), {b.x_km, b.y_km});
    last = b;
  }
  return chains;
}

// The coastline comes from the scenario the file recorded (its land is not
// in the file); a land file that has moved or changed leaves the page
// without one, and says why.
void read_coastline(const trace::TraceReader& trace, ReplayRun& run) {
  try {
    const scenarios::Scenario scenario = scenarios::load_scenario_text(
        trace.identity().resolved_yaml, trace.path() + ":/scenario/resolved_yaml");
    if (const auto& land = scenario.geography.land_map) {
      run.coastline = coast_chains(*land);
      for (const agents::LandRing& ring : land->clipped_rings()) {
        Polyline& outline = run.land.emplace_back();
        for (const agents::PlanePoint& p : ring)
          outline.insert(outline.end(), {p.x_km, p.y_km});
      }
    }
  } catch (const std::exception& e) {
    run.coastline_note = fmt::format("the scenario's land could not be read: {}", e.what());
  }
}

// Every sampled position, base and zone, with a margin of a tenth of the
// larger side (and at least 20 km) all round.
void set_extent(ReplayRun& run) {
  double lo_x = INFINITY, lo_y = INFINITY, hi_x = -INFINITY, hi_y = -INFINITY;
  const auto take = [&](double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    lo_x = std::min(lo_x, x);
    hi_x = std::max(hi_x, x);
    lo_y = std::min(lo_y, y);
    hi_y = std::max(hi_y, y);
  };
  for (std::size_t k = 0; k < run.states.x_km.size(); ++k)
    take(run.states.x_km[k], run.states.y_km[k]);
  for (const trace::BaseRow& base : run.bases)
    take(base.x_km, base.y_km);
  for (const trace::ZoneView& zone : run.zones) {
    if (zone.shape == "circle") {
      take(zone.centre_x_km - zone.radius_km, zone.centre_y_km - zone.radius_km);
      take(zone.centre_x_km + zone.radius_km, zone.centre_y_km + zone.radius_km);
    }
    for (std::size_t v = 0; v + 1 < zone.vertices_km.size(); v += 2)
      take(zone.vertices_km[v], zone.vertices_km[v + 1]);
  }
  if (!(lo_x <= hi_x)) lo_x = lo_y = -100.0, hi_x = hi_y = 100.0;  // nothing to place
  const double margin_km = std::max(20.0, 0.1 * std::max(hi_x - lo_x, hi_y - lo_y));
  run.extent_lo = {lo_x - margin_km, lo_y - margin_km};
  run.extent_hi = {hi_x + margin_km, hi_y + margin_km};
}

}  // namespace

ReplayRun read_replay_run(const trace::TraceReader& trace, const RunChoice& choice) {
  const trace::TraceIdentity& identity = trace.identity();
  if (identity.kind != "run") refuse_stateless_file(trace, choice);
  if (choice.point && *choice.point != 0) {
    throw ReplayRefused(
        fmt::format("{}: --point {}: a run file holds one run", trace.path(), *choice.point));
  }
  const std::size_t row = chosen_run(trace, choice);
  const trace::SummaryRow& summary = trace.summary()[row];
  ReplayRun run;
  run.trace_path = trace.path();
  run.scenario_name = identity.scenario_name;
  run.policy = summary.policy;
  run.policy_id = identity.policy_ids.at(summary.policy);
  run.replication = summary.replication;
  run.seed = identity.seed;
  run.dt_s = trace.dt_s();
  run.days = summary.days;
  const std::string group = trace::states_group(trace, summary.policy, summary.replication);
  if (group.empty()) refuse_unsampled_run(trace, run);
  run.states = trace::read_sampled_states(trace, group);
  run.agents = trace::read_agents(trace);
  run.nation_ids = trace.nation_ids();
  run.nation_names = trace::read_names(trace, "nations");
  run.dyad_names = trace.dyad_names();
  run.event_types = trace::read_names(trace, "event_types");
  run.severities = trace::read_names(trace, "severities");
  run.platform_states = trace::read_names(trace, "platform_states");
  trace::RunRecord record = trace.read_run(row);
  run.events = std::move(record.events);
  run.hostility = std::move(record.hostility);
  run.hostility_interval_s = identity.hostility_interval_s;
  run.zones = trace::read_zones(trace);
  run.bases = trace::read_bases(trace);
  const agents::Projection projection(read_projection(trace));
  run.projection = projection.parameters();
  set_extent(run);
  run.graticule = graticule_over(projection, run.extent_lo, run.extent_hi);
  read_coastline(trace, run);
  return run;
}

}  // namespace hotline::replay
