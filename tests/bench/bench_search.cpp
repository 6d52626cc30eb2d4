// Search benchmark (issue 6), in one run over one generated corpus:
//  1. server search: the corpus loaded by COPY, the index build timed (as the ingest bulk path
//     writes events, on --build-connections workers; --database keeps the corpus for reuse),
//     then prefix and typo query latency (p50/p95) with 16 concurrent clients through the real
//     request path (Api::handle, one connection each) and the CPU each query cost;
//  2. baselines on the same corpus and queries: a sequential ILIKE scan, and Xapian 1.4
//     (latency and typo recall beside ours);
//  3. the client's offline search (LocalStore FTS5) over a cache of --client-events events
//     (--client-only runs this part alone, on the same client corpus and queries).
// Typo recall: the share of the exact spelling's relevant top-10 results (hits containing
// the intended word) that the misspelt query also puts in its top 10.
// Xapian first: its headers use "slots" as a name, which Qt's keywords would rewrite.
#include <xapian.h>

#include "marquee/core/typo.hpp"
#include "db/migrations.hpp"
#include "db/text_array.hpp"
#include "services/api.hpp"
#include "services/search_session.hpp"
#include "store/localstore.h"
#include "store/searchtext.h"
#include "test_db.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <time.h>
#include <unistd.h>

using namespace marquee;

namespace {

[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "bench_search: %s\n", why.c_str());
    std::exit(1);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Word lists in five languages: title words, description words, names.
const std::vector<std::string> kTitleWords = {
    "jazz", "festival", "konzert", "nacht", "sommer", "winter", "opera", "theatre", "theater", "comedy", "kabarett",
    "symphonie", "orchester", "quartett", "ballett", "tango", "salsa", "flamenco", "techno", "house", "rock",
    "chanson", "soiree", "matinee", "gala", "lesung", "poetry", "slam", "kino", "cinema", "film", "ausstellung",
    "exhibition", "fotografie", "photography", "weinprobe", "degustation", "markt", "marche", "mercado", "fiesta",
    "notte", "musica", "concerto", "serata", "abend", "morgen", "brunch", "dinner", "krimidinner", "improvisation",
    "philharmonie", "kammermusik", "orgelnacht", "liederabend", "operette", "musical", "zauberflote", "traviata",
    "carmen", "nussknacker", "schwanensee", "requiem", "passion", "oratorium", "mahler", "beethoven", "mozart",
    "vivaldi", "schubert", "brahms", "ravel", "debussy", "berlioz", "piaf", "gershwin", "ellington", "coltrane",
    "festspiele", "biennale", "triennale", "marathon", "turnier", "championship", "derby", "regatta", "workshop",
    "kinderfest", "familienfest", "weihnachtsmarkt", "flohmarkt", "streetfood", "bierfest", "oktoberfest",
    "midsummer", "candlelight", "sinfonietta", "bigband", "chorkonzert", "gospel", "blues", "swing", "bossa",
    "electronica", "ambient", "reggae", "hiphop", "karaoke", "quiz", "burlesque", "variete", "zirkus", "cirque",
    "akrobatik", "zaubershow", "puppentheater", "marionetten", "schauspiel", "tragodie", "komodie", "drama",
    "premiere", "gastspiel", "tournee", "unplugged", "acoustic", "rooftop", "openair", "strandbar", "hafenfest",
};
const std::vector<std::string> kDescriptionWords = {
    "the", "a", "an", "evening", "night", "with", "and", "for", "everyone", "music", "live", "band", "stage",
    "tickets", "doors", "open", "hour", "before", "show", "der", "die", "das", "und", "mit", "für", "alle",
    "abend", "bühne", "karten", "einlass", "stunde", "vorher", "le", "la", "les", "une", "soirée", "pour", "tous",
    "musique", "scène", "billets", "ouverture", "des", "portes", "heure", "avant", "el", "los", "una", "noche",
    "para", "todos", "música", "escenario", "entradas", "il", "gli", "una", "sera", "per", "tutti", "palco",
    "biglietti", "famous", "berühmt", "célèbre", "famoso", "orchestra", "ensemble", "soloist", "conductor",
    "dirigentin", "cheffe", "chœur", "chor", "coro", "premiere", "production", "inszenierung", "mise", "scène",
    "family", "familie", "kinder", "enfants", "niños", "bambini", "drinks", "getränke", "boissons", "bebidas",
    "garden", "garten", "jardin", "jardín", "giardino", "river", "fluss", "rivière", "río", "fiume", "summer",
    "sommer", "été", "verano", "estate", "winter", "hiver", "invierno", "inverno", "classic", "klassisch",
    "classique", "clásico", "classico", "modern", "moderne", "moderno", "dance", "tanz", "danse", "baile", "danza",
};
const std::vector<std::string> kFirstNames = {"Anna", "Lukas", "Marie", "Jonas", "Léa", "Hugo", "Lucía", "Mateo",
                                              "Giulia", "Marco", "Sofia", "Élodie", "Jürgen", "Zoë", "Björn", "Chloé"};
const std::vector<std::string> kLastNames = {"Müller", "Schmidt", "Dubois", "Lefèvre", "García", "Martínez", "Rossi",
                                             "Bianchi", "Schäfer", "Wagner", "Moreau", "Fernández", "Conti", "Weiß"};
const std::vector<std::pair<std::string, std::string>> kCategories = {
    {"music", "Music"}, {"music.jazz", "Jazz"}, {"music.classical", "Classical"}, {"music.rock", "Rock"},
    {"theatre", "Theatre"}, {"theatre.opera", "Opera"}, {"comedy", "Comedy"}, {"film", "Film"},
    {"exhibition", "Exhibitions"}, {"family", "Family"}, {"sport", "Sport"}, {"food", "Food"}};
const std::vector<std::pair<std::string, std::pair<double, double>>> kCities = {
    {"Berlin", {52.52, 13.40}}, {"München", {48.14, 11.58}}, {"Hamburg", {53.55, 9.99}}, {"Paris", {48.86, 2.35}},
    {"Lyon", {45.76, 4.84}},    {"Wien", {48.21, 16.37}},    {"Zürich", {47.37, 8.54}},  {"Barcelona", {41.39, 2.17}},
    {"Milano", {45.46, 9.19}},  {"Köln", {50.94, 6.96}}};

struct GeneratedEvent {
    std::string id;
    std::string title;
    std::string description;
    std::vector<std::string> performers;
    std::vector<std::string> tags;
    std::string category;
    int venue = 0;
    std::int64_t startsAtMs = 0;
    std::int64_t priceMin = 0;
};

template <typename T>
const T& pick(std::mt19937_64& rng, const std::vector<T>& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
}

std::string capitalized(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string uuidFor(std::int64_t i) {
    char id[64];
    std::snprintf(id, sizeof id, "5e4c0000-0000-4000-8000-%012lld", static_cast<long long>(i % 1'000'000'000'000LL));
    return id;
}

GeneratedEvent generateEvent(std::mt19937_64& rng, std::int64_t i, std::int64_t nowMs, int venues) {
    GeneratedEvent e;
    e.id = uuidFor(i);
    const int titleWords = std::uniform_int_distribution<int>(2, 4)(rng);
    for (int w = 0; w < titleWords; ++w) e.title += (w ? " " : "") + capitalized(pick(rng, kTitleWords));
    const int descriptionWords = std::uniform_int_distribution<int>(18, 40)(rng);
    for (int w = 0; w < descriptionWords; ++w)
        e.description += (w ? " " : "") + (w % 7 == 3 ? pick(rng, kTitleWords) : pick(rng, kDescriptionWords));
    e.performers = {pick(rng, kFirstNames) + " " + pick(rng, kLastNames)};
    e.tags = {pick(rng, kTitleWords)};
    e.category = pick(rng, kCategories).first;
    e.venue = std::uniform_int_distribution<int>(0, venues - 1)(rng);
    e.startsAtMs = nowMs + std::uniform_int_distribution<std::int64_t>(1, 180)(rng) * 86'400'000LL;
    e.priceMin = std::uniform_int_distribution<int>(0, 8)(rng) * 1000;
    return e;
}

std::string venueId(int v) {
    char id[64];
    std::snprintf(id, sizeof id, "5e4cbeef-0000-4000-8000-%012d", v);
    return id;
}

struct GeneratedVenue {
    std::string id;
    std::string name;
    std::string city;
    double latitude = 0;
    double longitude = 0;
};

// The venues both the server database and the client cache get (deterministic).
std::vector<GeneratedVenue> generateVenues(int count) {
    std::mt19937_64 rng(7);
    std::vector<GeneratedVenue> out;
    for (int v = 0; v < count; ++v) {
        const auto& [city, at] = kCities[static_cast<std::size_t>(v) % kCities.size()];
        out.push_back({venueId(v), capitalized(pick(rng, kTitleWords)) + " " + pick(rng, kLastNames) + " Halle", city,
                       at.first + (v % 7) * 0.01, at.second + (v % 5) * 0.01});
    }
    return out;
}

// A query with the word it stands for (relevance: a hit containing that word).
struct BenchQuery {
    std::string text;
    std::string intended; // folded word a relevant hit contains
    std::string exact;    // the correctly spelt query (typo queries)
};

std::string misspell(std::mt19937_64& rng, const std::string& word) {
    const auto budget = core::typoBudget(word.size());
    std::string out = word;
    for (int edit = 0; edit < budget; ++edit) {
        const auto pos = std::uniform_int_distribution<std::size_t>(1, out.size() - 2)(rng);
        switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
        case 0: std::swap(out[pos], out[pos + 1]); break;                  // swapped letters
        case 1: out.erase(pos, 1); break;                                 // dropped letter
        case 2: out.insert(pos, 1, out[pos]); break;                      // doubled letter
        default: out[pos] = static_cast<char>('a' + (out[pos] - 'a' + 1) % 26); // neighbour letter
        }
        if (budget == 2 && std::uniform_int_distribution<int>(0, 1)(rng) == 0) break; // often only one
    }
    return out;
}

std::vector<BenchQuery> prefixQueries(std::mt19937_64& rng, int count) {
    std::vector<BenchQuery> out;
    while (static_cast<int>(out.size()) < count) {
        const auto& word = pick(rng, kTitleWords);
        if (word.size() < 4) continue;
        const auto length = std::uniform_int_distribution<std::size_t>(3, std::min<std::size_t>(6, word.size() - 1))(rng);
        BenchQuery q{word.substr(0, length), word, {}};
        if (out.size() % 2 == 1) q.text = pick(rng, kTitleWords) + " " + q.text; // "jazz fest"
        out.push_back(q);
    }
    return out;
}

std::vector<BenchQuery> typoQueries(std::mt19937_64& rng, int count) {
    std::vector<BenchQuery> out;
    while (static_cast<int>(out.size()) < count) {
        const auto& word = pick(rng, kTitleWords);
        if (word.size() < core::kOneTypoMinLength) continue;
        const auto typo = misspell(rng, word);
        if (typo == word) continue;
        BenchQuery q{typo + " ", word, word + " "}; // finished words: no prefix, only typo tolerance
        out.push_back(q);
    }
    return out;
}

bool containsWord(const QString& foldedText, const std::string& word) {
    const QString padded = QLatin1Char(' ') + foldedText + QLatin1Char(' ');
    return padded.contains(QString(QLatin1Char(' ') + QString::fromStdString(word) + QLatin1Char(' ')));
}

struct Timings {
    std::vector<double> ms;
    std::vector<double> cpuMs; // the querying thread's CPU time: what a busy machine does not inflate
    double recallSum = 0;
    int recallCount = 0;
};

// Runs `queries` over `clients` threads; run(client, query, wantTexts) returns the top-10 texts
// (folded) when wantTexts, which only the recall runs ask for: folding every hit's text is
// benchmark CPU competing with the search for the same two cores, not work of the search.
using RunQuery = std::function<std::vector<QString>(int client, const std::string& text, bool wantTexts)>;
Timings runConcurrent(int clients, const std::vector<BenchQuery>& queries, const RunQuery& run, bool measureRecall) {
    Timings out;
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    const auto worker = [&](int c) {
            for (std::size_t i = next++; i < queries.size(); i = next++) {
                timespec cpuStart{}, cpuEnd{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuStart);
                const auto start = std::chrono::steady_clock::now();
                const auto texts = run(c, queries[i].text, measureRecall);
                const double ms = msSince(start);
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuEnd);
                const double cpuMs = static_cast<double>(cpuEnd.tv_sec - cpuStart.tv_sec) * 1e3 +
                                     static_cast<double>(cpuEnd.tv_nsec - cpuStart.tv_nsec) / 1e6;
                double recall = -1;
                if (measureRecall) {
                    const auto exact = run(c, queries[i].exact, true);
                    int relevantExact = 0, relevantTypo = 0;
                    for (const auto& t : exact) relevantExact += containsWord(t, queries[i].intended) ? 1 : 0;
                    for (const auto& t : texts) relevantTypo += containsWord(t, queries[i].intended) ? 1 : 0;
                    if (relevantExact > 0) recall = std::min(1.0, static_cast<double>(relevantTypo) / relevantExact);
                }
                std::lock_guard lock(mutex);
                out.ms.push_back(ms);
                out.cpuMs.push_back(cpuMs);
                if (recall >= 0) {
                    out.recallSum += recall;
                    ++out.recallCount;
                }
            }
    };
    if (clients == 1) { // on the calling thread: a QSqlDatabase belongs to the thread that opened it
        worker(0);
        return out;
    }
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) threads.emplace_back(worker, c);
    for (auto& t : threads) t.join();
    return out;
}

// CPU seconds (user + system) process `pid` has used so far (/proc/<pid>/stat fields 14, 15).
double cpuSeconds(long pid) {
    std::FILE* file = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (!file) return 0;
    char line[1024] = {};
    const bool read = std::fgets(line, sizeof line, file) != nullptr;
    std::fclose(file);
    const char* afterName = read ? std::strrchr(line, ')') : nullptr; // the name may hold spaces
    unsigned long user = 0, system = 0;
    if (!afterName || std::sscanf(afterName + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &user, &system) != 2)
        return 0;
    return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU per query of a run, on a machine where wall-clock latency is mostly waiting for a core:
// the PostgreSQL backends serving it and this process (request path, decoding, the bench).
struct CpuUse {
    std::vector<long> backends;
    double backendsBefore = 0, selfBefore = 0;
    void start() {
        backendsBefore = 0;
        for (const long pid : backends) backendsBefore += cpuSeconds(pid);
        selfBefore = cpuSeconds(getpid());
    }
    std::string perQuery(std::size_t queries) const {
        double backendsAfter = 0;
        for (const long pid : backends) backendsAfter += cpuSeconds(pid);
        const double n = static_cast<double>(std::max<std::size_t>(1, queries));
        char text[160];
        std::snprintf(text, sizeof text, "  CPU per query: PostgreSQL %.2f ms, this process %.2f ms",
                      1e3 * (backendsAfter - backendsBefore) / n, 1e3 * (cpuSeconds(getpid()) - selfBefore) / n);
        return text;
    }
};

void report(const char* label, const Timings& t, const char* target = "", bool withCpu = false) {
    std::printf("%-34s %5zu queries: p50 %8.2f ms  p95 %8.2f ms%s", label, t.ms.size(), percentile(t.ms, 0.5),
                percentile(t.ms, 0.95), target);
    if (withCpu) std::printf("  (CPU time p50 %.2f ms, p95 %.2f ms)", percentile(t.cpuMs, 0.5), percentile(t.cpuMs, 0.95));
    if (t.recallCount > 0) std::printf("  typo recall %.3f", t.recallSum / t.recallCount);
    std::printf("\n");
}

std::string eventText(const v1::SearchHit& hit) {
    std::string text = hit.event().title() + " " + hit.event().description() + " " + hit.venue_name();
    for (const auto& p : hit.event().performers()) text += " " + p;
    for (const auto& t : hit.event().tags()) text += " " + t;
    return text;
}

// The machine's load average (1, 5, 15 minutes): latencies on a shared machine need it beside them.
std::string loadAverage() {
    std::FILE* file = std::fopen("/proc/loadavg", "r");
    char line[128] = "unknown\n";
    if (file) {
        if (!std::fgets(line, sizeof line, file)) std::snprintf(line, sizeof line, "unknown\n");
        std::fclose(file);
    }
    return line;
}

// 3. The client's offline search (LocalStore FTS5) over a cache of the client corpus.
void benchClientSearch(const std::vector<GeneratedEvent>& clientCorpus, const std::vector<GeneratedVenue>& venues,
                       std::int64_t nowMs, const std::vector<BenchQuery>& prefixes, const std::vector<BenchQuery>& typos) {
    QTemporaryDir clientDir;
    client::LocalStore store(clientDir.filePath(QStringLiteral("bench.sqlite")));
    if (!store.open()) fail("client cache: " + store.lastError().toStdString());
    client::ChangeBatchData meta;
    meta.nextCursor = 1;
    using K = client::ChangeRecord::Kind;
    auto change = [](K kind, const std::string& id, auto record) {
        client::ChangeRecord r;
        r.kind = kind;
        r.aggregateId = id;
        r.record = std::move(record);
        return r;
    };
    for (const auto& [id, name] : kCategories) meta.changes.push_back(change(K::Category, id, core::Category{id, name, ""}));
    for (const auto& v : venues)
        meta.changes.push_back(
            change(K::Venue, v.id, core::Venue{v.id, v.name, "", v.city, "DE", v.latitude, v.longitude, "Europe/Berlin", 0}));
    if (!store.applyBatch(meta, 0).error.isEmpty()) fail("client cache: venues");
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t cursor = 1;
    for (std::size_t first = 0; first < clientCorpus.size(); first += 5000) {
        client::ChangeBatchData batch;
        batch.fromCursor = cursor;
        for (std::size_t i = first; i < std::min(clientCorpus.size(), first + 5000); ++i) {
            const auto& g = clientCorpus[i];
            core::Event e;
            e.id = g.id;
            e.title = g.title;
            e.description = g.description;
            e.categoryId = g.category;
            e.tags = g.tags;
            e.performers = g.performers;
            e.startsAtMs = g.startsAtMs;
            e.timeZone = "Europe/Berlin";
            e.venueId = venueId(g.venue);
            e.price = {g.priceMin, g.priceMin, "EUR"};
            batch.changes.push_back(change(K::Event, e.id, e));
        }
        batch.nextCursor = ++cursor;
        if (!store.applyBatch(batch, 0).error.isEmpty()) fail("client cache: " + store.lastError().toStdString());
    }
    const double clientApplyMs = msSince(start);
    // Large batches leave the search index to the backlog the sync worker builds once idle.
    const auto indexStart = std::chrono::steady_clock::now();
    while (store.hasSearchBacklog())
        if (!store.indexSearchBacklog()) fail("client search index: " + store.lastError().toStdString());
    const double clientIndexMs = msSince(indexStart);
    const RunQuery clientSearch = [&](int, const std::string& text, bool wantTexts) {
        client::SearchQuery q;
        q.text = QString::fromStdString(text);
        q.limit = 10;
        q.includeFacets = false;
        q.timeZone = QStringLiteral("Europe/Berlin");
        const auto results = store.search(q, nowMs);
        std::vector<QString> texts;
        if (!wantTexts) return texts;
        for (const auto& hit : results.hits)
            texts.push_back(client::foldForSearch(hit.title.text + QLatin1Char(' ') + hit.snippet.text));
        return texts;
    };
    std::printf("\n-- client offline search: LocalStore FTS5 over %zu cached events, one user --\n", clientCorpus.size());
    std::printf("sync apply: %.1f s (%.0f events/s); then the search index: %.1f s (%.0f events/s until searchable)\n",
                clientApplyMs / 1000, static_cast<double>(clientCorpus.size()) / (clientApplyMs / 1000),
                clientIndexMs / 1000, static_cast<double>(clientCorpus.size()) / ((clientApplyMs + clientIndexMs) / 1000));
    std::printf("load average at the start: %s", loadAverage().c_str());
    report("client FTS5: prefix", runConcurrent(1, prefixes, clientSearch, false), "  (target p95 <= 10 ms)", true);
    report("client FTS5: typo", runConcurrent(1, typos, clientSearch, false), "  (target p95 <= 10 ms)", true);
    const auto clientTypo = runConcurrent(1, typos, clientSearch, true);
    std::printf("%-34s typo recall %.3f over %d queries (snippet text only)\n", "client FTS5: typo vs exact spelling",
                clientTypo.recallSum / std::max(1, clientTypo.recallCount), clientTypo.recallCount);
}

// The server corpus lives in a database of the fixture cluster: a throwaway one, or with
// --database NAME a kept one that the next run with the same --events reuses (the 1,000,000
// event load and index build take minutes; the latency runs do not).
class CorpusDatabase {
public:
    explicit CorpusDatabase(const std::string& keptName) : m_kept(!keptName.empty()) {
        if (!m_kept) {
            m_throwaway = std::make_unique<test::TestDatabase>();
            m_connectionString = m_throwaway->connectionString();
            return;
        }
        const auto admin = test::TestDatabase::adminConnectionString();
        {
            pqxx::connection conn(admin);
            pqxx::nontransaction tx(conn);
            if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", keptName).empty())
                tx.exec0("CREATE DATABASE " + tx.quote_name(keptName));
        }
        m_connectionString = admin + " dbname=" + keptName;
        pqxx::connection conn(m_connectionString);
        server::db::migrate(conn, server::db::builtinMigrations());
    }
    std::unique_ptr<pqxx::connection> connect() const { return std::make_unique<pqxx::connection>(m_connectionString); }
    bool kept() const { return m_kept; }

private:
    bool m_kept;
    std::unique_ptr<test::TestDatabase> m_throwaway;
    std::string m_connectionString;
};

// 1a. The rows, by COPY into an unlogged staging table (no search index yet). The first
// `clientEvents` generated events are also the client's corpus.
void loadCorpus(pqxx::connection& conn, long long events, long long clientEvents, std::int64_t nowMs, int venues,
                std::vector<GeneratedEvent>& clientCorpus) {
    std::mt19937_64 rng(20261121);
    const auto start = std::chrono::steady_clock::now();
    {
        pqxx::work tx(conn);
        tx.exec0("DROP TABLE IF EXISTS bench_staging");
        tx.exec0("CREATE UNLOGGED TABLE bench_staging (n bigint, id uuid, title text, description text, category_id text, "
                 "tags text[], performers text[], venue_id uuid, starts_ms bigint, price bigint)");
        tx.commit();
    }
    constexpr long long kProgressEvery = 100000;
    for (long long first = 0; first < events; first += kProgressEvery) {
        pqxx::work tx(conn);
        pqxx::stream_to copy(tx, "bench_staging",
                             std::vector<std::string>{"n", "id", "title", "description", "category_id", "tags",
                                                      "performers", "venue_id", "starts_ms", "price"});
        for (long long i = first; i < std::min(events, first + kProgressEvery); ++i) {
            auto e = generateEvent(rng, i, nowMs, venues);
            copy << std::make_tuple(i, e.id, e.title, e.description, e.category, server::db::postgresTextArray(e.tags),
                                    server::db::postgresTextArray(e.performers), venueId(e.venue), e.startsAtMs, e.priceMin);
            if (i < clientEvents) clientCorpus.push_back(std::move(e));
        }
        copy.complete();
        tx.commit();
        std::printf("  load: %lld / %lld events (%.1f s)\n", std::min(events, first + kProgressEvery), events,
                    msSince(start) / 1000);
    }
}

// 1b. The index build, as the ingest catalog stage writes events (migration 0008): the rows go
// into `events` with search_vector and search_title computed in the INSERT … SELECT (the
// per-row trigger steps aside), the vocabulary is learnt set-based, then the GIN indexes
// (dropped before the load) are built. `connections` workers share the rows in chunks.
struct BuildTimes {
    double rowsMs = 0;
    double vocabularyMs = 0;
    double indexesMs = 0;
};

BuildTimes buildIndex(const CorpusDatabase& db, long long events, int connections) {
    BuildTimes times;
    constexpr long long kChunk = 25000;
    std::atomic<long long> nextChunk{0};
    std::atomic<long long> done{0};
    std::mutex printMutex;
    auto start = std::chrono::steady_clock::now();
    const auto worker = [&] {
        auto conn = db.connect();
        for (long long first = kChunk * nextChunk++; first < events; first = kChunk * nextChunk++) {
            pqxx::work tx(*conn);
            tx.exec("SELECT set_config('marquee.search_bulk', 'on', true)");
            tx.exec_params0(
                "INSERT INTO events (id, title, description, category_id, tags, performers, starts_at, time_zone, "
                "venue_id, price_min_minor, price_max_minor, currency, search_vector, search_title) "
                "SELECT id, title, description, category_id, tags, performers, "
                "'epoch'::timestamptz + starts_ms * interval '1 ms', 'Europe/Berlin', venue_id, price, price, 'EUR', "
                "search_document(title, search_event_people(performers, venue_id), "
                "search_event_labels(tags, category_id), description), coalesce(search_fold(title), '') "
                "FROM bench_staging WHERE n >= $1 AND n < $2",
                first, first + kChunk);
            // This chunk's words; the vocabulary takes them in one statement below (workers
            // adding the same words to it at once would wait on each other's row locks).
            tx.exec_params0("INSERT INTO bench_words SELECT DISTINCT w FROM bench_staging s, regexp_split_to_table("
                            "search_fold(concat_ws(' ', s.title, search_event_people(s.performers, s.venue_id), "
                            "search_event_labels(s.tags, s.category_id), s.description)), ' ') AS w "
                            "WHERE s.n >= $1 AND s.n < $2 AND char_length(w) >= 4",
                            first, first + kChunk);
            tx.commit();
            const auto total = done += std::min(kChunk, events - first);
            if (total % 100000 < kChunk || total == events) {
                std::lock_guard lock(printMutex);
                std::printf("  index build: %lld / %lld events (%.1f s)\n", total, events, msSince(start) / 1000);
            }
        }
    };
    {
        auto conn = db.connect();
        pqxx::work tx(*conn);
        tx.exec0("DROP TABLE IF EXISTS bench_words");
        tx.exec0("CREATE UNLOGGED TABLE bench_words (word text)");
        tx.commit();
    }
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    times.rowsMs = msSince(start);

    auto conn = db.connect();
    pqxx::nontransaction tx(*conn);
    tx.exec0("SET statement_timeout = 0");
    start = std::chrono::steady_clock::now();
    tx.exec0("INSERT INTO search_vocabulary (word) SELECT DISTINCT word FROM bench_words ORDER BY 1 "
             "ON CONFLICT (word) DO NOTHING");
    tx.exec0("DROP TABLE bench_words");
    times.vocabularyMs = msSince(start);

    // Every search index of events that the load skipped, built concurrently, one per connection.
    start = std::chrono::steady_clock::now();
    std::vector<std::string> indexes;
    for (const auto& row : tx.exec("SELECT indexdef FROM bench_search_indexes")) indexes.push_back(row[0].as<std::string>());
    std::vector<std::thread> builders;
    for (const auto& definition : indexes)
        builders.emplace_back([&db, definition] {
            auto c = db.connect();
            pqxx::nontransaction t(*c);
            t.exec0("SET maintenance_work_mem = '512MB'");
            t.exec0(definition);
        });
    for (auto& t : builders) t.join();
    times.indexesMs = msSince(start);
    tx.exec0("ALTER TABLE events ENABLE TRIGGER events_search_refresh");
    return times;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows while a long run goes on
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("events"), QStringLiteral("Events in the server corpus."), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("client-events"), QStringLiteral("Events in the client cache."), QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("clients"), QStringLiteral("Concurrent search clients."), QStringLiteral("n"), QStringLiteral("16")});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Queries of each kind."), QStringLiteral("n"), QStringLiteral("400")});
    parser.addOption({QStringLiteral("ilike-queries"), QStringLiteral("Queries of each kind for the ILIKE scan."), QStringLiteral("n"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("date-queries"), QStringLiteral("Prefix queries sorted by date instead of relevance."),
                      QStringLiteral("n"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("facet-queries"), QStringLiteral("Prefix queries that also ask for facet counts."),
                      QStringLiteral("n"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("build-connections"), QStringLiteral("Connections that build the server index."), QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("database"), QStringLiteral("Keep the server corpus in this database of the fixture cluster and reuse it when it holds --events events."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("client-only"), QStringLiteral("Only the client's offline search (no PostgreSQL, no Xapian).")});
    parser.addOption({QStringLiteral("server-only"),
                      QStringLiteral("Only our server search (no ILIKE, Xapian or client baselines): for iterating on a kept corpus.")});
    parser.process(app);
    const bool clientOnly = parser.isSet(QStringLiteral("client-only"));
    const bool serverOnly = parser.isSet(QStringLiteral("server-only"));
    const auto events = parser.value(QStringLiteral("events")).toLongLong();
    const auto clientEvents = clientOnly ? parser.value(QStringLiteral("client-events")).toLongLong()
                                         : std::min<long long>(parser.value(QStringLiteral("client-events")).toLongLong(), events);
    const int clients = parser.value(QStringLiteral("clients")).toInt();
    const int queryCount = parser.value(QStringLiteral("queries")).toInt();
    const int ilikeCount = parser.value(QStringLiteral("ilike-queries")).toInt();
    const int facetCount = parser.value(QStringLiteral("facet-queries")).toInt();
    const int dateCount = parser.value(QStringLiteral("date-queries")).toInt();
    const int buildConnections = std::max(1, parser.value(QStringLiteral("build-connections")).toInt());
    const auto nowMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    constexpr int kVenues = 200;
    const auto venues = generateVenues(kVenues);
    const auto generateClientCorpus = [&] { // the first events of the server corpus: same seed, same order
        std::mt19937_64 rng(20261121);
        std::vector<GeneratedEvent> corpus;
        for (long long i = 0; i < clientEvents; ++i) corpus.push_back(generateEvent(rng, i, nowMs, kVenues));
        return corpus;
    };
    if (clientOnly) {
        const auto clientCorpus = generateClientCorpus();
        std::mt19937_64 queryRng(99);
        const auto prefixes = prefixQueries(queryRng, queryCount);
        const auto typos = typoQueries(queryRng, queryCount);
        benchClientSearch(clientCorpus, venues, nowMs, prefixes, typos);
        return 0;
    }
    if (!test::TestDatabase::available()) fail("needs the postgres fixture ($MARQUEE_TEST_PG_DIR)");
    const CorpusDatabase db(parser.value(QStringLiteral("database")).toStdString());
    auto conn = db.connect();
    std::printf("corpus: %lld generated events (titles and descriptions from EN/DE/FR/ES/IT word lists), %d venues\n",
                events, kVenues);
    std::printf("load average at the start: %s", loadAverage().c_str());

    // 1. Load without the search index, then build it as one measured step (or reuse a kept corpus).
    std::vector<GeneratedEvent> clientCorpus;
    BuildTimes build;
    bool reused = false;
    {
        pqxx::work tx(*conn);
        tx.exec0("CREATE TABLE IF NOT EXISTS bench_search_corpus (events bigint, rows_ms float8, vocabulary_ms float8, "
                 "indexes_ms float8, load_ms float8)");
        const auto kept = tx.exec_params("SELECT rows_ms, vocabulary_ms, indexes_ms FROM bench_search_corpus WHERE events = $1",
                                         events);
        if (!kept.empty()) {
            reused = true;
            build = {kept[0][0].as<double>(), kept[0][1].as<double>(), kept[0][2].as<double>()};
        }
        tx.commit();
    }
    if (reused) {
        std::printf("reusing the corpus kept in this database (its build times below are from the run that built it)\n");
        clientCorpus = generateClientCorpus();
    } else {
        {
            pqxx::work tx(*conn);
            tx.exec0("TRUNCATE events, search_vocabulary, bench_search_corpus CASCADE");
            for (const auto& [id, name] : kCategories)
                tx.exec_params0("INSERT INTO categories (id, name, parent_id) VALUES ($1, $2, NULLIF(split_part($1, '.', 1), $1)) "
                                "ON CONFLICT DO NOTHING",
                                id, name);
            for (const auto& v : venues)
                tx.exec_params0("INSERT INTO venues (id, name, city, country, latitude, longitude, time_zone) "
                                "VALUES ($1::uuid, $2, $3, 'DE', $4, $5, 'Europe/Berlin') ON CONFLICT DO NOTHING",
                                v.id, v.name, v.city, v.latitude, v.longitude);
            // The search indexes of events (GIN, trigram) are dropped for the load and rebuilt in the build step.
            tx.exec0("CREATE TABLE IF NOT EXISTS bench_search_indexes (name text, indexdef text)");
            tx.exec0("INSERT INTO bench_search_indexes SELECT indexname, indexdef FROM pg_indexes "
                     "WHERE tablename = 'events' AND (indexdef LIKE '%USING gin%' OR indexdef LIKE '%search%') "
                     "AND indexname NOT IN (SELECT name FROM bench_search_indexes)");
            for (const auto& row : tx.exec("SELECT name FROM bench_search_indexes"))
                tx.exec0("DROP INDEX IF EXISTS " + tx.quote_name(row[0].as<std::string>()));
            tx.exec0("ALTER TABLE events DISABLE TRIGGER events_search_refresh");
            tx.commit();
        }
        const auto loadStart = std::chrono::steady_clock::now();
        loadCorpus(*conn, events, clientEvents, nowMs, kVenues, clientCorpus);
        const double loadMs = msSince(loadStart);
        std::printf("load: %.1f s (COPY of the generated rows into a staging table)\n", loadMs / 1000);
        build = buildIndex(db, events, buildConnections);
        pqxx::nontransaction tx(*conn);
        tx.exec0("SET statement_timeout = 0");
        tx.exec0("DROP TABLE bench_staging");
        tx.exec0("VACUUM ANALYZE events");
        tx.exec0("VACUUM ANALYZE search_vocabulary");
        tx.exec_params0("INSERT INTO bench_search_corpus VALUES ($1, $2, $3, $4, $5)", events, build.rowsMs,
                        build.vocabularyMs, build.indexesMs, loadMs);
    }
    const auto vocabulary = pqxx::nontransaction(*conn).exec1("SELECT count(*) FROM search_vocabulary")[0].as<long long>();
    std::printf("index build (server, %d connections): %.1f s = rows with vectors %.1f s + vocabulary %.1f s + "
                "GIN indexes %.1f s; vocabulary %lld words\n",
                buildConnections, (build.rowsMs + build.vocabularyMs + build.indexesMs) / 1000, build.rowsMs / 1000,
                build.vocabularyMs / 1000, build.indexesMs / 1000, vocabulary);

    std::mt19937_64 queryRng(99);
    const auto prefixes = prefixQueries(queryRng, queryCount);
    const auto typos = typoQueries(queryRng, queryCount);

    // 2. Our search, 16 clients, each with its own connection, through Api::handle.
    server::Api api;
    std::vector<std::unique_ptr<pqxx::connection>> connections;
    // Made the way the server's search pool makes its connections (search sessions).
    for (int c = 0; c < clients; ++c) {
        connections.push_back(db.connect());
        server::search::makeSearchSession(*connections.back());
    }
    bool withFacets = false; // the search panel's first request for a query asks for facet counts too
    v1::SearchSort sort = v1::SEARCH_SORT_RELEVANCE;
    struct FacetTime {
        double ms;
        std::string query;
        bool estimated, sampled;
        std::uint64_t total;
    };
    std::mutex facetTimesMutex;
    std::vector<FacetTime> facetTimes; // the slowest are printed: where facet counting still costs
    const RunQuery ours = [&](int c, const std::string& text, bool wantTexts) {
        v1::Envelope request;
        request.set_request_id(1);
        request.mutable_search_request()->set_query(text);
        request.mutable_search_request()->set_limit(10);
        request.mutable_search_request()->set_include_facets(withFacets);
        request.mutable_search_request()->set_sort(sort);
        const auto start = std::chrono::steady_clock::now();
        const auto answer = api.handle(*connections[static_cast<std::size_t>(c)], server::Principal{}, {}, request);
        if (withFacets) {
            const std::lock_guard lock(facetTimesMutex);
            facetTimes.push_back({msSince(start), text, answer.search_response().facets_estimated(),
                                  answer.search_response().facets_sampled(), answer.search_response().total()});
        }
        if (!answer.has_search_response()) fail("search failed: " + answer.error().message());
        std::vector<QString> texts;
        if (!wantTexts) return texts;
        for (const auto& hit : answer.search_response().hits())
            texts.push_back(client::foldForSearch(QString::fromStdString(eventText(hit))));
        return texts;
    };
    runConcurrent(clients, std::vector<BenchQuery>(prefixes.begin(), prefixes.begin() + std::min(32, queryCount)), ours,
                  false); // warm the caches
    std::printf("\n-- server search, %d concurrent clients (Api::handle, one connection each) --\n", clients);
    CpuUse cpu;
    for (auto& c : connections) cpu.backends.push_back(pqxx::nontransaction(*c).exec1("SELECT pg_backend_pid()")[0].as<long>());
    cpu.start();
    const auto oursPrefix = runConcurrent(clients, prefixes, ours, false);
    report("ours: prefix", oursPrefix, "  (target p95 <= 20 ms)");
    std::printf("%s\n", cpu.perQuery(prefixes.size()).c_str());
    cpu.start();
    const auto oursTypoTimed = runConcurrent(clients, typos, ours, false);
    report("ours: typo", oursTypoTimed, "  (target p95 <= 50 ms)");
    std::printf("%s\n", cpu.perQuery(typos.size()).c_str());
    const auto oursTypo = runConcurrent(clients, typos, ours, true);
    std::printf("%-34s typo recall %.3f over %d queries\n", "ours: typo vs exact spelling",
                oursTypo.recallSum / std::max(1, oursTypo.recallCount), oursTypo.recallCount);
    if (facetCount > 0) {
        withFacets = true;
        const std::vector<BenchQuery> facetPrefixes(prefixes.begin(), prefixes.begin() + std::min(facetCount, queryCount));
        cpu.start();
        report("ours: prefix with facets", runConcurrent(clients, facetPrefixes, ours, false));
        std::printf("%s\n", cpu.perQuery(facetPrefixes.size()).c_str());
        std::sort(facetTimes.begin(), facetTimes.end(), [](const auto& a, const auto& b) { return a.ms > b.ms; });
        for (std::size_t i = 0; i < facetTimes.size() && i < 4; ++i)
            std::printf("  slow: %-24s %8.1f ms (total %llu, %s)\n", ("\"" + facetTimes[i].query + "\"").c_str(), facetTimes[i].ms,
                        static_cast<unsigned long long>(facetTimes[i].total),
                        facetTimes[i].estimated ? "estimated" : facetTimes[i].sampled ? "first 2,000 matches" : "exact");
        withFacets = false;
    }
    if (dateCount > 0) { // the search panel's "soonest first": every match is ordered by its start
        sort = v1::SEARCH_SORT_DATE;
        const std::vector<BenchQuery> datePrefixes(prefixes.begin(), prefixes.begin() + std::min(dateCount, queryCount));
        cpu.start();
        report("ours: prefix sorted by date", runConcurrent(clients, datePrefixes, ours, false));
        std::printf("%s\n", cpu.perQuery(datePrefixes.size()).c_str());
        sort = v1::SEARCH_SORT_RELEVANCE;
    }
    if (serverOnly) return 0;

    // Baseline 1: sequential ILIKE scan of title and description, every word a substring.
    const RunQuery ilike = [&](int c, const std::string& text, bool wantTexts) {
        std::string patterns = "{";
        for (const auto& word : client::foldForSearch(QString::fromStdString(text)).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            patterns += (patterns.size() > 1 ? ",\"%" : "\"%") + word.toStdString() + "%\"";
        patterns += "}";
        pqxx::read_transaction tx(*connections[static_cast<std::size_t>(c)]);
        tx.exec0(server::search::defaultSettingsLocal()); // the connections are search sessions
        std::vector<QString> texts;
        for (const auto& row : tx.exec_params("SELECT title || ' ' || description FROM events "
                                              "WHERE (title || ' ' || description) ILIKE ALL ($1::text[]) "
                                              "ORDER BY starts_at LIMIT 10",
                                              patterns))
            if (wantTexts) texts.push_back(client::foldForSearch(QString::fromStdString(row[0].as<std::string>())));
        return texts;
    };
    std::printf("\n-- baseline: sequential ILIKE scan, %d concurrent clients --\n", clients);
    const std::vector<BenchQuery> ilikePrefixes(prefixes.begin(), prefixes.begin() + std::min(ilikeCount, queryCount));
    const std::vector<BenchQuery> ilikeTypos(typos.begin(), typos.begin() + std::min(ilikeCount, queryCount));
    cpu.start();
    report("ILIKE: prefix", runConcurrent(clients, ilikePrefixes, ilike, false));
    std::printf("%s\n", cpu.perQuery(ilikePrefixes.size()).c_str());
    report("ILIKE: typo (+ recall)", runConcurrent(clients, ilikeTypos, ilike, true));

    // Baseline 2: Xapian over the same documents (folded text, field weights like ours).
    QTemporaryDir xapianDir;
    const std::string xapianPath = xapianDir.path().toStdString() + "/xapian";
    auto start = std::chrono::steady_clock::now();
    {
        Xapian::WritableDatabase xdb(xapianPath, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator indexer;
        indexer.set_stemmer(Xapian::Stem("english"));
        indexer.set_database(xdb);
        indexer.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
        pqxx::work tx(*conn);
        pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned> cursor(
            tx,
            "SELECT search_fold(e.title), search_fold(array_to_string(e.performers, ' ') || ' ' || coalesce(v.name, '') "
            "|| ' ' || coalesce(v.city, '')), search_fold(array_to_string(e.tags, ' ') || ' ' || e.category_id), "
            "search_fold(e.description) FROM events e LEFT JOIN venues v ON v.id = e.venue_id",
            "xapian_export", false);
        long long done = 0;
        const auto total = static_cast<long>(cursor.size());
        for (long at = 0; at < total; at += 10000) {
            const auto rows = cursor.retrieve(at, std::min(total, at + 10000));
            for (const auto& row : rows) {
                Xapian::Document doc;
                indexer.set_document(doc);
                const auto title = row[0].as<std::string>();
                indexer.index_text(title, 10);
                indexer.index_text(row[1].as<std::string>(), 5);
                indexer.index_text(row[2].as<std::string>(), 3);
                indexer.index_text(row[3].as<std::string>(), 1);
                doc.set_data(title + " " + row[1].as<std::string>() + " " + row[2].as<std::string>() + " " +
                             row[3].as<std::string>());
                xdb.add_document(doc);
                ++done;
            }
        }
        xdb.commit();
    }
    const double xapianBuildMs = msSince(start);
    std::vector<std::unique_ptr<Xapian::Database>> xdbs;
    for (int c = 0; c < clients; ++c) xdbs.push_back(std::make_unique<Xapian::Database>(xapianPath));
    const RunQuery xapian = [&](int c, const std::string& text, bool wantTexts) {
        Xapian::Database& xdb = *xdbs[static_cast<std::size_t>(c)];
        Xapian::QueryParser qp;
        qp.set_database(xdb);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        const auto folded = client::foldForSearch(QString::fromStdString(text)).toStdString();
        const auto flag = [](Xapian::QueryParser::feature_flag f) { return static_cast<unsigned>(f); };
        // Partial (prefix) matching while typing; a finished word gets spelling correction.
        const bool typing = !text.empty() && text.back() != ' ';
        const unsigned flags = flag(Xapian::QueryParser::FLAG_DEFAULT) | flag(Xapian::QueryParser::FLAG_SPELLING_CORRECTION) |
                               (typing ? flag(Xapian::QueryParser::FLAG_PARTIAL) : 0u);
        Xapian::Query query = qp.parse_query(folded, flags);
        const auto corrected = qp.get_corrected_query_string();
        if (!corrected.empty()) query = qp.parse_query(corrected, flag(Xapian::QueryParser::FLAG_DEFAULT));
        Xapian::Enquire enquire(xdb);
        enquire.set_query(query);
        std::vector<QString> texts;
        const auto mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end() && wantTexts; ++it)
            texts.push_back(QString::fromStdString(it.get_document().get_data()));
        return texts;
    };
    std::printf("\n-- baseline: Xapian 1.4 (same documents, folded, field weights 10/5/3/1, spelling data) --\n");
    std::printf("index build (Xapian): %.1f s\n", xapianBuildMs / 1000);
    cpu.start();
    report("Xapian: prefix", runConcurrent(clients, prefixes, xapian, false));
    std::printf("%s\n", cpu.perQuery(prefixes.size()).c_str());
    cpu.start();
    report("Xapian: typo", runConcurrent(clients, typos, xapian, false));
    std::printf("%s\n", cpu.perQuery(typos.size()).c_str());
    const auto xapianTypo = runConcurrent(clients, typos, xapian, true);
    std::printf("%-34s typo recall %.3f over %d queries\n", "Xapian: typo vs exact spelling",
                xapianTypo.recallSum / std::max(1, xapianTypo.recallCount), xapianTypo.recallCount);

    benchClientSearch(clientCorpus, venues, nowMs, prefixes, typos);
    return 0;
}
