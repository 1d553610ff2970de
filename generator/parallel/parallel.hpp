// Work spread over threads: the build's pages, PDFs, files and sources are independent of one
// another, so each stage runs them on every core.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace boardpress {

// Runs fn(0) .. fn(count - 1), each once, on `workers` threads (this one among them); returns
// when all are done.
inline void parallel_for(std::size_t count, unsigned workers,
                         const std::function<void(std::size_t)>& fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) fn(i);
    };
    std::size_t useful =
        std::min<std::size_t>(std::max(1u, workers), std::max<std::size_t>(count, 1));
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < useful; ++i) threads.emplace_back(work);
    work();
}

}  // namespace boardpress
