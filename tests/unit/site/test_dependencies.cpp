#include <catch2/catch.hpp>

#include "site/dependencies.hpp"
#include "site/fingerprint.hpp"

using boardpress::site::DatasetNames;
using boardpress::site::find_references;
using boardpress::site::Fingerprint;

TEST_CASE("templates name the templates they load and the datasets they read", "[site]") {
    boardpress::site::DatasetNames datasets = {"cp", "plan", "glossary"};
    auto found =
        find_references(R"({% extends "base.html" %}{% include 'partials/header.html' %})"
                        R"({{ data.cp.totals.total }}{% for row in data["plan"] %}{% endfor %})",
                        datasets);
    CHECK(found.templates == std::set<std::string>{"base.html", "partials/header.html"});
    CHECK(found.datasets == std::set<std::string>{"cp", "plan"});
    CHECK_FALSE(found.every_template);
    CHECK_FALSE(found.every_dataset);
}

TEST_CASE("what cannot be followed counts as everything", "[site]") {
    boardpress::site::DatasetNames datasets = {"cp"};
    CHECK(find_references("{% include page.layout %}", datasets).every_template);
    CHECK(find_references("{% for name in data %}{% endfor %}", datasets).every_dataset);
    CHECK(find_references("{{ data[name] }}", datasets).every_dataset);
    // HTML attributes and prose that say "data" are not data references.
    CHECK_FALSE(
        find_references(R"(<p data-status="red">The data shows</p>)", datasets).every_dataset);
}

TEST_CASE("components name their datasets outside template tags", "[site]") {
    auto found = find_references("```chart\ndata: cp.by_month\n```\n", {"cp", "lado"});
    CHECK(found.datasets == std::set<std::string>{"cp"});
    CHECK(find_references("cpx and xcp", {"cp"}).datasets.empty());
    CHECK(find_references("~~~ table\ndata: budget-2015.rows\ncolumns: cp-totals\n~~~\n",
                          {"budget-2015", "cp"})
              .datasets == std::set<std::string>{"budget-2015", "cp"});
}

TEST_CASE("prose does not read data; fenced blocks and template tags can", "[site]") {
    DatasetNames names = {"cp", "plan"};
    CHECK(find_references("The plan for cp work.\n", names).datasets.empty());
    CHECK(find_references("{% for d in [\"cp\"] %}{% endfor %}", names).datasets ==
          std::set<std::string>{"cp"});
    CHECK(find_references("````\n```\nplan\n````\n", names).datasets ==
          std::set<std::string>{"plan"});  // a shorter fence inside does not close it
}

TEST_CASE("fingerprints tell pieces apart", "[site]") {
    CHECK(Fingerprint().add("ab").add("c").value() != Fingerprint().add("a").add("bc").value());
    CHECK(Fingerprint().add("x").value() == Fingerprint().add("x").value());
}
