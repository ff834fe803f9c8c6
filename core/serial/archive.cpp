#include "core/serial/archive.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

// clang-format off
// Order matters: cereal's JSON archive makes rapidjson's assertions throw, so no rapidjson
// header may come before it (RAPIDJSON_ASSERT would be the aborting default, and rapidjson's
// inline code must be the same in every file of the program).
#include "core/serial/model_cereal.h"
#include <rapidjson/error/en.h>
// clang-format on

namespace nuanxin {
namespace {

/// First thing in every file, so that a stranger's JSON or binary is refused by name rather
/// than failing somewhere in the middle with a confusing path.
constexpr const char* kMagic = "nuanxin-dataset";

FieldError toFieldError(const serial::LoadError& e) {
    return FieldError{e.path, e.value, e.reason, e.detail};
}

template <class Archive> void readInto(Archive& ar, Dataset& data) {
    std::string magic;
    serial::io(ar, "format", magic);
    if (magic != kMagic) {
        throw serial::LoadError("format", magic.substr(0, 40), Str::SerialNotDataset, kMagic);
    }
    serial::io(ar, "dataset", data);
}

Result<Dataset> readText(const std::string& text, Format format) {
    // Counts in the input can never exceed its size in bytes.
    struct LimitGuard {
        std::uint64_t saved = serial::maxCount();
        ~LimitGuard() { serial::maxCount() = saved; }
    } guard;
    serial::maxCount() = text.size();

    Dataset data;
    try {
        std::istringstream in(text);
        if (format == Format::Json) {
            // Check the syntax first: rapidjson says where it broke, cereal would not.
            rapidjson::Document doc;
            doc.Parse(text.c_str(), text.size());
            if (doc.HasParseError()) {
                return FieldError{"", "", Str::SerialSyntax,
                                  std::string(rapidjson::GetParseError_En(doc.GetParseError())) +
                                      " at byte " + std::to_string(doc.GetErrorOffset())};
            }
            if (!doc.IsObject()) return FieldError{"", "", Str::SerialNotDataset, kMagic};
            cereal::JSONInputArchive ar(in);
            readInto(ar, data);
        } else {
            cereal::PortableBinaryInputArchive ar(in);
            readInto(ar, data);
        }
    } catch (const serial::LoadError& e) {
        return toFieldError(e);
    } catch (const std::exception& e) {
        return FieldError{"", "", Str::SerialMalformed, e.what()};
    }
    return data;
}

} // namespace

Format formatForPath(const std::string& path) {
    const std::string ext = ".json";
    if (path.size() >= ext.size()) {
        std::string tail = path.substr(path.size() - ext.size());
        for (char& c : tail) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (tail == ext) return Format::Json;
    }
    return Format::Binary;
}

bool writeDataset(const Dataset& data, std::ostream& out, Format format, std::string* error) {
    try {
        std::string magic = kMagic;
        auto& mutableData = const_cast<Dataset&>(data); // cereal's saving path never modifies it
        if (format == Format::Json) {
            // Two-space indent: the shipped demo file stays small and still reads well.
            cereal::JSONOutputArchive ar(
                out, cereal::JSONOutputArchive::Options(
                         std::numeric_limits<double>::max_digits10,
                         cereal::JSONOutputArchive::Options::IndentChar::space, 2));
            serial::io(ar, "format", magic);
            serial::io(ar, "dataset", mutableData);
        } else {
            cereal::PortableBinaryOutputArchive ar(out);
            serial::io(ar, "format", magic);
            serial::io(ar, "dataset", mutableData);
        }
        if (format == Format::Json) out << '\n'; // cereal flushes its last brace in the destructor
        out.flush();
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    if (!out) {
        if (error) *error = "write failed";
        return false;
    }
    return true;
}

Result<Dataset> readDataset(std::istream& in, Format format) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return FieldError{"", "", Str::SerialFileOpen, "read failed"};
    return readText(text, format);
}

bool saveDatasetFile(const Dataset& data, const std::string& path, std::string* error) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            if (error) *error = tmp + ": " + tr(Str::SerialFileOpen, Lang::En);
            return false;
        }
        std::string why;
        if (!writeDataset(data, out, formatForPath(path), &why)) {
            out.close();
            std::remove(tmp.c_str());
            if (error) *error = tmp + ": " + tr(Str::SerialFileWrite, Lang::En) + " (" + why + ")";
            return false;
        }
        out.close();
        if (!out) {
            std::remove(tmp.c_str());
            if (error) *error = tmp + ": " + tr(Str::SerialFileWrite, Lang::En);
            return false;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        if (error) *error = path + ": " + tr(Str::SerialFileWrite, Lang::En) + " (rename)";
        return false;
    }
    return true;
}

Result<Dataset> loadDatasetFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return FieldError{path, "", Str::SerialFileOpen, ""};
    auto result = readDataset(in, formatForPath(path));
    if (result.ok()) return result;
    FieldErrors errors = result.errors();
    prefixFields(errors, path + ": ");
    return errors;
}

} // namespace nuanxin
