#include "template/template.hpp"

namespace boardpress::tmpl {

nlohmann::ordered_json markup(std::string_view html) {
    nlohmann::ordered_json::binary_t bytes(std::vector<std::uint8_t>(html.begin(), html.end()),
                                   kMarkupSubtype);
    return nlohmann::ordered_json::binary(std::move(bytes));
}

bool is_markup(const nlohmann::ordered_json& value) {
    return value.is_binary() && value.get_binary().has_subtype() &&
           value.get_binary().subtype() == kMarkupSubtype;
}

std::string_view markup_text(const nlohmann::ordered_json& value) {
    const auto& bytes = value.get_binary();
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace boardpress::tmpl
