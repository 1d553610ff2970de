// Every mistake is an Error at the right file line and column (the YAML starts on line 10).
#include "test_support.hpp"

using namespace test_components;

TEST_CASE("bad YAML points at the syntax error", "[components][errors]") {
    auto d = error_of("table", "data: cp.plans_by_month\ncaption: [a, b\n");
    CHECK(d.location.file == "content/report.md");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == 1);
    CHECK(d.message.rfind("invalid YAML", 0) == 0);
    auto d2 = error_of("table", "data: x\n  caption: y\n");
    CHECK(d2.location.line == 11);
    CHECK(d2.location.column == 10);
    CHECK(d2.source_line == "  caption: y");
}

TEST_CASE("unknown option: did you mean, at the option", "[components][errors]") {
    auto d = error_of("table", "data: cp.plans_by_month\ncaption: C\ncolums: []\n");
    CHECK(d.message == "unknown option `colums` for table; did you mean `columns`?");
    CHECK(d.location.line == 12);
    CHECK(d.location.column == 1);
    CHECK(d.source_line == "colums: []");
    auto nested = error_of("table",
                           "data: cp.plans_by_month\ncaption: C\ncolumns:\n"
                           "  - {key: month, heading: Month, fromat: text}\n");
    CHECK(nested.message == "unknown option `fromat` for column; did you mean `format`?");
    CHECK(nested.location.line == 13);
    CHECK(nested.location.column == 34);
    auto stat = error_of("stats", "items:\n  - value: 1\n    lable: x\n");
    CHECK(stat.message == "unknown option `lable` for stats item; did you mean `label`?");
    CHECK(stat.location.line == 12);
    CHECK(stat.location.column == 5);
}

TEST_CASE("unknown column key: did you mean among the dataset's keys", "[components][errors]") {
    auto d = error_of("table",
                      "data: cp.plans_by_month\ncaption: C\ncolumns:\n  - month\n"
                      "  - {key: y2105, heading: \"2015\"}\n");
    CHECK(d.message == "unknown column `y2105` in `cp.plans_by_month`; did you mean `y2015`?");
    CHECK(d.location.line == 14);
    CHECK(d.location.column == 11);
    CHECK(d.source_line == "  - {key: y2105, heading: \"2015\"}");
    auto sort = error_of("table", "data: cp.plans_by_month\ncaption: C\nsort: {key: mnth}\n");
    CHECK(sort.message == "unknown column `mnth` in `cp.plans_by_month`; did you mean `month`?");
    CHECK(sort.location.line == 12);
    CHECK(sort.location.column == 13);
    auto where = error_of("table", "data: cp.categories\nwhere: {key: categroy, not: Total}\n");
    CHECK(where.message ==
          "unknown column `categroy` in `cp.categories`; did you mean `category`?");
    CHECK(where.location.line == 11);
    CHECK(where.location.column == 14);
}

TEST_CASE("unknown dataset: did you mean among the paths at that level", "[components][errors]") {
    auto d = error_of("table", "data: cp.plans_by_mnth\ncaption: C\n");
    CHECK(d.message == "unknown dataset `cp.plans_by_mnth`; did you mean `cp.plans_by_month`?");
    CHECK(d.location.line == 10);
    CHECK(d.location.column == 10);  // at `plans_by_mnth`
    CHECK(d.source_line == "data: cp.plans_by_mnth");
    auto quoted = error_of("table", "caption: C\ndata: \"cp.plans_by_mnth\"\n");
    CHECK(quoted.location.line == 11);
    CHECK(quoted.location.column == 11);
    auto folder = error_of("table", "data: pc.plans_by_month\ncaption: C\n");
    CHECK(folder.message ==
          "unknown dataset `pc.plans_by_month`; did you mean `cp.plans_by_month`?");
    CHECK(folder.location.column == 7);
    auto stat =
        error_of("stats", "items:\n  - {value: data.cp.snapshot.children_on_plan, label: x}\n");
    CHECK(stat.message ==
          "unknown data key `data.cp.snapshot.children_on_plan`; did you mean "
          "`data.cp.snapshot.children_on_plans`?");
    CHECK(stat.location.line == 11);
    CHECK(stat.location.column == 30);
}

TEST_CASE("text where a number is needed names the row and value", "[components][errors]") {
    auto d = error_of(
        "table", "data: bad\ncaption: C\ncolumns:\n  - month\n  - {key: count, format: number}\n");
    CHECK(d.message == "`count` in row 1 (Jan) of `bad` is the text \"n/a\", not a number");
    CHECK(d.location.line == 14);
    CHECK(d.location.column == 11);
    auto stat =
        error_of("stats", "items:\n  - {value: cp.snapshot.label, label: x, format: number}\n");
    CHECK(stat.message == "`value` is the text \"n/a\", not a number");
    CHECK(stat.location.line == 11);
    CHECK(stat.location.column == 13);
    auto previous = error_of(
        "stats", "items:\n  - {value: cp.snapshot.up, label: x, previous: cp.snapshot.label}\n");
    CHECK(previous.message == "`previous` is the text \"n/a\", not a number");
    CHECK(previous.location.column == 49);
}

TEST_CASE("missing required options", "[components][errors]") {
    auto caption = error_of("table", "data: cp.plans_by_month\n");
    CHECK(caption.message == "table needs a `caption`");
    CHECK(caption.hint.find("add `caption: ...`") != std::string::npos);
    CHECK(caption.hint.find("screen-reader users") != std::string::npos);
    CHECK(caption.location.line == 10);
    CHECK(caption.location.column == 1);
    auto data = error_of("table", "caption: C\n");
    CHECK(data.message.rfind("table needs `data`", 0) == 0);
    auto label = error_of("stats", "items:\n  - {value: 1}\n");
    CHECK(label.message == "stats item needs `label`");
    CHECK(label.location.line == 11);
    auto items = error_of("stats", "");
    CHECK(items.message.rfind("stats needs `items`", 0) == 0);
}

TEST_CASE("wrong kinds of value", "[components][errors]") {
    auto shape = error_of("table", "data: cp.snapshot\ncaption: C\n");
    CHECK(shape.message.find("not a dataset") != std::string::npos);
    CHECK(shape.location.column == 7);
    auto total = error_of("table", "data: cp.plans_by_month\ncaption: C\ntotal: summ\n");
    CHECK(total.message == "`total` cannot be `summ`; did you mean `sum`?");
    CHECK(total.location.line == 12);
    CHECK(total.location.column == 8);
    auto format = error_of(
        "table", "data: cp.plans_by_month\ncaption: C\ncolumns: [{key: y2014, format: numbr}]\n");
    CHECK(format.message == "`format` cannot be `numbr`; did you mean `number`?");
    auto twice = error_of("table", "data: cp.plans_by_month\ncaption: C\ncaption: D\n");
    CHECK(twice.message == "option `caption` given twice in table");
    CHECK(twice.location.line == 12);
}
