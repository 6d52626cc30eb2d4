// Search relevance over the fixed corpus in tests/data/search (real PostgreSQL): recall@10
// of misspelt queries against their exact spellings, exact titles first, filters honoured.
#include "service_helpers.hpp"

#include "services/demo_catalog.hpp"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

using namespace marquee;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

struct Judged {
    std::string query;
    std::string kind;
    std::vector<std::string> expected; // titles
    std::string pair;
};

} // namespace

class TestSearchRelevance : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<pqxx::connection> m_conn;
    server::Api m_api;
    std::vector<Judged> m_judged;

    v1::SearchResponse search(const v1::SearchRequest& request) {
        const auto answer = test::call(m_api, *m_conn, server::Principal{},
                                       [&](v1::Envelope& r) { *r.mutable_search_request() = request; });
        if (!answer.has_search_response()) throw std::runtime_error(answer.error().message());
        return answer.search_response();
    }

    v1::SearchResponse search(const std::string& query, int limit = 10) {
        v1::SearchRequest request;
        request.set_query(query);
        request.set_limit(static_cast<std::uint32_t>(limit));
        return search(request);
    }

    double recallAt10(const Judged& judged) {
        const auto response = search(judged.query);
        int found = 0;
        for (const auto& expected : judged.expected)
            for (const auto& hit : response.hits())
                if (hit.event().title() == expected) {
                    ++found;
                    break;
                }
        return static_cast<double>(found) / static_cast<double>(judged.expected.size());
    }

private slots:
    void initTestCase() {
        if (!test::TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        m_db = std::make_unique<test::TestDatabase>();
        m_conn = m_db->connect();
        const auto loaded =
            server::loadDemoCatalog(*m_conn, readFile(MARQUEE_SOURCE_DIR "/tests/data/search/corpus.json"), nowMs());
        QCOMPARE(loaded.events, std::size_t(400));
        const auto judgements =
            nlohmann::json::parse(readFile(MARQUEE_SOURCE_DIR "/tests/data/search/judgements.json"))["queries"];
        for (const auto& q : judgements)
            m_judged.push_back({q["query"], q["kind"], q["expected"].get<std::vector<std::string>>(),
                                q.value("pair", std::string())});
        QVERIFY(m_judged.size() >= 60);
    }

    void typoRecallIsCloseToExactRecall() {
        std::map<std::string, const Judged*> byQuery;
        for (const auto& j : m_judged) byQuery[lower(j.query)] = &j;
        double typoRecall = 0;
        double exactRecall = 0;
        int pairs = 0;
        for (const auto& j : m_judged) {
            if (j.kind != "typo") continue;
            const auto exact = byQuery.find(lower(j.pair));
            QVERIFY2(exact != byQuery.end(), j.pair.c_str());
            const double typo = recallAt10(j);
            const double spelled = recallAt10(*exact->second);
            if (typo < spelled) qInfo("typo query '%s' recall %.2f (exact '%s' %.2f)", j.query.c_str(), typo,
                                      j.pair.c_str(), spelled);
            typoRecall += typo;
            exactRecall += spelled;
            ++pairs;
        }
        QVERIFY(pairs >= 25);
        typoRecall /= pairs;
        exactRecall /= pairs;
        qInfo("recall@10 over %d typo queries: %.3f; their exact spellings: %.3f", pairs, typoRecall, exactRecall);
        QVERIFY(exactRecall > 0.95);
        QVERIFY(typoRecall >= 0.9 * exactRecall);
    }

    void everyKindFindsItsTargets() {
        std::map<std::string, std::pair<double, int>> byKind;
        for (const auto& j : m_judged) {
            const double recall = recallAt10(j);
            if (recall < 1.0) qInfo("%s query '%s': recall@10 %.2f", j.kind.c_str(), j.query.c_str(), recall);
            byKind[j.kind].first += recall;
            byKind[j.kind].second += 1;
        }
        for (const auto& [kind, sum] : byKind) {
            const double mean = sum.first / sum.second;
            qInfo("%-9s %2d queries, recall@10 %.3f", kind.c_str(), sum.second, mean);
            QVERIFY2(mean >= 0.9, kind.c_str());
        }
    }

    // Exact-kind queries put their target first; a query that is a whole title finds that title first.
    void exactTitleMatchesRankFirst() {
        int checked = 0;
        for (const auto& j : m_judged) {
            if (j.kind != "exact") continue;
            const auto response = search(j.query, 3);
            QVERIFY2(response.hits_size() > 0, j.query.c_str());
            QVERIFY2(response.hits(0).event().title() == j.expected.front(),
                     (j.query + " -> " + response.hits(0).event().title()).c_str());
            ++checked;
        }
        QVERIFY(checked >= 20);
        // Every corpus title searched as typed finds an event with exactly that title first.
        std::vector<std::string> corpusTitles;
        {
            pqxx::read_transaction tx(*m_conn);
            // Only events search still shows (not over): the corpus has one today at 18:00-19:00
            // local time, which the search rightly leaves out later in the day.
            for (const auto& row : tx.exec("SELECT DISTINCT title FROM events WHERE coalesce(ends_at, starts_at) >= "
                                           "now() + interval '10 minutes' ORDER BY title LIMIT 80"))
                corpusTitles.push_back(row[0].as<std::string>());
        }
        int titles = 0;
        for (const auto& title : corpusTitles) {
            const auto response = search(title, 1);
            QVERIFY2(response.hits_size() == 1 && response.hits(0).event().title() == title, title.c_str());
            ++titles;
        }
        QVERIFY(titles >= 40);
    }

    void filtersAreHonoured() {
        const auto now = nowMs();
        const std::vector<std::pair<const char*, std::function<void(v1::SearchRequest&)>>> filters{
            {"category", [](v1::SearchRequest& r) { r.mutable_filters()->set_category_id("theatre"); }},
            {"free", [](v1::SearchRequest& r) { r.mutable_filters()->set_free_only(true); }},
            {"price", [](v1::SearchRequest& r) {
                 r.mutable_filters()->set_price_min_minor(1000);
                 r.mutable_filters()->set_price_max_minor(3000);
             }},
            {"seats", [](v1::SearchRequest& r) { r.mutable_filters()->set_seats_available(true); }},
            {"next 7 days", [](v1::SearchRequest& r) {
                 r.mutable_filters()->set_date(v1::DATE_PRESET_NEXT_7_DAYS);
                 r.mutable_filters()->set_time_zone("Europe/Paris");
             }},
            {"near Paris", [](v1::SearchRequest& r) {
                 r.mutable_filters()->mutable_near()->set_latitude(48.8566);
                 r.mutable_filters()->mutable_near()->set_longitude(2.3522);
                 r.mutable_filters()->mutable_near()->set_radius_km(50);
             }},
        };
        for (const auto& query : {"", "concert", "nacht", "soirée", "festival", "jazz"}) {
            for (const auto& [name, apply] : filters) {
                v1::SearchRequest request;
                request.set_query(query);
                request.set_limit(100);
                request.set_include_facets(true);
                apply(request);
                const auto response = search(request);
                QVERIFY2(response.total() >= static_cast<std::uint64_t>(response.hits_size()), name);
                for (const auto& hit : response.hits()) {
                    const auto& e = hit.event();
                    const std::string label = std::string(name) + " / '" + query + "': " + e.title();
                    if (std::string(name) == "category")
                        QVERIFY2(e.category_id() == "theatre" || e.category_id().rfind("theatre.", 0) == 0, label.c_str());
                    if (std::string(name) == "free") QVERIFY2(e.price().min_minor() == 0, label.c_str());
                    if (std::string(name) == "price")
                        QVERIFY2(e.price().min_minor() >= 1000 && e.price().min_minor() <= 3000, label.c_str());
                    if (std::string(name) == "seats") QVERIFY2(e.status() == v1::EVENT_STATUS_SCHEDULED, label.c_str());
                    if (std::string(name) == "next 7 days")
                        QVERIFY2(e.starts_at_ms() < now + 8 * 86'400'000LL && e.ends_at_ms() >= now - 60'000, label.c_str());
                    if (std::string(name) == "near Paris")
                        QVERIFY2(hit.has_distance() && hit.distance_km() <= 50 && hit.venue_city() == "Paris", label.c_str());
                }
            }
        }
    }

    void cleanupTestCase() {
        m_conn.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestSearchRelevance)
#include "test_search_relevance.moc"
