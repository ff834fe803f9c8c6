#pragma once
// Pieces every long table of the app draws the same way: the sort order read from a clicked
// header, the "nothing to show" row, and a row that is selectable across all its columns with
// its id drawn over the first cell (and named for the end-to-end tests).
#include <cstdint>

namespace nuanxin {

/// @brief The table's sort order when a header was clicked since the last call; false
/// otherwise (the caller rebuilds its row order only then, never per frame). `column` is the
/// ColumnUserID of the first sort spec; with no spec, `fallback` ascending.
[[nodiscard]] bool takeSortChange(int& column, bool& descending, int fallback);

/// @brief One muted row in the first column ("no households match").
void emptyTableRow(const char* text);

/// @brief Draws the first cell of a row: a selectable spanning every column with the id drawn
/// over it. The first ten visible rows are named "<markPrefix>.<n>" (n counted in `marked`) and
/// "<markPrefix>.id.<id>".
/// True when the row was clicked.
[[nodiscard]] bool selectableIdCell(std::uint64_t id, bool selected, const char* markPrefix,
                                    int& marked);

} // namespace nuanxin
