#include "trace_file_checks.hpp"

#include <hdf5.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>

#include "hotline/agents/platform_world.hpp"
#include "hotline/analysis/policy_comparison.hpp"
#include "hotline/scenarios/input_file.hpp"
#include "hotline/scenarios/world_builder.hpp"
#include "hotline/trace/hdf5_table.hpp"
#include "hotline/trace/reader.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::fuzz {

namespace {

constexpr std::uint64_t kSteps = 30;  // half an hour of the tutorial per run

trace::RunRecord simulate(const agents::WorldSpec& spec, std::uint32_t policy,
                          std::uint32_t replication) {
  agents::PlatformWorld world(spec, 1, replication, policy);
  trace::RunRecord record;
  const trace::RecordingOptions recording{trace::EventDetail::incidents, 10};
  for (std::uint64_t s = 0; s < kSteps; ++s) {
    world.step();
    trace::record_step(world, recording, record);
  }
  trace::summarize_run(world, 1, policy, replication, record);
  return record;
}

// The lengths an edit can give a dataset: empty, one, a few, many, and
// extents no small file can hold.
std::uint64_t length_of(std::uint8_t code) {
  static constexpr std::array<std::uint64_t, 8> kLengths{
      0, 1, 3, 100, 5000, 20'000'000, 1ULL << 40, std::numeric_limits<std::uint32_t>::max()};
  return kLengths[code % kLengths.size()];
}

hid_t element_type(std::uint8_t code) {
  switch (code % 5) {
    case 0:
      return H5T_NATIVE_INT8;
    case 1:
      return H5T_NATIVE_INT64;
    case 2:
      return H5T_NATIVE_DOUBLE;
    case 3:
      return H5T_NATIVE_UINT32;
    default:
      return H5T_NATIVE_FLOAT;
  }
}

void remove_link(hid_t file, const std::string& path) {
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0) H5Ldelete(file, path.c_str(), H5P_DEFAULT);
}

// A chunked dataset in place of `path`, rank 1 or 2, of `rows` rows
// declared (extendible, so that a huge extent costs the file nothing) and
// at most a few written.
void replace_dataset(hid_t file, const std::string& path, hid_t type, int rank,
                     std::uint64_t rows) {
  remove_link(file, path);
  const std::array<hsize_t, 2> dims{rows, 3};
  const std::array<hsize_t, 2> max{H5S_UNLIMITED, 3};
  const std::array<hsize_t, 2> chunk{64, 3};
  const hid_t space = H5Screate_simple(rank, dims.data(), max.data());
  const hid_t properties = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(properties, rank, chunk.data());
  const hid_t data =
      H5Dcreate2(file, path.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT);
  if (data >= 0 && rows > 0 && rows <= 100) {
    std::array<std::byte, 100 * 3 * 8> zeros{};
    H5Dwrite(data, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, zeros.data());
  }
  if (data >= 0) H5Dclose(data);
  H5Pclose(properties);
  H5Sclose(space);
}

// Declares `rows` rows for an existing extendible dataset (nothing written).
void set_extent(hid_t file, const std::string& path, std::uint64_t rows) {
  const hid_t data = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  if (data < 0) return;
  const hid_t space = H5Dget_space(data);
  std::array<hsize_t, 2> dims{0, 0};
  const int rank = H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  dims[0] = rows;
  if (rank > 0) H5Dset_extent(data, dims.data());
  H5Sclose(space);
  H5Dclose(data);
}

void write_scalar_attribute(hid_t object, const std::string& name, hid_t type, const void* value) {
  if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
  const hid_t space = H5Screate(H5S_SCALAR);
  const hid_t attribute = H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
  if (attribute >= 0) {
    H5Awrite(attribute, type, value);
    H5Aclose(attribute);
  }
  H5Sclose(space);
}

void write_text_attribute(hid_t object, const std::string& name, const std::string& text) {
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, std::max<std::size_t>(text.size(), 1));
  std::string padded = text;
  padded.resize(std::max<std::size_t>(text.size(), 1), '\0');
  write_scalar_attribute(object, name, type, padded.data());
  H5Tclose(type);
}

void edit_attribute(hid_t file, const std::string& entry, std::uint8_t op, std::uint8_t value) {
  const auto bar = entry.find('|');
  const std::string object_path = entry.substr(0, bar);
  const std::string name = entry.substr(bar + 1);
  const hid_t object = H5Oopen(file, object_path.c_str(), H5P_DEFAULT);
  if (object < 0) return;
  static constexpr std::array<std::int64_t, 6> kIntegers{
      0, -1, 1, 1LL << 40, std::numeric_limits<std::int64_t>::min(), 255};
  static constexpr std::array<double, 5> kNumbers{0.0, -1.0, 1e300,
                                                  std::numeric_limits<double>::quiet_NaN(),
                                                  std::numeric_limits<double>::infinity()};
  switch (op) {
    case 4:
      if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
      break;
    case 5:
      write_scalar_attribute(object, name, H5T_NATIVE_INT64, &kIntegers[value % kIntegers.size()]);
      break;
    case 6:
      write_text_attribute(object, name,
                           value % 3 == 0   ? std::string()
                           : value % 3 == 1 ? std::string("x")
                                            : std::string(70000, 'y'));
      break;
    default:
      write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, &kNumbers[value % kNumbers.size()]);
      break;
  }
  H5Oclose(object);
}

// One edit: op, which object, and two parameters.
void apply_edit(hid_t file, const FileObjects& objects, const std::array<std::uint8_t, 4>& e) {
  const std::uint8_t op = e[0] % 8;
  if (op < 4) {
    if (objects.datasets.empty()) return;
    const std::string& path = objects.datasets[e[1] % objects.datasets.size()];
    if (op == 0) remove_link(file, path);
    if (op == 1) replace_dataset(file, path, element_type(e[2]), 1, length_of(e[3]));
    if (op == 2) replace_dataset(file, path, element_type(e[2]), 2, length_of(e[3]));
    if (op == 3) set_extent(file, path, length_of(e[3]));
    return;
  }
  if (objects.attributes.empty()) return;
  edit_attribute(file, objects.attributes[e[1] % objects.attributes.size()], op, e[2]);
}

herr_t note_dataset(hid_t /*root*/, const char* name, const H5O_info_t* info, void* data) {
  if (info->type == H5O_TYPE_DATASET) {
    static_cast<FileObjects*>(data)->datasets.push_back(std::string("/") + name);
  }
  return 0;
}

herr_t note_attribute(hid_t /*object*/, const char* name, const H5A_info_t* /*info*/, void* data) {
  auto* context = static_cast<std::pair<FileObjects*, std::string>*>(data);
  context->first->attributes.push_back(context->second + "|" + name);
  return 0;
}

// Everything merge and report read of a file.
void read_like_merge_and_report(const std::string& path) {
  const trace::TraceReader reader(path);
  for (std::size_t run = 0; run < reader.summary().size(); ++run)
    (void)reader.read_run(run);
  (void)analysis::compare_policies(reader, analysis::ComparisonOptions{});
  // Merge also loads the scenario the file keeps; that text is fuzzed on
  // its own (fuzz_scenario_loader), so only whether it loads matters here.
  (void)scenarios::load_scenario_text(reader.identity().resolved_yaml, path);
}

}  // namespace

void write_base_sweep_file(const std::string& path, const std::string& scenario_file) {
  const std::string text = scenarios::read_input_file(scenario_file);
  const scenarios::Scenario scenario = scenarios::load_scenario_text(text, scenario_file);
  const agents::WorldSpec spec = scenarios::build_world_spec(scenario);
  trace::TraceIdentity identity = trace::scenario_identity(scenario_file, text, scenario);
  identity.kind = "sweep";
  identity.seed = 1;
  identity.days = static_cast<double>(kSteps) * spec.dt_s / 86400.0;
  identity.replications = 2;
  identity.policies = {0, 1};
  identity.policy_ids = {spec.policies[0].id, spec.policies[1].id};
  identity.events = "incidents";
  std::filesystem::remove(path);
  trace::TraceFile file(path, identity, "hotline sweep (fuzz base)", scenario, spec);
  for (std::uint32_t policy = 0; policy < 2; ++policy) {
    for (std::uint32_t replication = 0; replication < 2; ++replication) {
      trace::RunRecord record = simulate(spec, policy, replication);
      file.add_run(record);
    }
  }
  file.commit();
}

FileObjects objects_of(const std::string& path) {
  FileObjects objects;
  trace::hdf5::prepare_this_thread();
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw std::runtime_error(path + ": cannot open the base file");
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, note_dataset, &objects, H5O_INFO_BASIC);
  for (const std::string object : {"/", "/scenario"}) {
    const hid_t opened = H5Oopen(file, object.c_str(), H5P_DEFAULT);
    if (opened < 0) continue;
    std::pair<FileObjects*, std::string> context{&objects, object};
    H5Aiterate2(opened, H5_INDEX_NAME, H5_ITER_INC, nullptr, note_attribute, &context);
    H5Oclose(opened);
  }
  H5Fclose(file);
  return objects;
}

bool check_trace_file_edits(std::span<const std::uint8_t> edits, const std::string& base,
                            const FileObjects& objects, const std::string& work) {
  trace::hdf5::prepare_this_thread();
  std::filesystem::copy_file(base, work, std::filesystem::copy_options::overwrite_existing);
  const hid_t file = H5Fopen(work.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  if (file < 0) throw std::runtime_error(work + ": cannot open the copy");
  for (std::size_t at = 0; at + 4 <= edits.size() && at < 64; at += 4)
    apply_edit(file, objects, {edits[at], edits[at + 1], edits[at + 2], edits[at + 3]});
  H5Fclose(file);
  try {
    read_like_merge_and_report(work);
    return true;
  } catch (const std::exception&) {
    return false;  // refused, as the contract allows
  }
}

}  // namespace hotline::fuzz
