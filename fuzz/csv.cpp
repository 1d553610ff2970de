// Fuzz target: CSV datasets (data::parse_csv), the reader behind every data/**.csv file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/data.hpp"
#include "diag/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        nlohmann::ordered_json rows = boardpress::data::parse_csv(text, "data/fuzz.csv");
        (void)rows.dump();  // every cell must be valid JSON (strings valid UTF-8)
    } catch (const boardpress::Error& error) {
        // The message the user sees: its caret and source line come from the position.
        (void)boardpress::describe(error.diagnostic());
    }
    return 0;
}
