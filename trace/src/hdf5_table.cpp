#include "hotline/trace/hdf5_table.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace hotline::trace::hdf5 {

namespace {

// The most useful line of the calling thread's HDF5 error stack: the
// system's message where a read or write failed, else the innermost
// description.
herr_t note_cause(unsigned /*depth*/, const H5E_error2_t* error, void* data) {
  auto& cause = *static_cast<std::pair<std::string, bool>*>(data);
  if (cause.second || error->desc == nullptr) return 0;
  const std::string_view desc = error->desc;
  constexpr std::string_view kSystem = "error message = '";
  if (const auto at = desc.find(kSystem); at != std::string_view::npos) {
    const auto from = at + kSystem.size();
    cause = {std::string(desc.substr(from, desc.find('\'', from) - from)), true};
  } else if (cause.first.empty()) {
    cause.first = std::string(desc);
  }
  return 0;
}

std::string current_cause() {
  std::pair<std::string, bool> cause;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, note_cause, &cause);
  return cause.first;
}

std::string with_cause(const std::string& path, const std::string& what) {
  std::string message = path;
  message.append(": ").append(what);
  if (const std::string cause = current_cause(); !cause.empty()) message.append(": ").append(cause);
  return message;
}

hid_t native_type(FieldType type) {
  switch (type) {
    case FieldType::u8:
      return H5T_NATIVE_UINT8;
    case FieldType::u16:
      return H5T_NATIVE_UINT16;
    case FieldType::u32:
      return H5T_NATIVE_UINT32;
    case FieldType::u64:
      return H5T_NATIVE_UINT64;
    case FieldType::i32:
      return H5T_NATIVE_INT32;
    case FieldType::i64:
      return H5T_NATIVE_INT64;
    case FieldType::f32:
      return H5T_NATIVE_FLOAT;
    case FieldType::f64:
    case FieldType::text:  // not a native type: see member_type
      return H5T_NATIVE_DOUBLE;
  }
  return H5T_NATIVE_DOUBLE;
}

std::size_t element_size(FieldType type) {
  switch (type) {
    case FieldType::u8:
      return 1;
    case FieldType::u16:
      return 2;
    case FieldType::u32:
    case FieldType::i32:
    case FieldType::f32:
      return 4;
    case FieldType::u64:
    case FieldType::i64:
    case FieldType::f64:
      return 8;
    case FieldType::text:
      return 0;
  }
  return 0;
}

// A field's type: a native number, or a fixed-size NUL-padded UTF-8 string.
Handle member_type(const std::string& path, const Field& f) {
  if (f.type != FieldType::text) return Handle(H5Tcopy(native_type(f.type)), H5Tclose);
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (f.text_size == 0 || !type.valid() || H5Tset_size(type.get(), f.text_size) < 0
      || H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0
      || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0) {
    throw Error(path, "cannot make the text type of field '" + f.name + "'");
  }
  return type;
}

// Dataset creation properties: chunked, shuffled and deflated, and without
// the object's creation and modification times, so that the same content
// written twice gives the same bytes.
Handle chunked_properties(const std::string& path, const std::string& name, int rank,
                          const hsize_t* chunk, int deflate_level) {
  Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  if (!properties.valid() || H5Pset_chunk(properties.get(), rank, chunk) < 0
      || H5Pset_obj_track_times(properties.get(), 0) < 0) {
    throw Error(path, "cannot set up dataset '" + name + "'");
  }
  // Level 0 means no filter at all (HDF5's deflate at level 0 would still
  // copy and checksum every chunk).
  if (deflate_level > 0
      && (H5Pset_shuffle(properties.get()) < 0
          || H5Pset_deflate(properties.get(), static_cast<unsigned>(deflate_level)) < 0)) {
    throw Error(path, "cannot set up the filters of dataset '" + name + "'");
  }
  return properties;
}

// Transfer properties whose type-conversion buffer holds `rows` rows of
// `row_bytes` (the larger of the memory and the file row), at most 1 MiB.
// HDF5's default buffer is 1 MiB, allocated and zeroed on every read or
// write that converts (our padded structs to the packed rows on disk and
// back): that was nearly all the time of assembling a sweep's file, run
// after run of a few rows each.
Handle transfer_properties(const std::string& path, std::uint64_t rows, std::size_t row_bytes) {
  Handle properties(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  const std::uint64_t wanted = std::max<std::uint64_t>(rows, 1) * row_bytes;
  const auto bytes = static_cast<std::size_t>(
      std::max<std::uint64_t>(std::min<std::uint64_t>(wanted, std::uint64_t{1} << 20), row_bytes));
  if (!properties.valid() || H5Pset_buffer(properties.get(), bytes, nullptr, nullptr) < 0) {
    throw Error(path, "cannot set up a transfer");
  }
  return properties;
}

// The row's compound type in memory (the layout of the caller's struct).
Handle compound_type(const std::string& path, std::size_t row_size,
                     const std::vector<Field>& fields) {
  Handle type(H5Tcreate(H5T_COMPOUND, row_size), H5Tclose);
  if (!type.valid()) throw Error(path, "cannot create a compound type");
  for (const Field& f : fields) {
    const Handle member = member_type(path, f);
    if (!member.valid() || H5Tinsert(type.get(), f.name.c_str(), f.offset, member.get()) < 0) {
      throw Error(path, "cannot add field '" + f.name + "' to a compound type");
    }
  }
  return type;
}

// A variable-length UTF-8 string type.
Handle string_type(const std::string& path) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (!type.valid() || H5Tset_size(type.get(), H5T_VARIABLE) < 0
      || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0) {
    throw Error(path, "cannot create a string type");
  }
  return type;
}

void write_scalar_attribute(const File& file, hid_t object, const std::string& name, hid_t type,
                            const void* value) {
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
  Handle attribute(H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                   H5Aclose);
  if (!attribute.valid() || H5Awrite(attribute.get(), type, value) < 0) {
    throw Error(file.path(), "cannot write attribute '" + name + "'");
  }
}

}  // namespace

Error::Error(std::string path, const std::string& what)
    : std::runtime_error(with_cause(path, what)), path_(std::move(path)) {}

void prepare_this_thread() {
  static const bool process_ready = [] { return H5dont_atexit() >= 0; }();
  (void)process_ready;
  thread_local const bool thread_ready = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)thread_ready;
}

std::size_t field_bytes(const Field& field) {
  return field.type == FieldType::text ? field.text_size : element_size(field.type);
}

File File::create(const std::string& path) {
  prepare_this_thread();
  // Exclusive: never over an existing file or through a link.
  Handle file(H5Fcreate(path.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file.valid()) throw Error(path, "cannot create the HDF5 file");
  return File(path, std::move(file));
}

File File::open(const std::string& path, bool writable) {
  prepare_this_thread();
  Handle file(H5Fopen(path.c_str(), writable ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT),
              H5Fclose);
  if (!file.valid()) throw Error(path, "cannot open as an HDF5 file");
  return File(path, std::move(file));
}

void File::flush() {
  prepare_this_thread();
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) throw Error(path_, "cannot flush");
}

void File::close() {
  prepare_this_thread();
  if (!file_.reset()) throw Error(path_, "cannot finish writing the file");
}

Handle create_group(const File& file, hid_t parent, const std::string& name) {
  // No creation and modification times: the same content gives the same bytes.
  Handle properties(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
  if (!properties.valid() || H5Pset_obj_track_times(properties.get(), 0) < 0) {
    throw Error(file.path(), "cannot set up group '" + name + "'");
  }
  Handle group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties.get(), H5P_DEFAULT),
               H5Gclose);
  if (!group.valid()) throw Error(file.path(), "cannot create group '" + name + "'");
  return group;
}

void write_attribute(const File& file, hid_t object, const std::string& name,
                     std::string_view value) {
  const Handle type = string_type(file.path());
  const std::string text(value);
  const char* data = text.c_str();
  write_scalar_attribute(file, object, name, type.get(), &data);
}

void write_attribute(const File& file, hid_t object, const std::string& name, std::int64_t value) {
  write_scalar_attribute(file, object, name, H5T_NATIVE_INT64, &value);
}

void write_attribute(const File& file, hid_t object, const std::string& name, double value) {
  write_scalar_attribute(file, object, name, H5T_NATIVE_DOUBLE, &value);
}

void write_attribute(const File& file, hid_t object, const std::string& name, std::uint64_t value) {
  write_scalar_attribute(file, object, name, H5T_NATIVE_UINT64, &value);
}

std::string read_string_attribute(const File& file, hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
  if (!attribute.valid()) throw Error(file.path(), "no attribute '" + name + "'");
  const Handle type = string_type(file.path());
  char* data = nullptr;
  if (H5Aread(attribute.get(), type.get(), &data) < 0) {
    throw Error(file.path(), "cannot read attribute '" + name + "' as a string");
  }
  std::string text = data != nullptr ? data : "";
  H5free_memory(data);
  return text;
}

Table::Table(const File& file, hid_t parent, const std::string& name, std::size_t row_size,
             const std::vector<Field>& fields, std::size_t chunk_rows, int deflate_level)
    : path_(file.path()), memory_type_(compound_type(file.path(), row_size, fields)) {
  const std::array<hsize_t, 1> initial{0};
  const std::array<hsize_t, 1> maximum{H5S_UNLIMITED};
  Handle space(H5Screate_simple(1, initial.data(), maximum.data()), H5Sclose);
  const std::array<hsize_t, 1> chunk{chunk_rows};
  const Handle properties = chunked_properties(path_, name, 1, chunk.data(), deflate_level);
  if (!space.valid()) throw Error(path_, "cannot set up table '" + name + "'");
  // The file stores the packed version of the row type: no padding bytes.
  Handle file_type(H5Tcopy(memory_type_.get()), H5Tclose);
  if (!file_type.valid() || H5Tpack(file_type.get()) < 0) {
    throw Error(path_, "cannot pack the row type of '" + name + "'");
  }
  dataset_ = Handle(H5Dcreate2(parent, name.c_str(), file_type.get(), space.get(), H5P_DEFAULT,
                               properties.get(), H5P_DEFAULT),
                    H5Dclose);
  if (!dataset_.valid()) throw Error(path_, "cannot create table '" + name + "'");
}

void Table::append(const void* rows, std::size_t count) {
  prepare_this_thread();
  if (count == 0) return;
  const std::array<hsize_t, 1> new_size{rows_ + count};
  if (H5Dset_extent(dataset_.get(), new_size.data()) < 0) {
    throw Error(path_, "cannot extend a table");
  }
  Handle file_space(H5Dget_space(dataset_.get()), H5Sclose);
  const std::array<hsize_t, 1> start{rows_};
  const std::array<hsize_t, 1> length{count};
  Handle memory_space(H5Screate_simple(1, length.data(), nullptr), H5Sclose);
  if (!file_space.valid() || !memory_space.valid()
      || H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, length.data(),
                             nullptr)
             < 0
      || H5Dwrite(dataset_.get(), memory_type_.get(), memory_space.get(), file_space.get(),
                  transfer_properties(path_, count, H5Tget_size(memory_type_.get())).get(), rows)
             < 0) {
    throw Error(path_, "cannot write rows to a table");
  }
  rows_ += count;
}

bool has_attribute(hid_t object, const std::string& name) {
  return H5Aexists(object, name.c_str()) > 0;
}

bool exists(const File& file, const std::string& path) {
  // Each parent must exist before H5Lexists may be asked about the child.
  std::size_t from = 0;
  while (true) {
    const std::size_t slash = path.find('/', from);
    const std::string prefix = path.substr(0, slash);
    if (H5Lexists(file.id(), prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
    from = slash + 1;
  }
}

std::int64_t read_int_attribute(const File& file, hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
  std::int64_t value = 0;
  if (!attribute.valid() || H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0) {
    throw Error(file.path(), "no integer attribute '" + name + "'");
  }
  return value;
}

std::uint64_t read_uint_attribute(const File& file, hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
  std::uint64_t value = 0;
  if (!attribute.valid() || H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) {
    throw Error(file.path(), "no integer attribute '" + name + "'");
  }
  return value;
}

double read_double_attribute(const File& file, hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
  double value = 0;
  if (!attribute.valid() || H5Aread(attribute.get(), H5T_NATIVE_DOUBLE, &value) < 0) {
    throw Error(file.path(), "no number attribute '" + name + "'");
  }
  return value;
}

Matrix::Matrix(const File& file, hid_t parent, const std::string& name, FieldType element,
               std::size_t columns, std::size_t chunk_rows, int deflate_level)
    : path_(file.path()), element_(element), columns_(columns) {
  if (element == FieldType::text || columns == 0) {
    throw Error(path_, "matrix '" + name + "' needs numbers and at least one column");
  }
  const std::array<hsize_t, 2> initial{0, columns};
  const std::array<hsize_t, 2> maximum{H5S_UNLIMITED, columns};
  Handle space(H5Screate_simple(2, initial.data(), maximum.data()), H5Sclose);
  const std::array<hsize_t, 2> chunk{chunk_rows, columns};
  const Handle properties = chunked_properties(path_, name, 2, chunk.data(), deflate_level);
  if (!space.valid()) throw Error(path_, "cannot set up matrix '" + name + "'");
  dataset_ = Handle(H5Dcreate2(parent, name.c_str(), native_type(element), space.get(), H5P_DEFAULT,
                               properties.get(), H5P_DEFAULT),
                    H5Dclose);
  if (!dataset_.valid()) throw Error(path_, "cannot create matrix '" + name + "'");
}

void Matrix::append(const void* rows, std::size_t count) {
  prepare_this_thread();
  if (count == 0) return;
  const std::array<hsize_t, 2> new_size{rows_ + count, columns_};
  if (H5Dset_extent(dataset_.get(), new_size.data()) < 0) {
    throw Error(path_, "cannot extend a matrix");
  }
  Handle file_space(H5Dget_space(dataset_.get()), H5Sclose);
  const std::array<hsize_t, 2> start{rows_, 0};
  const std::array<hsize_t, 2> length{count, columns_};
  Handle memory_space(H5Screate_simple(2, length.data(), nullptr), H5Sclose);
  if (!file_space.valid() || !memory_space.valid()
      || H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, length.data(),
                             nullptr)
             < 0
      || H5Dwrite(dataset_.get(), native_type(element_), memory_space.get(), file_space.get(),
                  H5P_DEFAULT, rows)
             < 0) {
    throw Error(path_, "cannot write rows to a matrix");
  }
  rows_ += count;
}

namespace {

// The dataset and its extent: rank 1 or 2.
struct OpenDataset {
  Handle data;
  Handle space;
  int rank = 0;
  std::array<hsize_t, 2> dims{0, 0};
};

OpenDataset open_dataset(const File& file, const std::string& dataset) {
  OpenDataset d;
  d.data = Handle(H5Dopen2(file.id(), dataset.c_str(), H5P_DEFAULT), H5Dclose);
  if (!d.data.valid()) throw Error(file.path(), "no dataset '" + dataset + "'");
  d.space = Handle(H5Dget_space(d.data.get()), H5Sclose);
  d.rank = d.space.valid() ? H5Sget_simple_extent_ndims(d.space.get()) : -1;
  if (d.rank < 1 || d.rank > 2
      || H5Sget_simple_extent_dims(d.space.get(), d.dims.data(), nullptr) < 0) {
    throw Error(file.path(), "'" + dataset + "' is not a one- or two-dimensional dataset");
  }
  return d;
}

// Refuses to read `bytes` from a dataset that stores far fewer: deflate
// packs at most about 1,032 bytes into one, so a dataset whose rows would
// take more than 1,100 times what it stores (a damaged or forged extent: a
// 70 kB file declaring 20 million rows) is refused before anything is
// allocated.
void check_plausible_size(const File& file, const std::string& dataset, const OpenDataset& d,
                          std::uint64_t bytes) {
  constexpr std::uint64_t kMaxExpansion = 1100;
  constexpr std::uint64_t kSlack = 1ULL << 20;
  const std::uint64_t stored = H5Dget_storage_size(d.data.get());
  if (bytes <= kSlack || bytes / kMaxExpansion <= stored) return;
  throw Error(file.path(), "'" + dataset + "' declares " + std::to_string(d.dims[0]) + " rows ("
                               + std::to_string(bytes) + " bytes to read) but stores only "
                               + std::to_string(stored) + " bytes: the file is damaged");
}

// Selects rows [begin, begin + count) of the dataset's space.
void select_rows(const File& file, const std::string& dataset, OpenDataset& d, std::uint64_t begin,
                 std::uint64_t count) {
  if (begin > d.dims[0] || count > d.dims[0] - begin) {
    throw Error(file.path(), "'" + dataset + "' has " + std::to_string(d.dims[0])
                                 + " rows: cannot read rows " + std::to_string(begin) + " to "
                                 + std::to_string(begin + count));
  }
  const std::array<hsize_t, 2> start{begin, 0};
  const std::array<hsize_t, 2> length{count, d.dims[1]};
  if (H5Sselect_hyperslab(d.space.get(), H5S_SELECT_SET, start.data(), nullptr, length.data(),
                          nullptr)
      < 0) {
    throw Error(file.path(), "cannot select rows of '" + dataset + "'");
  }
}

}  // namespace

std::uint64_t dataset_rows(const File& file, const std::string& dataset) {
  return open_dataset(file, dataset).dims[0];
}

std::vector<std::byte> read_table_rows(const File& file, const std::string& dataset,
                                       std::size_t row_size, const std::vector<Field>& fields,
                                       std::uint64_t begin, std::uint64_t count) {
  OpenDataset d = open_dataset(file, dataset);
  if (d.rank != 1) throw Error(file.path(), "'" + dataset + "' is not a table");
  select_rows(file, dataset, d, begin, count);
  check_plausible_size(file, dataset, d, count * row_size);
  const Handle type = compound_type(file.path(), row_size, fields);
  std::vector<std::byte> rows(static_cast<std::size_t>(count) * row_size);
  if (count == 0) return rows;
  const std::array<hsize_t, 1> length{count};
  Handle memory_space(H5Screate_simple(1, length.data(), nullptr), H5Sclose);
  const Handle stored(H5Dget_type(d.data.get()), H5Tclose);
  const std::size_t row_bytes =
      std::max(row_size, stored.valid() ? H5Tget_size(stored.get()) : std::size_t{0});
  if (H5Dread(d.data.get(), type.get(), memory_space.get(), d.space.get(),
              transfer_properties(file.path(), count, row_bytes).get(), rows.data())
      < 0) {
    throw Error(file.path(), "cannot read table '" + dataset + "' with the expected columns");
  }
  return rows;
}

std::vector<std::byte> read_table(const File& file, const std::string& dataset,
                                  std::size_t row_size, const std::vector<Field>& fields) {
  return read_table_rows(file, dataset, row_size, fields, 0, dataset_rows(file, dataset));
}

namespace {

template <class T>
std::vector<T> read_column(const File& file, const std::string& dataset, const std::string& column,
                           FieldType type) {
  const std::vector<Field> field{{column.c_str(), 0, type}};
  const std::vector<std::byte> bytes = read_table(file, dataset, sizeof(T), field);
  std::vector<T> values(bytes.size() / sizeof(T));
  if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

}  // namespace

std::vector<double> read_f64_column(const File& file, const std::string& dataset,
                                    const std::string& column) {
  return read_column<double>(file, dataset, column, FieldType::f64);
}

std::vector<std::uint32_t> read_u32_column(const File& file, const std::string& dataset,
                                           const std::string& column) {
  return read_column<std::uint32_t>(file, dataset, column, FieldType::u32);
}

std::vector<std::string> read_text_column(const File& file, const std::string& dataset,
                                          const std::string& column) {
  OpenDataset d = open_dataset(file, dataset);
  Handle stored(H5Dget_type(d.data.get()), H5Tclose);
  const int member = stored.valid() ? H5Tget_member_index(stored.get(), column.c_str()) : -1;
  if (d.rank != 1 || member < 0) {
    throw Error(file.path(), "table '" + dataset + "' has no column '" + column + "'");
  }
  Handle member_stored(H5Tget_member_type(stored.get(), static_cast<unsigned>(member)), H5Tclose);
  if (!member_stored.valid() || H5Tget_class(member_stored.get()) != H5T_STRING
      || H5Tis_variable_str(member_stored.get()) > 0) {
    throw Error(file.path(), "column '" + column + "' of '" + dataset + "' is not fixed text");
  }
  const std::size_t size = H5Tget_size(member_stored.get());
  const Field field{column, 0, FieldType::text, size};
  const std::vector<std::byte> bytes = read_table(file, dataset, size, {field});
  std::vector<std::string> values;
  for (std::size_t i = 0; i < d.dims[0]; ++i) {
    const char* text = reinterpret_cast<const char*>(bytes.data() + i * size);
    std::size_t length = 0;
    while (length < size && text[length] != '\0')
      ++length;
    values.emplace_back(text, length);
  }
  return values;
}

std::vector<std::byte> read_matrix_rows(const File& file, const std::string& dataset,
                                        FieldType element, std::size_t columns, std::uint64_t begin,
                                        std::uint64_t count) {
  OpenDataset d = open_dataset(file, dataset);
  if (d.rank != 2 || d.dims[1] != columns) {
    throw Error(file.path(),
                "'" + dataset + "' is not a matrix of " + std::to_string(columns) + " columns");
  }
  select_rows(file, dataset, d, begin, count);
  check_plausible_size(file, dataset, d, count * columns * element_size(element));
  std::vector<std::byte> values(static_cast<std::size_t>(count) * columns * element_size(element));
  if (count == 0) return values;
  const std::array<hsize_t, 2> length{count, columns};
  Handle memory_space(H5Screate_simple(2, length.data(), nullptr), H5Sclose);
  if (H5Dread(d.data.get(), native_type(element), memory_space.get(), d.space.get(), H5P_DEFAULT,
              values.data())
      < 0) {
    throw Error(file.path(), "cannot read matrix '" + dataset + "'");
  }
  return values;
}

}  // namespace hotline::trace::hdf5
