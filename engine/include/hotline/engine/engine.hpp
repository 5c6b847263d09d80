// Hotline engine: the model-agnostic core that steps agents.
//
// The engine holds agents as structure-of-arrays columns addressed by stable
// ids, draws random numbers as pure functions of (seed, replication, step,
// agent, purpose), rebuilds a uniform-grid spatial index every step with a
// parallel counting sort, and finds all interacting pairs in a canonical order
// that does not depend on the thread count. It knows nothing of YAML, of
// platform kinds or missions, or of the command line: models (agents/) compose
// these pieces into the named phases of a step (Phase), and the determinism
// rules they must follow are in docs/determinism.md.
#pragma once

#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/batch_kernels.hpp"
#include "hotline/engine/counter_rng.hpp"
#include "hotline/engine/deterministic_math.hpp"
#include "hotline/engine/pair_finder.hpp"
#include "hotline/engine/phase_timers.hpp"
#include "hotline/engine/rng_purpose.hpp"
#include "hotline/engine/stop_request.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/engine/uniform_grid.hpp"
