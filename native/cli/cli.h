#pragma once
// Shared pieces of the nuanxin command-line tool: parsed arguments, exit codes, the commands.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n/tr.h"

namespace nuanxin::cli {

/// @brief Process exit codes: 0 done, 1 the input was invalid or an operation failed,
/// 2 the command line itself was wrong, 130 interrupted (SIGINT).
enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2, kInterrupted = 130 };

/// @brief The arguments after the command name, with --lang already taken out.
class Args {
public:
    Args(std::vector<std::string> args, Lang lang) : m_args(std::move(args)), m_lang(lang) {}

    /// @brief Removes "--name value" (or "--name=value"); nullopt when absent.
    /// Throws UsageError when the option is present without a value.
    [[nodiscard]] std::optional<std::string> option(const std::string& name);
    /// @brief Removes a flag such as "--json"; true when it was there.
    [[nodiscard]] bool flag(const std::string& name);
    /// @brief The next positional argument, or a UsageError naming `what`.
    [[nodiscard]] std::string positional(const char* what);
    /// @brief UsageError when anything is left (unknown options, extra arguments).
    void finish() const;
    [[nodiscard]] Lang lang() const { return m_lang; }

private:
    std::vector<std::string> m_args;
    Lang m_lang;
};

/// @brief A wrong command line: the message is printed with a hint and the process exits 2.
struct UsageError {
    Str reason;
    std::string detail;
};

/// @brief A positive (or, with allowZero, non-negative) integer option; UsageError otherwise.
[[nodiscard]] std::uint64_t parseCount(const std::string& option, const std::string& text,
                                       bool allowZero = false);

int runDemo(Args& args);
int runValidateId(Args& args);
int runInfo(Args& args);
int runPlugin(Args& args);
int runMatch(Args& args);
int runSolveAssignment(Args& args);
int runBenchMatch(Args& args);
int runImport(Args& args);
int runExport(Args& args);
int runCheck(Args& args);
int runBackup(Args& args);
int runRestore(Args& args);
int runBenchStore(Args& args);
int runStoreCrypto(Args& args);

} // namespace nuanxin::cli
