#include "hotline/engine/hdf5_table.hpp"

#include <array>

namespace hotline::engine::hdf5 {

namespace {

// HDF5 prints its error stack to stderr by default; every failure here
// becomes an Error instead, so switch the printing off once.
void silence_hdf5() {
  static const bool silenced = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)silenced;
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
      return H5T_NATIVE_DOUBLE;
  }
  return H5T_NATIVE_DOUBLE;
}

// The row's compound type in memory (the layout of the caller's struct).
Handle compound_type(const std::string& path, std::size_t row_size,
                     const std::vector<Field>& fields) {
  Handle type(H5Tcreate(H5T_COMPOUND, row_size), H5Tclose);
  if (!type.valid()) throw Error(path, "cannot create a compound type");
  for (const Field& f : fields) {
    if (H5Tinsert(type.get(), f.name.c_str(), f.offset, native_type(f.type)) < 0) {
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

File File::create(const std::string& path) {
  silence_hdf5();
  Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file.valid()) throw Error(path, "cannot create the HDF5 file");
  return File(path, std::move(file));
}

File File::open(const std::string& path, bool writable) {
  silence_hdf5();
  Handle file(H5Fopen(path.c_str(), writable ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT),
              H5Fclose);
  if (!file.valid()) throw Error(path, "cannot open as an HDF5 file");
  return File(path, std::move(file));
}

void File::flush() {
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) throw Error(path_, "cannot flush");
}

void File::close() {
  if (!file_.reset()) throw Error(path_, "cannot finish writing the file");
}

Handle create_group(const File& file, hid_t parent, const std::string& name) {
  Handle group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
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
  Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  const std::array<hsize_t, 1> chunk{chunk_rows};
  if (!space.valid() || !properties.valid() || H5Pset_chunk(properties.get(), 1, chunk.data()) < 0
      || H5Pset_shuffle(properties.get()) < 0
      || H5Pset_deflate(properties.get(), static_cast<unsigned>(deflate_level)) < 0) {
    throw Error(path_, "cannot set up table '" + name + "'");
  }
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
                  H5P_DEFAULT, rows)
             < 0) {
    throw Error(path_, "cannot write rows to a table");
  }
  rows_ += count;
}

std::vector<std::byte> read_table(const File& file, const std::string& dataset,
                                  std::size_t row_size, const std::vector<Field>& fields) {
  Handle data(H5Dopen2(file.id(), dataset.c_str(), H5P_DEFAULT), H5Dclose);
  if (!data.valid()) throw Error(file.path(), "no table '" + dataset + "'");
  Handle space(H5Dget_space(data.get()), H5Sclose);
  std::array<hsize_t, 1> size{0};
  if (!space.valid() || H5Sget_simple_extent_ndims(space.get()) != 1
      || H5Sget_simple_extent_dims(space.get(), size.data(), nullptr) < 0) {
    throw Error(file.path(), "'" + dataset + "' is not a one-dimensional table");
  }
  const Handle type = compound_type(file.path(), row_size, fields);
  std::vector<std::byte> rows(static_cast<std::size_t>(size[0]) * row_size);
  if (size[0] > 0
      && H5Dread(data.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) < 0) {
    throw Error(file.path(), "cannot read table '" + dataset + "' with the expected columns");
  }
  return rows;
}

}  // namespace hotline::engine::hdf5
