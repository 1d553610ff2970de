#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

#include "parallel/parallel.hpp"

TEST_CASE("parallel_for runs every index once, whatever the number of workers", "[parallel]") {
    for (unsigned workers : {0u, 1u, 2u, 8u, 100u}) {
        std::vector<std::atomic<int>> runs(37);
        boardpress::parallel_for(runs.size(), workers, [&](std::size_t i) { ++runs[i]; });
        for (const auto& count : runs) CHECK(count == 1);
    }
    int calls = 0;
    boardpress::parallel_for(0, 4, [&](std::size_t) { ++calls; });
    CHECK(calls == 0);
}
