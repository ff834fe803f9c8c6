#pragma once
// Internal to core/io: the pieces the household, offer and donor importers share.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/import.h"
#include "core/util/csv.h"

namespace nuanxin::io_detail {

/// @brief The header row resolved: which column holds which field.
struct Columns {
    std::string file; ///< for messages: "file:line:field"
    std::vector<std::string> headers;
    std::map<std::string, std::size_t> byField;

    [[nodiscard]] std::optional<std::size_t> of(const std::string& field) const;
    /// @brief The header text of a field's column (the field name when absent).
    [[nodiscard]] std::string header(const std::string& field) const;
    /// @brief The trimmed cell of `field` in `row` ("" when the column is absent or short).
    [[nodiscard]] std::string cell(const CsvRow& row, const std::string& field) const;
};

/// @brief Reads the header row; a missing required column is fatal (line 1, named).
[[nodiscard]] Result<Columns> readColumns(CsvReader& reader, ImportTarget target,
                                          const ImportOptions& options, std::string_view file);

/// @brief Adds a reject, masking the value when the field holds personal data.
void reject(ImportReport& report, std::size_t line, const Columns& cols, const std::string& field,
            std::string_view value, Str reason, std::string detail = {});

/// @brief One record's commands and the file lines it came from.
struct Unit {
    std::vector<Command> commands;
    std::size_t line = 0;
    std::size_t rows = 1;
    std::optional<HeldDuplicate> held; ///< reported once committed
};

/// @brief Commits the units (all in one transaction, or in chunks) and records the outcome;
/// commands the store refuses become rejects of their unit's line.
void commitUnits(Store& store, std::vector<Unit>& units, const ImportOptions& options,
                 ImportReport& report, std::size_t totalRows);

/// @brief Parsers for cells; each accepts the stable name, the Chinese and the English label.
[[nodiscard]] std::optional<CategorySet> parseCategories(std::string_view text);
[[nodiscard]] std::optional<AttributeSet> parseAttributes(std::string_view text);
[[nodiscard]] std::optional<bool> parseYesNo(std::string_view text);
/// @brief A non-negative decimal integer without sign, spaces or separators.
[[nodiscard]] std::optional<std::int64_t> parseCount(std::string_view text);
/// @brief Yuan with up to two decimals ("12.5") to fen.
[[nodiscard]] std::optional<std::int64_t> parseYuanToFen(std::string_view text);
/// @brief Splits a list cell at ';', '；', '、', '|' or ',' (after quotes were removed).
[[nodiscard]] std::vector<std::string> splitList(std::string_view text);
/// @brief Lines in the text (for progress totals).
[[nodiscard]] std::size_t countLines(std::string_view text);

/// @brief Whether the caller asked to stop.
bool cancelled(const ImportOptions& options);
/// @brief Every 10,000 rows: reports progress; true when the caller asked to stop.
bool tick(const ImportOptions& options, std::size_t rows, std::size_t totalRows);
/// @brief A CSV syntax error ends the import: nothing of the file is trusted.
bool csvBroken(const CsvReader& reader, const Columns& cols, ImportReport& report);
/// @brief Sorts the rejects by line (stable: a row's own reasons stay in order).
void sortRejects(ImportReport& report);
/// @brief An enum value from its stable name or its Chinese or English label.
template <class E> std::optional<E> parseLabelled(std::string_view text);

ImportReport importHouseholds(Store& store, CsvReader& reader, const Columns& cols,
                              const ImportOptions& options, ImportReport report,
                              std::size_t totalRows);
ImportReport importOffers(Store& store, CsvReader& reader, const Columns& cols,
                          const ImportOptions& options, ImportReport report, std::size_t totalRows);
ImportReport importDonors(Store& store, CsvReader& reader, const Columns& cols,
                          const ImportOptions& options, ImportReport report, std::size_t totalRows);

} // namespace nuanxin::io_detail
