#include "core/util/csv.h"

namespace nuanxin {

FieldError CsvError::toFieldError(std::string_view file) const {
    FieldError e;
    e.field = std::string(file) + ':' + std::to_string(line) + ':' + std::to_string(field);
    e.reason = reason;
    return e;
}

CsvReader::CsvReader(std::string_view text, char separator)
    : m_text(text), m_separator(separator) {
    // Excel and Notepad put a byte-order mark before UTF-8 text; it is not part of the header.
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
}

bool CsvReader::fail(Str reason, std::size_t field) {
    m_error = CsvError{m_line, field, reason};
    return false;
}

bool CsvReader::atLineEnd() const {
    return m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r');
}

void CsvReader::skipLineEnd() {
    if (m_pos >= m_text.size()) return;
    if (m_text[m_pos] == '\r') {
        ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
    } else if (m_text[m_pos] == '\n') {
        ++m_pos;
    } else {
        return;
    }
    ++m_line;
}

bool CsvReader::next(CsvRow& row) {
    if (m_error) return false;
    while (atLineEnd()) skipLineEnd();
    if (m_pos >= m_text.size()) return false;

    row.fields.clear();
    row.line = m_line;
    const std::size_t size = m_text.size();
    for (;;) {
        const std::size_t fieldNo = row.fields.size() + 1;
        std::string field;
        if (m_pos < size && m_text[m_pos] == '"') {
            const std::size_t openLine = m_line;
            ++m_pos;
            for (;;) {
                if (m_pos >= size) {
                    m_line = openLine; // point at the quote that was never closed
                    return fail(Str::ErrCsvUnterminatedQuote, fieldNo);
                }
                const char c = m_text[m_pos];
                if (c == '"') {
                    if (m_pos + 1 < size && m_text[m_pos + 1] == '"') {
                        field += '"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                // Line breaks inside quotes are data, kept as written; they still count as lines
                // so that later errors point at the right line of the file.
                if (c == '\n' || (c == '\r' && (m_pos + 1 >= size || m_text[m_pos + 1] != '\n'))) {
                    ++m_line;
                }
                field += c;
                ++m_pos;
            }
            if (m_pos < size && m_text[m_pos] != m_separator && !atLineEnd()) {
                return fail(Str::ErrCsvTextAfterQuote, fieldNo);
            }
        } else {
            const std::size_t start = m_pos;
            while (m_pos < size && m_text[m_pos] != m_separator && !atLineEnd()) {
                if (m_text[m_pos] == '"') return fail(Str::ErrCsvStrayQuote, fieldNo);
                ++m_pos;
            }
            field.assign(m_text.substr(start, m_pos - start));
        }
        row.fields.push_back(std::move(field));
        if (m_pos < size && m_text[m_pos] == m_separator) {
            ++m_pos;
            continue;
        }
        skipLineEnd();
        return true;
    }
}

Result<std::vector<CsvRow>> readCsv(std::string_view text, std::string_view file,
                                    char separator) {
    CsvReader reader(text, separator);
    std::vector<CsvRow> rows;
    CsvRow row;
    while (reader.next(row)) rows.push_back(row);
    if (reader.error()) return reader.error()->toFieldError(file);
    return rows;
}

std::optional<std::size_t> csvColumn(const CsvRow& header, std::string_view name) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        if (header.fields[i] == name) return i;
    }
    return std::nullopt;
}

} // namespace nuanxin
