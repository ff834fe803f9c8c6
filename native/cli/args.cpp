#include <cstdint>

#include "native/cli/cli.h"

namespace nuanxin::cli {

std::optional<std::string> Args::option(const std::string& name) {
    const std::string inline_ = name + "=";
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        const std::string& a = m_args[i];
        if (a == name) {
            if (i + 1 >= m_args.size()) throw UsageError{Str::CliMissingValue, name};
            std::string v = m_args[i + 1];
            m_args.erase(m_args.begin() + static_cast<std::ptrdiff_t>(i),
                         m_args.begin() + static_cast<std::ptrdiff_t>(i + 2));
            return v;
        }
        if (a.compare(0, inline_.size(), inline_) == 0) {
            std::string v = a.substr(inline_.size());
            m_args.erase(m_args.begin() + static_cast<std::ptrdiff_t>(i));
            if (v.empty()) throw UsageError{Str::CliMissingValue, name};
            return v;
        }
    }
    return std::nullopt;
}

bool Args::flag(const std::string& name) {
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        if (m_args[i] == name) {
            m_args.erase(m_args.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
    }
    return false;
}

std::string Args::positional(const char* what) {
    for (std::size_t i = 0; i < m_args.size(); ++i) {
        // "-" alone is not an option; "--x" is, and stays for finish() to report.
        if (m_args[i].size() > 1 && m_args[i][0] == '-' && m_args[i][1] == '-') continue;
        std::string v = m_args[i];
        m_args.erase(m_args.begin() + static_cast<std::ptrdiff_t>(i));
        return v;
    }
    throw UsageError{Str::CliMissingArgument, what};
}

void Args::finish() const {
    if (m_args.empty()) return;
    const std::string& a = m_args.front();
    if (a.size() > 1 && a[0] == '-') throw UsageError{Str::CliUnknownOption, a};
    throw UsageError{Str::CliExtraArgument, a};
}

std::uint64_t parseCount(const std::string& option, const std::string& text, bool allowZero) {
    // Own digit loop: std::stoull accepts signs, spaces and hex-like prefixes we do not want.
    if (text.empty() || text.size() > 18) throw UsageError{Str::CliBadNumber, option + " " + text};
    std::uint64_t v = 0;
    for (char ch : text) {
        if (ch < '0' || ch > '9') throw UsageError{Str::CliBadNumber, option + " " + text};
        v = v * 10 + static_cast<std::uint64_t>(ch - '0');
    }
    if (v == 0 && !allowZero) throw UsageError{Str::CliBadNumber, option + " " + text};
    return v;
}

} // namespace nuanxin::cli
