#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/i18n/tr.h"

namespace nuanxin {

/// @brief One validation failure: which field, the offending value (already masked when it is
/// personal data), and why, as a translation key plus an optional detail (e.g. "expected X").
/// Never an exception or an abort: callers collect these and show them next to the field.
struct FieldError {
    std::string field;  ///< dotted path, e.g. "members[1].id_number"
    std::string value;  ///< the rejected value, masked if personal
    Str reason = Str::ErrInvalid;
    std::string detail; ///< extra facts for the message, language-neutral (numbers, codes)

    /// @brief "field: reason (detail) [value]" in the given language.
    [[nodiscard]] std::string describe(Lang lang) const;
};

using FieldErrors = std::vector<FieldError>;

/// @brief Either a value or the list of reasons it could not be made.
template <class T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}            // NOLINT: implicit by design
    Result(FieldErrors errors) : m_data(std::move(errors)) {} // NOLINT: implicit by design
    Result(FieldError error) : m_data(FieldErrors{std::move(error)}) {} // NOLINT

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T& value() const { return std::get<0>(m_data); }
    [[nodiscard]] T& value() { return std::get<0>(m_data); }
    [[nodiscard]] const FieldErrors& errors() const { return std::get<1>(m_data); }

private:
    std::variant<T, FieldErrors> m_data;
};

/// @brief Prefixes every error's field with `prefix` (e.g. "members[2].").
void prefixFields(FieldErrors& errors, const std::string& prefix);

} // namespace nuanxin
