// Progress board of ingest runs (see progress.hpp).
#include "ingest/progress.hpp"

namespace marquee::server::ingest {

std::string_view stageName(Stage stage) {
    switch (stage) {
    case Stage::Fetching: return "fetching";
    case Stage::Parsing: return "parsing";
    case Stage::Writing: return "writing";
    }
    return "fetching";
}

ProgressBoard& ProgressBoard::instance() {
    static ProgressBoard board;
    return board;
}

ProgressBoard::RunEntry::RunEntry(ProgressBoard& board, std::string source)
    : m_board(board), m_source(std::move(source)) {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    std::lock_guard lock(m_board.m_mutex);
    m_board.m_runs[m_source] = Progress{Stage::Fetching, 0, 0, now};
}

ProgressBoard::RunEntry::~RunEntry() {
    std::lock_guard lock(m_board.m_mutex);
    m_board.m_runs.erase(m_source);
}

void ProgressBoard::RunEntry::update(Stage stage, std::size_t done, std::size_t total) {
    std::lock_guard lock(m_board.m_mutex);
    auto& progress = m_board.m_runs[m_source];
    progress.stage = stage;
    progress.done = done;
    progress.total = total;
}

std::optional<Progress> ProgressBoard::find(const std::string& source) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_runs.find(source);
    if (it == m_runs.end()) return std::nullopt;
    return it->second;
}

} // namespace marquee::server::ingest
