#include <catch2/catch.hpp>

#include "template/template.hpp"

using namespace boardpress;

TEST_CASE("smoke", "[template]") {
    tmpl::Environment env(tmpl::Options{});
    CHECK(env.render_string("{{ 1 + 2 }}", {"t", 1, 1}, nlohmann::ordered_json::object()) == "3");
}
