#include "hotline/agents/dyad_hostility.hpp"

#include <cmath>
#include <stdexcept>

#include "hotline/engine/deterministic_math.hpp"

namespace hotline::agents {

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(std::string("hostility: ") + what);
}

bool is_share(double x) {
  return x >= 0.0 && x < 1.0;
}

}  // namespace

DyadHostility::DyadHostility(const HostilityParameters& parameters, double baseline)
    : DyadHostility(parameters, baseline, baseline, 0.0) {}

DyadHostility::DyadHostility(const HostilityParameters& parameters, double baseline,
                             double initial_hostility, double initial_shock)
    : p_(parameters), base_(baseline), h_(initial_hostility), shock_(initial_shock) {
  check(is_share(initial_hostility), "the initial hostility must be in [0, 1)");
  check(initial_shock >= 0.0 && baseline + initial_shock < 1.0,
        "the initial shock must be >= 0 and leave H0 below 1");
  check(p_.relax_time_s > 0.0 && p_.shock_relax_time_s > 0.0, "relaxation times must be > 0");
  check(p_.min_dwell_s >= 0.0 && p_.episode_quiet_s >= 0.0, "dwell and quiet times must be >= 0");
  for (const double s : p_.report_share)
    check(is_share(s), "report shares must be in [0, 1)");
  check(p_.accidental_factor >= 0.0 && p_.accidental_factor <= 1.0,
        "the accidental factor must be in [0, 1]");
  check(p_.shock_size >= 0.0, "the shock size must be >= 0");
  check(is_share(baseline), "the baseline must be in [0, 1)");
  for (std::size_t l = 0; l < 3; ++l) {
    check(p_.enter[l] > 0.0 && p_.enter[l] < 1.0, "level entries must be in (0, 1)");
    check(p_.leave[l] >= 0.0 && p_.leave[l] < p_.enter[l],
          "each level's exit must be below its entry");
    if (l > 0) check(p_.enter[l] > p_.enter[l - 1], "level entries must increase");
  }
  follow_level();
}

// dH/dt = -(H - b - S e^(-t/sigma)) / tau, with H0(t) = b + S e^(-t/sigma):
// H(t) = b + K e^(-t/sigma) + (H(0) - b - K) e^(-t/tau), K = S sigma / (sigma - tau);
// when sigma = tau, H(t) = b + (H(0) - b + S t / tau) e^(-t/tau).
void DyadHostility::advance(double dt_s) {
  if (!(dt_s >= 0.0)) throw std::invalid_argument("hostility: dt must be >= 0");
  const double tau = p_.relax_time_s;
  const double sigma = p_.shock_relax_time_s;
  const double e_tau = engine::exp(-dt_s / tau);
  const double e_sigma = engine::exp(-dt_s / sigma);
  if (sigma == tau) {
    h_ = base_ + (h_ - base_ + shock_ * dt_s / tau) * e_tau;
  } else {
    const double k = shock_ * sigma / (sigma - tau);
    h_ = base_ + k * e_sigma + (h_ - base_ - k) * e_tau;
  }
  shock_ *= e_sigma;
  now_s_ += dt_s;
  follow_level();
}

void DyadHostility::report(int severity, bool deliberate, double weight) {
  if (severity < 0 || severity > 2) throw std::invalid_argument("hostility: severity 0 to 2");
  if (!(weight >= 0.0 && weight <= 1.0)) throw std::invalid_argument("hostility: weight in [0, 1]");
  const double share = p_.report_share[static_cast<std::size_t>(severity)]
                       * (deliberate ? 1.0 : p_.accidental_factor) * 0.5 * weight;
  h_ += share * (1.0 - h_);
  follow_level();
}

void DyadHostility::shock() {
  shock_ += p_.shock_size;
  follow_level();
}

void DyadHostility::scale(double factor) {
  if (!(factor >= 0.0 && factor <= 1.0)) throw std::invalid_argument("hostility: factor in [0, 1]");
  h_ *= factor;
  follow_level();
}

void DyadHostility::set_baseline(double baseline) {
  check(is_share(baseline), "the baseline must be in [0, 1)");
  base_ = baseline;
}

void DyadHostility::raise_level_to(int level) {
  if (level < 0 || level > 3) throw std::invalid_argument("hostility: level 0 to 3");
  if (level_ < level) level_ = level;
  level_since_s_ = now_s_;
  follow_level();
}

// Up at once to the highest level whose entry H reaches; down one level at a
// time below the level's exit, once it has been held for the minimum dwell
// (a decision written in docs/model.md: a grave incident escalates at once,
// while de-escalation must hold). Then the crisis episode.
void DyadHostility::follow_level() {
  int up = level_;
  while (up < 3 && h_ >= p_.enter[static_cast<std::size_t>(up)])
    ++up;
  if (up > level_) {
    level_ = up;
    level_since_s_ = now_s_;
  } else {
    while (level_ > 0 && h_ < p_.leave[static_cast<std::size_t>(level_ - 1)]
           && now_s_ - level_since_s_ >= p_.min_dwell_s) {
      --level_;
      level_since_s_ = now_s_;
    }
  }
  if (level_ >= kCrisisLevel && !in_episode_) {
    in_episode_ = true;
    ++episodes_;
    episode_start_s_ = now_s_;
    quiet_since_s_ = -1.0;
  }
  if (!in_episode_) return;
  if (h_ >= p_.leave[0]) {
    quiet_since_s_ = -1.0;
  } else if (quiet_since_s_ < 0.0) {
    quiet_since_s_ = now_s_;
  } else if (now_s_ - quiet_since_s_ >= p_.episode_quiet_s && level_ < kCrisisLevel) {
    in_episode_ = false;
  }
}

}  // namespace hotline::agents
