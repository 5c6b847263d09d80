#include "trace_content.hpp"

#include <hdf5.h>

#include <stdexcept>
#include <vector>

namespace hotline::test {

namespace {

struct Walk {
  std::map<std::string, std::string> content;
};

std::string type_text(hid_t type) {
  // Class, size and, for compounds, member names and offsets.
  std::string text = std::to_string(H5Tget_class(type)) + ":" + std::to_string(H5Tget_size(type));
  if (H5Tget_class(type) == H5T_COMPOUND) {
    const int n = H5Tget_nmembers(type);
    for (int i = 0; i < n; ++i) {
      char* name = H5Tget_member_name(type, static_cast<unsigned>(i));
      text += std::string(",") + name + "@"
              + std::to_string(H5Tget_member_offset(type, static_cast<unsigned>(i)));
      H5free_memory(name);
    }
  }
  return text;
}

std::string read_attribute(hid_t object, const char* name) {
  const hid_t attribute = H5Aopen(object, name, H5P_DEFAULT);
  const hid_t type = H5Aget_type(attribute);
  const hid_t space = H5Aget_space(attribute);
  std::string value = type_text(type) + "=";
  if (H5Tget_class(type) == H5T_STRING && H5Tis_variable_str(type) > 0) {
    char* text = nullptr;
    H5Aread(attribute, type, &text);
    value += text != nullptr ? text : "";
    H5free_memory(text);
  } else {
    const auto points = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    std::string bytes(points * H5Tget_size(type), '\0');
    H5Aread(attribute, type, bytes.data());
    value += bytes;
  }
  H5Sclose(space);
  H5Tclose(type);
  H5Aclose(attribute);
  return value;
}

herr_t on_attribute(hid_t object, const char* name, const H5A_info_t*, void* data) {
  auto* where = static_cast<std::pair<Walk*, std::string>*>(data);
  const std::string key = where->second + "@" + name;
  if (key == "/@created_utc" || key == "/@command_line") return 0;
  where->first->content[key] = read_attribute(object, name);
  return 0;
}

void read_attributes(Walk& walk, hid_t object, const std::string& path) {
  std::pair<Walk*, std::string> where{&walk, path};
  hsize_t index = 0;
  H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &index, on_attribute, &where);
}

herr_t on_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
  auto& walk = *static_cast<Walk*>(data);
  const std::string path = std::string("/") + (std::string(name) == "." ? "" : name);
  const hid_t object = H5Oopen(root, name, H5P_DEFAULT);
  if (object < 0) throw std::runtime_error("cannot open " + path);
  read_attributes(walk, object, path);
  if (info->type == H5O_TYPE_DATASET) {
    const hid_t type = H5Dget_type(object);
    const hid_t space = H5Dget_space(object);
    const int rank = H5Sget_simple_extent_ndims(space);
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    std::string value = type_text(type) + " [";
    for (hsize_t d : dims)
      value += std::to_string(d) + " ";
    value += "]=";
    const auto points = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    std::string bytes(points * H5Tget_size(type), '\0');
    if (points > 0) H5Dread(object, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
    walk.content[path] = value + bytes;
    H5Sclose(space);
    H5Tclose(type);
  }
  H5Oclose(object);
  return 0;
}

}  // namespace

std::map<std::string, std::string> trace_content(const std::string& path) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) throw std::runtime_error("cannot open " + path);
  Walk walk;
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, on_object, &walk, H5O_INFO_BASIC);
  H5Fclose(file);
  return walk.content;
}

std::string first_difference(const std::map<std::string, std::string>& a,
                             const std::map<std::string, std::string>& b) {
  for (const auto& [key, value] : a) {
    const auto other = b.find(key);
    if (other == b.end()) return key + " (only in the first)";
    if (other->second != value) return key;
  }
  for (const auto& [key, value] : b) {
    if (a.find(key) == a.end()) return key + " (only in the second)";
  }
  return "";
}

}  // namespace hotline::test
