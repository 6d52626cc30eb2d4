// Splits per-record work of an ingest run over the two cores the run may use: the first half
// on a second thread, the second half on the calling one.
#pragma once

#include <cstddef>
#include <future>

namespace marquee::server::ingest {

// Calls work(half, begin, end) for [0, count / 2) (half 0, on a second thread) and
// [count / 2, count) (half 1, here), and returns when both are done. The halves must not
// write to anything they share.
template <typename Work> void inTwoHalves(std::size_t count, Work&& work) {
    const auto middle = count / 2;
    auto first = std::async(std::launch::async, [&work, middle] { work(std::size_t{0}, std::size_t{0}, middle); });
    work(std::size_t{1}, middle, count);
    first.get();
}

} // namespace marquee::server::ingest
