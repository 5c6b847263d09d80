// The encounter, incident and escalation parameters of a scenario: the
// agents library's types (hotline/agents/mechanics.hpp), under the
// scenarios namespace too.
#pragma once

#include "hotline/agents/mechanics.hpp"

namespace hotline::scenarios {

using agents::Conduct;
using agents::DecisionParameters;
using agents::DyadSetting;
using agents::EncounterParameters;
using agents::EscalationParameters;
using agents::HostilityParameters;
using agents::IncidentParameters;
using agents::kConductCount;
using agents::kPostureCount;
using agents::OutcomeParameters;
using agents::PerceptionParameters;
using agents::SeverityOdds;

}  // namespace hotline::scenarios
