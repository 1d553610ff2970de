// Fuzz target: JSON datasets and settings (data::parse_json), and the position index that
// config and component checks use to report at a key (data::index_json_positions).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/data.hpp"
#include "diag/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        nlohmann::ordered_json value = boardpress::data::parse_json(text, "data/fuzz.json");
        (void)value.dump();
        // Its precondition: text parse_json accepted, without the byte order mark.
        boardpress::data::JsonPositions positions =
            boardpress::data::index_json_positions(boardpress::data::skip_bom(text));
        (void)positions.key_or_value("");
    } catch (const boardpress::Error& error) {
        (void)boardpress::describe(error.diagnostic());
    }
    return 0;
}
