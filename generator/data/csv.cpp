// parse_csv: RFC 4180 records with a header row, cells typed as numbers, booleans or null.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <regex>
#include <vector>

#include "data/data.hpp"

namespace boardpress::data {

namespace {

struct Cell {
    std::string value;
    bool quoted = false;
    std::size_t offset = 0;  // first character of the cell (its opening quote when quoted)
};

struct Row {
    std::vector<Cell> cells;
    std::size_t start = 0;
    std::size_t end = 0;  // where the row's line break (or the text) ends it
};

[[noreturn]] void fail(std::string_view text, const std::string& file, std::size_t offset,
                       std::string message, std::string hint) {
    Diagnostic d{Severity::error, locate(file, text, offset), std::move(message), {},
                 std::move(hint)};
    attach_source(d, text);
    throw Error(std::move(d));
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// `234` or `234.5`: what follows a thousands comma. Scanned, not std::regex, which recursed once
// per digit and overflowed the stack on a long cell.
bool thousands_group(std::string_view cell) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (cell.size() < 3 || !is_digit(cell[0]) || !is_digit(cell[1]) || !is_digit(cell[2]))
        return false;
    if (cell.size() == 3) return true;
    std::string_view fraction = cell.substr(4);
    return cell[3] == '.' && !fraction.empty() &&
           std::all_of(fraction.begin(), fraction.end(), is_digit);
}

std::vector<Row> read_rows(std::string_view text, const std::string& file) {
    std::vector<Row> rows;
    std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // A line with no characters at all is skipped.
        if (text[i] == '\n') {
            ++i;
            continue;
        }
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
            i += 2;
            continue;
        }
        Row row;
        row.start = i;
        while (true) {
            std::size_t j = i;
            while (j < n && is_blank(text[j])) ++j;
            Cell cell;
            if (j < n && text[j] == '"') {
                cell.quoted = true;
                cell.offset = j;
                i = j + 1;
                while (true) {
                    if (i >= n)
                        fail(text, file, cell.offset, "this quoted cell is never closed",
                             "add the closing `\"`; a quote inside a quoted cell is written "
                             "twice: `\"\"`");
                    if (text[i] == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            cell.value += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
                        ++i;  // a CRLF inside a quoted cell becomes LF
                        continue;
                    }
                    cell.value += text[i++];
                }
                while (i < n && is_blank(text[i])) ++i;
                bool line_end = i >= n || text[i] == '\n' ||
                                (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n');
                if (!line_end && text[i] != ',')
                    fail(text, file, i, "unexpected text after the closing quote of a cell",
                         "to put a `\"` inside a quoted cell, write it twice: `\"\"`");
            } else {
                std::size_t start = i;
                while (i < n && text[i] != ',' && text[i] != '\n' &&
                       !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n'))
                    ++i;
                std::size_t first = start, last = i;
                while (first < last && is_blank(text[first])) ++first;
                while (last > first && is_blank(text[last - 1])) --last;
                cell.offset = first;
                cell.value = std::string(text.substr(first, last - first));
            }
            row.cells.push_back(std::move(cell));
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            row.end = i;
            if (i < n) i += text[i] == '\r' ? 2 : 1;
            break;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

nlohmann::ordered_json typed(const Cell& cell) {
    const std::string& v = cell.value;
    if (v.empty()) return nullptr;
    if (v == "true" || v == "True" || v == "TRUE") return true;
    if (v == "false" || v == "False" || v == "FALSE") return false;
    NumberSyntax syntax = number_syntax(v);
    if (syntax == NumberSyntax::integer) {
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
        if (ec == std::errc() && end == v.data() + v.size()) return number;
        return v;  // too big for 64 bits: kept exactly, as text
    }
    if (syntax == NumberSyntax::decimal) return std::strtod(v.c_str(), nullptr);
    return v;
}

}  // namespace

nlohmann::ordered_json parse_csv(std::string_view text, const std::string& file) {
    text = skip_bom(text);
    check_utf8(text, file);
    std::vector<Row> rows = read_rows(text, file);
    if (rows.empty())
        fail(text, file, 0, "the CSV file is empty",
             "the first row must name the columns, as in `month,plans`");

    const Row& header = rows.front();
    std::vector<std::string> names;
    std::map<std::string, std::size_t> seen;  // heading -> column (1-based)
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        const Cell& cell = header.cells[c];
        if (cell.value.empty())
            fail(text, file, cell.offset, "column " + std::to_string(c + 1) + " has no heading",
                 "give every column a name in the first row");
        auto [it, added] = seen.emplace(cell.value, c + 1);
        if (!added)
            fail(text, file, cell.offset,
                 "the heading `" + cell.value + "` is used twice (columns " +
                     std::to_string(it->second) + " and " + std::to_string(c + 1) + ")",
                 "give each column its own name");
        names.push_back(cell.value);
    }

    nlohmann::ordered_json result = nlohmann::ordered_json::array();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        std::size_t count = row.cells.size();
        if (count != names.size()) {
            std::string message = "this row has " + std::to_string(count) + " cell" +
                                  (count == 1 ? "" : "s") + " but the heading row has " +
                                  std::to_string(names.size());
            if (count > names.size()) {
                bool split_number = false;
                for (std::size_t c = 1; c < count; ++c)
                    if (!row.cells[c].quoted && !row.cells[c - 1].quoted &&
                        thousands_group(row.cells[c].value) &&
                        std::regex_match(row.cells[c - 1].value, std::regex(R"(-?\d{1,3})")))
                        split_number = true;
                bool extra_empty = true;
                for (std::size_t c = names.size(); c < count; ++c)
                    if (!row.cells[c].value.empty() || row.cells[c].quoted) extra_empty = false;
                fail(text, file, row.cells[names.size()].offset, message,
                     extra_empty ? "remove the extra `,` at the end of the row"
                     : split_number ? "a number written with a thousands comma must be in quotes "
                                    "(`\"1,234\"`) or written without it (`1234`)"
                                  : "a cell that contains a comma must be in double quotes: "
                                    "`\"a, b\"`");
            }
            fail(text, file, row.end, message,
                 "add the missing cells; an empty cell is written with nothing between the "
                 "commas (`a,,c`)");
        }
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < count; ++c) object[names[c]] = typed(row.cells[c]);
        result.push_back(std::move(object));
    }
    return result;
}

}  // namespace boardpress::data
