#include "core/io/encoding.h"

#include <cerrno>
#include <iconv.h>

namespace nuanxin {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::size_t lineAt(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1;
    // '\n' (0x0A) is never part of a multi-byte GB18030 or UTF-8 character, so counting it in
    // the raw bytes gives the line in either encoding.
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') ++line;
    }
    return line;
}

/// One iconv conversion of the whole text; on failure the offset of the byte it stopped at.
bool convert(const char* to, const char* from, std::string_view in, std::string& out,
             std::size_t& failedAt) {
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        failedAt = 0;
        return false;
    }
    out.assign(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data()); // iconv's signature; it does not write the input
    std::size_t srcLeft = in.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    bool ok = true;
    while (srcLeft > 0) {
        if (iconv(cd, &src, &srcLeft, &dst, &dstLeft) != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) {
            const std::size_t used = out.size() - dstLeft;
            out.resize(out.size() * 2);
            dst = out.data() + used;
            dstLeft = out.size() - used;
            continue;
        }
        ok = false; // EILSEQ (not a character) or EINVAL (cut off at the end)
        failedAt = in.size() - srcLeft;
        break;
    }
    out.resize(out.size() - dstLeft);
    iconv_close(cd);
    return ok;
}

} // namespace

std::optional<Encoding> parseEncoding(std::string_view name) {
    const std::string n = lower(name);
    if (n == "auto") return Encoding::Auto;
    if (n == "utf8" || n == "utf-8") return Encoding::Utf8;
    if (n == "gb18030" || n == "gbk" || n == "gb2312") return Encoding::Gb18030;
    return std::nullopt;
}

const char* encodingName(Encoding e) {
    switch (e) {
    case Encoding::Auto:
        return "auto";
    case Encoding::Utf8:
        return "utf-8";
    case Encoding::Gb18030:
        return "gb18030";
    }
    return "?";
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view b) {
    std::size_t i = 0;
    while (i < b.size()) {
        const auto c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (i + n > b.size()) return i;
        const auto second = static_cast<unsigned char>(b[i + 1]);
        if (second < lo || second > hi) return i;
        for (std::size_t k = 2; k < n; ++k) {
            const auto cont = static_cast<unsigned char>(b[i + k]);
            if (cont < 0x80 || cont > 0xBF) return i;
        }
        i += n;
    }
    return std::nullopt;
}

Result<DecodedText> decodeText(std::string_view bytes, Encoding requested, std::string_view file) {
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    const auto invalid = firstInvalidUtf8(bytes);
    Encoding e = requested;
    if (e == Encoding::Auto) e = (bom || !invalid) ? Encoding::Utf8 : Encoding::Gb18030;
    if (e == Encoding::Utf8) {
        if (invalid) {
            return FieldError{std::string(file) + ":" + std::to_string(lineAt(bytes, *invalid)), "",
                              Str::IoBadEncoding, "utf-8"};
        }
        return DecodedText{std::string(bytes.substr(bom ? 3 : 0)), Encoding::Utf8};
    }
    DecodedText out{{}, Encoding::Gb18030};
    std::size_t failedAt = 0;
    if (!convert("UTF-8", "GB18030", bytes, out.text, failedAt)) {
        return FieldError{std::string(file) + ":" + std::to_string(lineAt(bytes, failedAt)), "",
                          Str::IoBadEncoding, "gb18030"};
    }
    return out;
}

Result<std::string> encodeGb18030(std::string_view utf8) {
    std::string out;
    std::size_t failedAt = 0;
    if (!convert("GB18030", "UTF-8", utf8, out, failedAt)) {
        return FieldError{"", "", Str::IoBadEncoding, "utf-8 at byte " + std::to_string(failedAt)};
    }
    return out;
}

} // namespace nuanxin
