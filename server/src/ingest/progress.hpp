// Progress of ingest runs for the admin screen: each run reports its stage and, where known,
// how many records of how many are done; ListSources shows the runs of this process.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace marquee::server::ingest {

enum class Stage { Fetching, Parsing, Writing };
std::string_view stageName(Stage stage); // "fetching", "parsing", "writing"

struct Progress {
    Stage stage = Stage::Fetching;
    std::size_t done = 0;   // records (writing) or parsed records (parsing)
    std::size_t total = 0;  // 0: not known yet
    std::int64_t startedAtMs = 0;
};

// Called from the run's threads (parsing runs beside the database work); must be thread-safe.
using ProgressCallback = std::function<void(Stage stage, std::size_t done, std::size_t total)>;

// The runs going on in this process, by source name. A run registers itself for its whole
// length (RunEntry); runs on other server instances show only as "running" (last_status).
class ProgressBoard {
public:
    static ProgressBoard& instance();

    class RunEntry {
    public:
        RunEntry(ProgressBoard& board, std::string source);
        ~RunEntry();
        RunEntry(const RunEntry&) = delete;
        RunEntry& operator=(const RunEntry&) = delete;
        void update(Stage stage, std::size_t done, std::size_t total);

    private:
        ProgressBoard& m_board;
        std::string m_source;
    };

    std::optional<Progress> find(const std::string& source) const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, Progress, std::less<>> m_runs;
};

} // namespace marquee::server::ingest
