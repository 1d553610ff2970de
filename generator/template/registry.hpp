// The tables of filters and tests an Environment knows.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "template/template.hpp"
#include "template/value.hpp"

namespace boardpress::tmpl {

using FilterFn = Value (*)(Renderer& r, const Value& input, CallArgs& args);
using TestFn = bool (*)(Renderer& r, const Value& input, CallArgs& args);

struct FilterEntry {
    FilterFn fn = nullptr;
    const HostFilter* host = nullptr;  // set for filters added with Environment::add_filter
    bool foldable = true;              // false for filters Jinja2 never constant-folds
    bool accepts_undefined = false;    // `default`, `items`: called even with an undefined input
};

struct TestEntry {
    TestFn fn = nullptr;
    bool accepts_undefined = true;
};

struct Registry {
    std::unordered_map<std::string, FilterEntry> filters;
    std::unordered_map<std::string, TestEntry> tests;
    std::vector<std::string> filter_names() const;
    std::vector<std::string> test_names() const;
};

void register_builtin_filters(Registry& registry);  // filters.cpp
void register_domain_filters(Registry& registry);   // domain_filters.cpp
void register_tests(Registry& registry);            // tests.cpp

}  // namespace boardpress::tmpl
