#pragma once
// CSV import of households (one row per person), offers and donors into a store: encoding
// detection, Chinese or English headers, every bad row reported with line, column, masked value
// and reason, valid rows committed as one batch or in chunks, progress and cancel.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/duplicates.h"
#include "core/io/encoding.h"
#include "core/store/store.h"

namespace nuanxin {

enum class ImportTarget : std::uint8_t { Households, Offers, Donors };

/// @brief Header text → field name. The defaults know the usual Chinese and English headers
/// (姓名/name, 身份证号/id_number, 所属区划/division ...); set() adds or overrides one, so a
/// user can map "户主姓名" to "name" for an office's own layout.
class HeaderMap {
public:
    [[nodiscard]] static HeaderMap defaults(ImportTarget target);
    void set(const std::string& header, const std::string& field);
    /// @brief The field of a header (spaces around it ignored); nullopt when unknown.
    [[nodiscard]] std::optional<std::string> field(std::string_view header) const;
    /// @brief Field names this target understands, required ones first.
    [[nodiscard]] static std::vector<std::string> fields(ImportTarget target);
    [[nodiscard]] static std::vector<std::string> requiredFields(ImportTarget target);

private:
    std::map<std::string, std::string> m_map;
};

struct ImportOptions {
    Encoding encoding = Encoding::Auto;
    bool allOrNothing = false;        ///< one bad row: nothing is committed
    std::string who;                  ///< journaled as the user
    Timestamp when = 0;               ///< journaled time; also "today" for validation
    std::string organisation;         ///< registering organisation (households); default: who
    std::optional<HeaderMap> headers; ///< default: HeaderMap::defaults(target)
    std::size_t chunkRows = 2000;     ///< records per journal record when not all-or-nothing
    int defaultDeadlineDays = 60;     ///< need deadline when the file has none: `when` + this
    /// @brief Called now and then with (rows done, rows total).
    std::function<void(std::size_t, std::size_t)> progress;
    const std::atomic<bool>* cancel = nullptr; ///< set to stop; committed chunks stay
};

/// @brief One refused row: where, what (masked when personal) and why.
struct RejectedRow {
    std::size_t line = 0;
    std::string column; ///< the header as written in the file
    std::string value;
    Str reason = Str::ErrInvalid;
    std::string detail;
};

/// @brief A row group whose people another organisation registered: held for merge review.
struct HeldDuplicate {
    std::size_t line = 0;
    std::uint64_t pendingId = 0;
    HouseholdId existing = 0;
};

struct ImportReport {
    Encoding encoding = Encoding::Utf8;
    std::optional<FieldError> fatal; ///< the file as a whole could not be read (nothing imported)
    std::size_t rows = 0;            ///< data rows read
    std::size_t rowsAccepted = 0;
    std::size_t recordsAdded = 0; ///< households, offers or donors registered
    std::vector<RejectedRow> rejects;
    std::vector<HeldDuplicate> held;
    std::vector<LikelyDuplicate> likely; ///< b is the new household
    bool committed = false;              ///< something was written to the store
    bool cancelled = false;

    [[nodiscard]] bool clean() const { return !fatal && rejects.empty() && !cancelled; }
};

/// @brief Imports `bytes` (a whole CSV file) into the store.
[[nodiscard]] ImportReport importCsv(Store& store, std::string_view bytes, ImportTarget target,
                                     const ImportOptions& options, std::string_view fileName);

/// @brief The rejects as a CSV file Excel opens (UTF-8 with BOM): line, column, value, reason.
[[nodiscard]] std::string rejectsCsv(const ImportReport& report, Lang lang);

} // namespace nuanxin
