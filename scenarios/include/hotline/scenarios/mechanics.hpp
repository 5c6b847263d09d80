// The encounter, incident and escalation parameters of a scenario: the
// agents library's types (hotline/agents/mechanics.hpp), under the
// scenarios namespace too.
#pragma once

#include "hotline/agents/mechanics.hpp"

namespace hotline::scenarios {

using agents::EncounterParameters;
using agents::EscalationParameters;
using agents::IncidentParameters;
using agents::SeverityTriple;

}  // namespace hotline::scenarios
