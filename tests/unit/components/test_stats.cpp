#include "test_support.hpp"

using namespace test_components;
using boardpress::components::Trend;

TEST_CASE("stats: value, label and change in words", "[components][stats]") {
    auto s = stats(
        "items:\n"
        "  - {value: data.cp.snapshot.children_on_plans, label: children with a plan,"
        " previous: data.cp.snapshot.previous, previous_label: \"2013-14\", note: N, source: S}\n"
        "  - {value: cp.snapshot.up, label: up, previous: cp.snapshot.hundred, previous_label: "
        "\"2013-14\"}\n"
        "  - {value: cp.snapshot.previous, label: same, previous: 395, previous_label: "
        "\"2013-14\"}\n"
        "  - {value: cp.snapshot.share, label: share, format: percent,"
        " previous: cp.snapshot.previous_share, previous_label: \"2013-14\"}\n"
        "  - {value: 1234.5, label: literal, format: gbp}\n");
    REQUIRE(s.items.size() == 5);
    CHECK(s.items[0].value == "387");
    CHECK(s.items[0].label == "children with a plan");
    CHECK(s.items[0].change == "down 2% on 2013-14");
    CHECK(s.items[0].trend == Trend::down);
    CHECK(s.items[0].note == "N");
    CHECK(s.items[0].source == "S");
    CHECK(s.items[1].change == "up 45% on 2013-14");
    CHECK(s.items[1].trend == Trend::up);
    CHECK(s.items[2].change == "no change on 2013-14");
    CHECK(s.items[2].trend == Trend::same);
    CHECK(s.items[3].value == "17.8%");
    CHECK(s.items[3].change == "up 2.8 percentage points on 2013-14");
    CHECK(s.items[4].value ==
          "\xC2\xA3"
          "1,234.50");  // pence shown when there are any
    CHECK(s.items[4].change.empty());
    CHECK(s.items[4].trend == Trend::none);
}

TEST_CASE("stats: a missing value shows the mark", "[components][stats]") {
    auto s = stats("items:\n  - {value: cp.snapshot.empty, label: nothing}\n");
    CHECK(s.items[0].missing);
    CHECK(s.items[0].hidden == "no data");
}

TEST_CASE("change words", "[components][stats]") {
    using boardpress::components::change_words;
    boardpress::components::ValueFormat number;
    number.format = boardpress::components::Format::number;
    CHECK(change_words(145, 100, number, "2013-14").text == "up 45% on 2013-14");
    CHECK(change_words(97, 100, number, "2013-14").text == "down 3% on 2013-14");
    CHECK(change_words(100, 100, number, "2013-14").text == "no change on 2013-14");
    CHECK(change_words(5, 0, number, "2013-14").text == "up from 0 on 2013-14");
    CHECK(change_words(100.2, 100, number, "").text == "up less than 1% on last year");
}

TEST_CASE("stats: small counts in sensitive data are suppressed, with no change", "[components][stats]") {
    auto ctx = context();
    ctx.suppression_threshold = 5;
    auto parse_stats = [&](std::string_view yaml) {
        auto model = boardpress::components::parse_component("stats", yaml, ctx);
        REQUIRE(model.has_value());
        return std::get<boardpress::components::StatsModel>(*model);
    };
    auto s = parse_stats(
        "items:\n"
        "  - {value: small.rows.0.count, label: north, previous: 12}\n"
        "  - {value: small.rows.1.count, label: south, previous: small.rows.0.count}\n"
        "  - {value: cp.snapshot.hundred, label: not sensitive, previous: 3}\n"
        "  - {value: 2, label: forced, suppress: true}\n");
    CHECK(s.items[0].value == "*");
    CHECK(s.items[0].hidden == "fewer than 5");
    CHECK(s.items[0].change.empty());
    CHECK(s.items[1].value == "12");
    CHECK(s.items[1].change.empty());  // "up 300%" would reveal the hidden 3
    CHECK(s.items[2].value == "100");
    CHECK_FALSE(s.items[2].change.empty());
    CHECK(s.items[3].value == "*");
}

// Found by reading after fuzzing found the same in templates: an index too large for 64 bits
// threw std::out_of_range from std::stoul, which nothing caught.
TEST_CASE("stats: an index too large for 64 bits is no item", "[components][stats]") {
    auto d = error_of("stats",
                      "items:\n  - {value: cp.plans_by_month.99999999999999999999.y2014, label: x}\n");
    CHECK(d.location.line == 11);
    CHECK_FALSE(d.message.empty());
}
