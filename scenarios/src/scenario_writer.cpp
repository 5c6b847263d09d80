// explain_scenario: a Scenario written back as YAML, fully resolved.
//
// Every default is written out, every reference is written as the id it
// resolved to (places as coordinates), every quantity in one unit per
// dimension (durations in the largest of d, h, min, s that keeps a whole
// number), every policy with its includes expanded. Numbers are written in
// the shortest form that reads back to the same double, so the text loads to
// a Scenario equal to the one written (tested).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include "hotline/scenarios/scenario.hpp"
#include "hotline/scenarios/units.hpp"

namespace hotline::scenarios {

namespace {

// A YAML double-quoted string: safe for any text a name may hold.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string number(double x) {
  return fmt::format("{}", x);
}

std::string length(double km) {
  return format_quantity(km, Dimension::length);
}

std::string speed(double km_s) {
  return format_quantity(km_s, Dimension::speed);
}

std::string rate(double per_s) {
  return format_quantity(per_s, Dimension::rate);
}

std::string duration(double s) {
  for (const auto& [unit, seconds] :
       {std::pair{"d", 86400.0}, std::pair{"h", 3600.0}, std::pair{"min", 60.0}}) {
    const double n = s / seconds;
    if (n != 0.0 && n == std::round(n) && std::abs(n) < 1e9) {
      const std::string text = fmt::format("{} {}", n, unit);
      const QuantityResult back = parse_quantity(text, Dimension::duration);
      if (back.value && *back.value == s) return text;
    }
  }
  return format_quantity(s, Dimension::duration);
}

std::string boolean(bool b) {
  return b ? "true" : "false";
}

std::string lat_lon(const GeoPoint& p) {
  return fmt::format("{{lat: {}, lon: {}}}", number(p.lat_deg), number(p.lon_deg));
}

std::string shares(const IncidentParameters::ConductShares& c) {
  return fmt::format("{{routine: {}, signalling: {}, harassment: {}}}", number(c[0]), number(c[1]),
                     number(c[2]));
}

std::string odds(const SeverityOdds& o) {
  return fmt::format("{{dangerous: {}, grave: {}}}", number(o.dangerous), number(o.grave));
}

template <std::size_t N>
std::string numbers(const std::array<double, N>& xs) {
  std::vector<std::string> parts;
  for (const double x : xs)
    parts.push_back(number(x));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

template <class Item>
std::string id_list(const std::vector<std::size_t>& indices, const std::vector<Item>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < indices.size(); ++i) {
    out += (i ? ", " : "") + items[indices[i]].id;
  }
  return out + "]";
}

// The value most role pairs have (written as the scenario-wide value), so
// that only the pairs that differ are listed.

void write_mission(std::string& out, const Mission& m, const Scenario& s) {
  out += fmt::format("    mission:\n      type: {}\n", mission_type_name(m.type));
  auto places = [&](const char* key) {
    out += fmt::format("      {}:\n", key);
    for (const GeoPoint& p : m.waypoints)
      out += fmt::format("        - {}\n", lat_lon(p));
  };
  switch (m.type) {
    case MissionType::patrol:
      out +=
          fmt::format("      area: {}\n      dwell: {}\n", s.zones[m.area].id, duration(m.dwell_s));
      break;
    case MissionType::route:
      places("waypoints");
      out += fmt::format("      loop: {}\n      dwell: {}\n", boolean(m.loop), duration(m.dwell_s));
      break;
    case MissionType::loiter:
      out += fmt::format("      around: {}\n      radius: {}\n", lat_lon(m.around),
                         length(m.radius_km));
      if (m.swarm) {
        out += fmt::format("      swarm: {{towards: {}, radius: {}, from_posture: {}}}\n",
                           lat_lon(m.swarm->towards), length(m.swarm->radius_km),
                           m.swarm->from_posture);
      }
      break;
    case MissionType::sortie:
      out += fmt::format("      rate: {}\n", rate(m.launches_per_s));
      places("route");
      break;
    case MissionType::alert:
    case MissionType::respond:
      out += fmt::format("      standoff: {}\n      shadow: {}\n", length(m.standoff_km),
                         duration(m.shadow_s));
      break;
    case MissionType::presence: {
      const agents::StationProcess& p = m.station;
      out += fmt::format(
          "      area: {}\n      dwell: {}\n      present: {}\n      absent: {}\n      ships: "
          "[{}, {}]\n",
          s.zones[m.area].id, duration(m.dwell_s), duration(p.present_mean_s),
          duration(p.absent_mean_s), p.ships_min, p.ships_max);
      if (p.has_entries) {
        out += fmt::format("      entries: {{zone: {}, rate: {}, dwell: {}, dwell_sigma: {}}}\n",
                           s.zones[p.entry_zone].id, rate(p.entries_per_s),
                           duration(p.entry_dwell_median_s), number(p.entry_dwell_sigma));
      }
      break;
    }
  }
}

void write_policy(std::string& out, const Policy& p, const Scenario& s) {
  out += fmt::format("  - id: {}\n", p.id);
  if (p.hotline) {
    const HotlinePolicy& h = *p.hotline;
    out += "    hotline:\n      endpoints:\n";
    for (std::size_t k = 0; k < h.endpoints.size(); ++k) {
      const auto [a, b] = h.endpoints[k];
      out +=
          fmt::format("        - {{between: [{}, {}], answer_delay: {{median: {}, sigma: {}}}}}\n",
                      s.command_centres[a].id, s.command_centres[b].id,
                      duration(h.answer_delay[k].median_s), number(h.answer_delay[k].sigma));
    }
    const auto& q = h.answer_probability;
    if (std::all_of(q.begin(), q.end(), [&](double x) { return x == q[0]; })) {
      out += fmt::format("      p_answer: {}\n", number(q[0]));
    } else {
      out += fmt::format("      p_answer: {{l0: {}, l1: {}, l2: {}, l3: {}, l4: {}}}\n",
                         number(q[0]), number(q[1]), number(q[2]), number(q[3]), number(q[4]));
    }
    out += fmt::format(
        "      retry_interval: {}\n      max_retries: {}\n      force_weight_kept: {}\n"
        "      joint_deescalation: {}\n",
        duration(h.retry_interval_s), h.max_retries, number(h.force_weight_kept),
        boolean(h.joint_deescalation));
  }
  if (p.direct_link) {
    out += fmt::format("    direct_link: {{reduction: {}, deliberate_shift: {}}}\n",
                       number(p.direct_link->reduction), number(p.direct_link->deliberate_shift));
  }
  if (p.cues) out += fmt::format("    cues: {{adherence: {}}}\n", numbers(p.cues->adherence));
  if (p.notification) {
    out += fmt::format("    notification: {{deliberate_shift: {}, response_damping: {}}}\n",
                       number(p.notification->deliberate_shift),
                       number(p.notification->response_damping));
  }
  if (p.trilateral_dialogue) {
    const TrilateralDialoguePolicy& t = *p.trilateral_dialogue;
    out += fmt::format(
        "    trilateral_dialogue: {{participants: {}, period: {}, baseline_cut: {}, "
        "baseline_cut_max: {}, restraint_gain: {}, restraint_gain_max: {}, relay: {}}}\n",
        id_list(t.participants, s.nations), duration(t.period_s), number(t.baseline_cut),
        number(t.baseline_cut_max), number(t.restraint_gain), number(t.restraint_gain_max),
        boolean(t.relay));
  }
}

// Every role pair (a <= b), in full: the shares at each posture, the hazard
// and the severity odds of each conduct.
void write_incidents(std::string& out, const IncidentParameters& inc) {
  out += fmt::format(
      "incidents:\n  hazard_scale: {}\n  hazard_length: {}\n  contact_distance: {}\n"
      "  posture_gain_max: {}\n  cooldown: {}\n  role_pairs:\n",
      number(inc.hazard_scale), length(inc.hazard_length_km), length(inc.contact_km),
      number(inc.posture_gain_max), duration(inc.cooldown_s));
  for (std::size_t a = 0; a < kRoleCount; ++a) {
    for (std::size_t b = a; b < kRoleCount; ++b) {
      const std::size_t i = a * kRoleCount + b;
      const auto& c = inc.conduct_share[i];
      const auto& h = inc.hazard_per_s[i];
      const auto& v = inc.severity[i];
      out += fmt::format(
          "    - roles: [{}, {}]\n      conduct: [{}, {}, {}, {}]\n"
          "      hazard: {{routine: {}, signalling: {}, harassment: {}}}\n"
          "      severity: {{routine: {}, signalling: {}, harassment: {}}}\n",
          role_name(static_cast<Role>(a)), role_name(static_cast<Role>(b)), shares(c[0]),
          shares(c[1]), shares(c[2]), shares(c[3]), rate(h[0]), rate(h[1]), rate(h[2]), odds(v[0]),
          odds(v[1]), odds(v[2]));
    }
  }
}

void write_hostility(std::string& out, const Scenario& s) {
  const EscalationParameters& e = s.escalation;
  const HostilityParameters& h = e.hostility;
  out += fmt::format(
      "  hostility:\n    relax_time: {}\n"
      "    report_shares: {{unsafe: {}, dangerous: {}, grave: {}}}\n"
      "    accidental_factor: {}\n    shocks: {{size: {}, relax_time: {}}}\n"
      "    levels: {{enter: {}, leave: {}, min_dwell: {}, episode_quiet: {}}}\n    dyads:\n",
      duration(h.relax_time_s), number(h.report_share[0]), number(h.report_share[1]),
      number(h.report_share[2]), number(h.accidental_factor), number(h.shock_size),
      duration(h.shock_relax_time_s), numbers(h.enter), numbers(h.leave), duration(h.min_dwell_s),
      duration(h.episode_quiet_s));
  for (const DyadSetting& d : e.dyads) {
    out += fmt::format(
        "      - {{between: [{}, {}], baseline: {}, shock_rate: {}, initial: {}, "
        "initial_shock: {}, opening_incident: {}}}\n",
        s.nations[d.nation_a].id, s.nations[d.nation_b].id, number(d.baseline),
        rate(d.shock_rate_per_s), number(d.initial_hostility), number(d.initial_shock),
        d.opening_grave_incident ? "grave" : "none");
  }
}

void write_escalation(std::string& out, const Scenario& s) {
  const EscalationParameters& e = s.escalation;
  const PerceptionParameters& p = e.perception;
  out += fmt::format(
      "escalation:\n  report_delay: {{median: {}, sigma: {}}}\n"
      "  perception: {{base: {}, harassment: {}, hostility: {}}}\n",
      duration(p.report_delay_median_s), number(p.report_delay_sigma), number(p.base),
      number(p.harassment), number(p.hostility));
  write_hostility(out, s);
  const DecisionParameters& d = e.decisions;
  out += fmt::format(
      "  decisions:\n    beta: {}\n    resolve: {}\n    provocation: {}\n"
      "    hostility_weight: {}\n    war_cost: {}\n    restraint: {}\n"
      "    deescalate: {{base: {}, per_crisis_day: {}, after_call: {}, factor: {}}}\n"
      "    epoch_interval: {}\n",
      number(d.beta), number(d.resolve), number(d.provocation), number(d.hostility_weight),
      number(d.war_cost), numbers(d.restraint), number(d.deescalate_base),
      number(d.deescalate_per_crisis_day), number(d.deescalate_after_call),
      number(d.deescalate_factor), duration(d.epoch_interval_s));
  out += fmt::format(
      "  outcomes: {{skirmish_duration: {}, war_probability: {}}}\n"
      "  clarification_window: {}\n  stop_at_first_clash: {}\n"
      "  posture_effects:\n    standoff: {}\n    sortie_rate: {}\n",
      duration(e.outcomes.skirmish_duration_s), number(e.outcomes.war_probability),
      duration(e.clarification_window_s), boolean(e.stop_at_first_clash),
      numbers(e.standoff_multiplier), numbers(e.sortie_rate_multiplier));
}

// Nations with their relations (neutral ones left out).
void write_nations(std::string& out, const Scenario& s) {
  out += "nations:\n";
  for (std::size_t a = 0; a < s.nations.size(); ++a) {
    out += fmt::format("  - id: {}\n    name: {}\n", s.nations[a].id, quoted(s.nations[a].name));
    std::string relations;
    for (std::size_t b = 0; b < s.nations.size(); ++b) {
      if (b == a || s.relation(a, b) == Relation::neutral) continue;
      relations += fmt::format("{}{}: {}", relations.empty() ? "" : ", ", s.nations[b].id,
                               relation_name(s.relation(a, b)));
    }
    if (!relations.empty()) out += fmt::format("    relations: {{{}}}\n", relations);
  }
}

// Zones: a circle, a polygon, or a belt of sea along land.
void write_zones(std::string& out, const Scenario& s) {
  if (!s.zones.empty()) out += "zones:\n";
  for (const Zone& z : s.zones) {
    out += fmt::format("  - id: {}\n    kind: {}\n", z.id, zone_kind_name(z.kind));
    if (z.owner) out += fmt::format("    owner: {}\n", s.nations[*z.owner].id);
    if (z.from_land) {
      const Area& near = z.from_land->near;
      out += "    from_land:\n      near:\n";
      if (near.is_circle) {
        out += fmt::format("        circle: {{centre: {}, radius: {}}}\n", lat_lon(near.centre),
                           length(near.radius_km));
      } else {
        out += "        polygon:\n";
        for (const GeoPoint& v : near.vertices)
          out += fmt::format("          - [{}, {}]\n", number(v.lat_deg), number(v.lon_deg));
      }
      out += fmt::format("      distance: {}\n", length(z.from_land->distance_km));
    } else if (z.is_circle) {
      out += fmt::format("    circle: {{centre: {}, radius: {}}}\n", lat_lon(z.centre),
                         length(z.radius_km));
    } else {
      out += "    polygon:\n";
      for (const GeoPoint& v : z.vertices)
        out += fmt::format("      - [{}, {}]\n", number(v.lat_deg), number(v.lon_deg));
    }
  }
}

// Named points and bases.
void write_places(std::string& out, const Scenario& s) {
  if (!s.points.empty()) out += "points:\n";
  for (const NamedPoint& p : s.points) {
    out += fmt::format("  - {{id: {}, lat: {}, lon: {}}}\n", p.id, number(p.at.lat_deg),
                       number(p.at.lon_deg));
  }
  if (!s.bases.empty()) out += "bases:\n";
  for (const Base& b : s.bases) {
    out += fmt::format("  - {{id: {}, nation: {}, lat: {}, lon: {}}}\n", b.id,
                       s.nations[b.nation].id, number(b.at.lat_deg), number(b.at.lon_deg));
  }
}

// Platform classes; aircraft with their endurance and altitudes.
void write_classes(std::string& out, const Scenario& s) {
  if (!s.classes.empty()) out += "classes:\n";
  for (const PlatformClass& c : s.classes) {
    out += fmt::format(
        "  - id: {}\n    kind: {}\n    role: {}\n    cruise_speed: {}\n    max_speed: {}\n"
        "    sensor_range: {}\n",
        c.id, platform_kind_name(c.kind), role_name(c.role), speed(c.cruise_speed_km_s),
        speed(c.max_speed_km_s), length(c.sensor_range_km));
    if (c.kind == PlatformKind::aircraft) {
      out += fmt::format(
          "    endurance: {}\n    turnaround: {}\n    altitude: {{cruise: {}, patrol: {}, "
          "low_pass: {}}}\n    ceiling: {}\n",
          duration(c.endurance_s), duration(c.turnaround_s), length(c.cruise_altitude_km),
          length(c.patrol_altitude_km), length(c.low_pass_altitude_km), length(c.ceiling_km));
    }
  }
}

// Forces with their missions, and the exercises that deploy them.
void write_forces_and_exercises(std::string& out, const Scenario& s) {
  if (!s.forces.empty()) out += "forces:\n";
  for (const Force& f : s.forces) {
    out += fmt::format("  - id: {}\n    nation: {}\n    class: {}\n    count: {}\n", f.id,
                       s.nations[f.nation].id, s.classes[f.platform_class].id, f.count);
    if (f.base) out += fmt::format("    base: {}\n", s.bases[*f.base].id);
    out += fmt::format("    deploy_on: {}\n", deployment_name(f.deploy_on));
    if (!f.stood_down_s.empty()) {
      out += "    stood_down:\n";
      for (const auto& [from, to] : f.stood_down_s)
        out += fmt::format("      - {{from: {}, to: {}}}\n", duration(from), duration(to));
    }
    write_mission(out, f.mission, s);
  }

  if (!s.exercises.empty()) out += "exercises:\n";
  for (const Exercise& e : s.exercises) {
    out += fmt::format(
        "  - id: {}\n    nation: {}\n    area: {}\n    start: {}\n    duration: {}\n"
        "    forces: {}\n",
        e.id, s.nations[e.nation].id, s.zones[e.area].id, duration(e.start_s),
        duration(e.duration_s), id_list(e.forces, s.forces));
  }
}

// Command centres with their radars and watch rules.
void write_command_centres(std::string& out, const Scenario& s) {
  if (!s.command_centres.empty()) out += "command_centres:\n";
  for (const CommandCentre& c : s.command_centres) {
    out += fmt::format("  - id: {}\n    name: {}\n    nation: {}\n", c.id, quoted(c.name),
                       s.nations[c.nation].id);
    if (!c.radars.empty()) out += "    radars:\n";
    for (const RadarSite& r : c.radars) {
      out += fmt::format("      - {{at: {}, range: {}}}\n", lat_lon(r.at), length(r.range_km));
    }
    if (!c.watches.empty()) out += "    watches:\n";
    for (const WatchRule& w : c.watches) {
      std::vector<std::string_view> roles;
      for (std::size_t r = 0; r < agents::kRoleCount; ++r) {
        if (w.concerns(static_cast<Role>(r))) roles.push_back(role_name(static_cast<Role>(r)));
      }
      out += fmt::format(
          "      - {{zone: {}, scramble: {}, dispatch: {}, intruders: [{}], responders: {}}}\n",
          s.zones[w.zone].id, w.scramble_per_intruder, w.dispatch_per_intruder,
          fmt::join(roles, ", "), id_list(w.responders, s.forces));
    }
  }
}

}  // namespace

std::string explain_scenario(const Scenario& s) {
  std::string out;
  out +=
      "# Fully resolved by `hotline validate --explain`: defaults filled in, references\n"
      "# resolved, units normalised. Loads to the same scenario as its source.\n";
  out += fmt::format("name: {}\n", quoted(s.name));
  out += fmt::format("frame:\n  centre: {}\n", lat_lon(s.frame.centre));
  out += fmt::format("geography:\n  land: {}\n  land_hash: {}\n  land_cell: {}\n",
                     quoted(s.geography.land), quoted(s.geography.land_hash),
                     length(s.geography.land_cell_km));
  out += fmt::format("time:\n  dt: {}\n  horizon: {}\n", duration(s.time.dt_s),
                     duration(s.time.horizon_s));
  write_nations(out, s);
  write_zones(out, s);
  write_places(out, s);
  write_classes(out, s);
  write_forces_and_exercises(out, s);
  write_command_centres(out, s);
  const EncounterParameters& enc = s.encounters;
  out += fmt::format(
      "encounters:\n  ranges: {{ship_ship: {}, aircraft_aircraft: {}, aircraft_ship: {}}}\n"
      "  end_factor: {}\n  low_pass_altitude: {}\n",
      length(enc.range_km[0]), length(enc.range_km[3]), length(enc.range_km[2]),
      number(enc.end_factor), length(enc.low_pass_altitude_km));

  write_incidents(out, s.incidents);
  write_escalation(out, s);

  out += "policies:\n";
  for (const Policy& p : s.policies)
    write_policy(out, p, s);

  out += fmt::format("output:\n  state_interval: {}\n  hostility_interval: {}\n",
                     duration(s.output.state_interval_s), duration(s.output.hostility_interval_s));
  return out;
}

std::string explain_policy(const Scenario& scenario, std::size_t policy) {
  std::string out;
  write_policy(out, scenario.policies.at(policy), scenario);
  return out;
}

}  // namespace hotline::scenarios
