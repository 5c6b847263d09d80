// The incident hazard of one encounter (docs/model.md, "Tactical
// incidents"): what a pair of platforms risks per second, given how they
// conduct the encounter, how close they are and their postures, and what an
// incident is once it happens.
//
// lambda = lambda(roles, conduct) · h(d) · G(p_a, p_b), with h(d) =
// exp(−d / hazard_length) and 1 within the contact distance, so shadowing at
// a nautical mile is a small fraction of a pass at 30 m; and G = 1 + (g_max −
// 1)·max(p_a, p_b)/3, capped and shared by the pair, not a product of two
// gains. Pure functions, so that the known answers (the hazard integrated
// over a scripted track, the incident count at constant hazard with a
// cooldown) test the same code the world runs.
#pragma once

#include <cstddef>

#include "hotline/agents/events.hpp"
#include "hotline/agents/mechanics.hpp"

namespace hotline::agents {

// h(d): 1 within the contact distance, exp(−d / length) beyond it.
[[nodiscard]] double separation_factor(double separation_km, double hazard_length_km,
                                       double contact_km);

// G: 1 at posture 0, g_max at posture 3, by the higher of the two postures.
[[nodiscard]] double posture_gain(int posture_a, int posture_b, double gain_max);

// The conduct a uniform u in [0, 1) picks from the shares (routine first).
[[nodiscard]] Conduct conduct_of(const IncidentParameters::ConductShares& shares, double u);

// The severity a uniform u in [0, 1) picks: dangerous below P(dangerous),
// grave in the next P(grave), unsafe above. `unsafe_kept`: the share of the
// dangerous and grave odds that stays (direct_link's on-scene talk lowers
// them); 1 without it.
[[nodiscard]] Severity severity_of(const SeverityOdds& odds, double u, double unsafe_kept = 1.0);

// The per-second hazard of an encounter.
[[nodiscard]] double encounter_hazard_per_s(const IncidentParameters& p, std::size_t role_pair,
                                            Conduct conduct, double separation_km, int posture_a,
                                            int posture_b);

// The chance of at least one event in dt at a constant hazard: 1 − e^(−λ·dt),
// with the engine's deterministic exp.
[[nodiscard]] double chance_in_step(double hazard_per_s, double dt_s);

}  // namespace hotline::agents
