// The crisis-communication policies of a scenario: the agents library's
// types (hotline/agents/policies.hpp), under the scenarios namespace too.
#pragma once

#include "hotline/agents/policies.hpp"

namespace hotline::scenarios {

using agents::CuesPolicy;
using agents::DirectLinkPolicy;
using agents::HotlinePolicy;
using agents::kLevelCount;
using agents::LognormalDelay;
using agents::NotificationPolicy;
using agents::Policy;
using agents::TrilateralDialoguePolicy;

}  // namespace hotline::scenarios
