// What tests of bad input share: the diagnostic an action fails with, and long repeated text.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace boardpress::testing {

// The diagnostic of the boardpress::Error that `action` throws; the test fails when it throws none.
inline Diagnostic diagnostic_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.diagnostic();
    }
    FAIL("expected an error");
    return {};
}

// `text` `times` times over.
inline std::string repeat(std::string_view text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

}  // namespace boardpress::testing
