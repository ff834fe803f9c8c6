#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/error.h"

namespace nuanxin {

/// @brief One CSV record: its fields (quotes removed, "" unescaped) and the 1-based line of the
/// input on which it starts (a quoted field may span several lines).
struct CsvRow {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

/// @brief Where and why a CSV text could not be read.
struct CsvError {
    std::size_t line = 0;  ///< 1-based line of the offending character
    std::size_t field = 0; ///< 1-based field number within its record
    Str reason = Str::ErrInvalid;

    /// @brief As a FieldError naming `file`, e.g. field "areas.csv:12:3".
    [[nodiscard]] FieldError toFieldError(std::string_view file) const;
};

/// @brief RFC 4180 reader over text already in UTF-8 (convert GB18030 exports first).
/// Accepts: quoted fields with "" escapes, separators and line breaks inside quotes, CRLF, LF or
/// lone CR line ends, a UTF-8 byte-order mark, a missing final line end. Empty lines between
/// records are skipped (spreadsheets leave them; they are never data). Refuses, with line and
/// field: an unclosed quote, a quote inside an unquoted field, text after a closing quote.
/// Strict on purpose: a lenient reader would silently shift columns of personal data.
class CsvReader {
public:
    explicit CsvReader(std::string_view text, char separator = ',');

    /// @brief Reads the next record into `row`. False at the end of the text or on an error
    /// (then error() says which); after an error every later call returns false.
    bool next(CsvRow& row);
    [[nodiscard]] const std::optional<CsvError>& error() const { return m_error; }

private:
    bool fail(Str reason, std::size_t field);
    bool atLineEnd() const;
    void skipLineEnd();

    std::string_view m_text;
    char m_separator;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::optional<CsvError> m_error;
};

/// @brief Every record of `text`, or the first error.
[[nodiscard]] Result<std::vector<CsvRow>> readCsv(std::string_view text, std::string_view file,
                                                  char separator = ',');

/// @brief Index of the column called `name` in a header row; nullopt when absent.
[[nodiscard]] std::optional<std::size_t> csvColumn(const CsvRow& header, std::string_view name);

} // namespace nuanxin
