// Server search against the real PostgreSQL fixture: typo tolerance, prefixes, accents,
// filters, facets, sorts with keyset paging, highlights, suggestions, index freshness and
// hostile input.
#include "service_helpers.hpp"

#include "marquee/core/typo.hpp"
#include "db/text_array.hpp"
#include "services/search_query.hpp"
#include "services/search_session.hpp"
#include "services/search_vocabulary.hpp"

#include <QtTest>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <thread>

using namespace marquee;
using marquee::test::Fixture;

namespace {

constexpr const char* kParisVenue = "22222222-2222-4222-8222-222222222222"; // Paris, far from Berlin
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct SearchFixture : Fixture {
    server::Principal admin = user("admin@example.org", core::Role::Admin);
    server::Principal anonymous;

    SearchFixture() {
        pqxx::work tx(*conn);
        tx.exec0("INSERT INTO categories (id, name, parent_id) VALUES ('theatre', 'Theatre', NULL), "
                 "('music.classical', 'Classical', 'music')");
        // The seeded hall is in Berlin (52.52, 13.40); this one in Paris.
        tx.exec0("UPDATE venues SET latitude = 52.52, longitude = 13.40");
        tx.exec_params0("INSERT INTO venues (id, name, city, country, latitude, longitude, time_zone) VALUES "
                        "($1::uuid, 'Théâtre du Châtelet', 'Paris', 'FR', 48.858, 2.347, 'Europe/Paris')",
                        kParisVenue);
        tx.commit();
    }

    // Creates an event through the API (the path every real write takes) and returns its id.
    std::string add(const std::string& title, const std::function<void(v1::Event&)>& adjust = {}) {
        auto event = test::validEvent(title);
        event.set_description("An evening out.");
        event.clear_tags();
        event.clear_performers();
        event.set_starts_at_ms(nowMs() + 10 * kDay);
        event.set_ends_at_ms(event.starts_at_ms() + 2 * kHour);
        if (adjust) adjust(event);
        const auto answer = test::upsert(api, *conn, admin, event);
        if (!answer.has_ack()) throw std::runtime_error("upsert failed: " + answer.error().message());
        return answer.ack().id();
    }

    v1::Envelope run(const v1::SearchRequest& request) {
        return test::call(api, *conn, anonymous, [&](v1::Envelope& r) { *r.mutable_search_request() = request; });
    }

    v1::SearchResponse search(const v1::SearchRequest& request) {
        const auto answer = run(request);
        if (!answer.has_search_response()) throw std::runtime_error("search failed: " + answer.error().message());
        return answer.search_response();
    }

    v1::SearchResponse search(const std::string& query) {
        v1::SearchRequest request;
        request.set_query(query);
        return search(request);
    }

    static std::vector<std::string> titles(const v1::SearchResponse& response) {
        std::vector<std::string> out;
        for (const auto& hit : response.hits()) out.push_back(hit.event().title());
        return out;
    }
};

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

} // namespace

class TestSearch : public QObject {
    Q_OBJECT
    std::unique_ptr<SearchFixture> m_hostile;

private slots:
    void dateWindowsAtAFixedClock() {
        using server::search::presetWindow;
        constexpr std::int64_t kFridayNoon = 1'774'612'800'000; // 2026-03-27 12:00Z, 13:00 in Berlin
        auto w = presetWindow(v1::DATE_PRESET_TONIGHT, "Europe/Berlin", kFridayNoon);
        QCOMPARE(w.fromMs, 1'774'627'200'000); // 17:00 local
        QCOMPARE(w.toMs, 1'774'666'800'000);   // 04:00 local on Saturday
        w = presetWindow(v1::DATE_PRESET_THIS_WEEKEND, "Europe/Berlin", kFridayNoon);
        QCOMPARE(w.fromMs, 1'774'627'200'000);
        QCOMPARE(w.toMs, 1'774'821'600'000); // Monday 00:00 local, after the switch to summer time
        constexpr std::int64_t kSundayNoon = 1'774'785'600'000;
        w = presetWindow(v1::DATE_PRESET_THIS_WEEKEND, "Europe/Berlin", kSundayNoon);
        QCOMPARE(w.fromMs, kSundayNoon); // already in it: from now
        QCOMPARE(w.toMs, 1'774'821'600'000);
        constexpr std::int64_t kMondayNoon = 1'774'267'200'000; // 2026-03-23: the coming weekend
        QCOMPARE(presetWindow(v1::DATE_PRESET_THIS_WEEKEND, "Europe/Berlin", kMondayNoon).fromMs, 1'774'627'200'000);
        w = presetWindow(v1::DATE_PRESET_TODAY, "Pacific/Kiritimati", kFridayNoon); // UTC+14: already Saturday
        QCOMPARE(w.fromMs, kFridayNoon);
        QCOMPARE(w.toMs, 1'774'692'000'000); // Sunday 00:00 at UTC+14 = Saturday 10:00Z
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, presetWindow(v1::DATE_PRESET_TODAY, "Nowhere/City", 0));
    }

    void initTestCase() {
        if (!test::TestDatabase::available()) QSKIP("needs the ctest 'postgres' fixture");
        // Every search reads the words learned since the last one, so a test's new words are
        // typo targets at once; vocabularyCopyRefreshesWithinTheInterval tests the server's bound.
        server::search::VocabularyCache::setRefreshInterval(std::chrono::milliseconds(0));
    }

    void cleanupTestCase() { m_hostile.reset(); }

    void typoRule() {
        const auto festival = core::decodeUtf8("festival");
        QVERIFY(core::withinTypoBudget(core::decodeUtf8("festvial"), festival, false)); // swap: one typo
        QVERIFY(core::withinTypoBudget(core::decodeUtf8("festivl"), festival, false));
        QVERIFY(!core::withinTypoBudget(core::decodeUtf8("fstvial"), festival, false)); // two typos, 7 letters
        QVERIFY(!core::withinTypoBudget(core::decodeUtf8("jaz"), core::decodeUtf8("jazz"), false)); // too short
        QVERIFY(core::withinTypoBudget(core::decodeUtf8("filharmonie"), core::decodeUtf8("philharmonie"), false));
        QVERIFY(core::withinTypoBudget(core::decodeUtf8("festvi"), festival, true)); // typo in a typed prefix
        QCOMPARE(core::typoDistance(core::decodeUtf8("kitten"), core::decodeUtf8("sitting"), 5), 3);
        QCOMPARE(core::decodeUtf8("\xff" "a").size(), std::size_t(2)); // invalid byte -> U+FFFD, never a throw
    }

    // The in-memory vocabulary's trie walk finds exactly the words the typo rule admits (checked
    // word by word against core::withinTypoBudget), closest by trigram similarity first.
    void vocabularyCandidatesFollowTheTypoRule() {
        std::vector<std::string> words{"festival", "festivals", "festa", "feste", "fest", "festung", "fiesta",
                                       "festvial", "vestival", "jazz", "jazzy", "konzert", "konzerte", "kunzert",
                                       "philharmonie", "filharmonie", "philharmonia", "phil", "müller", "muller",
                                       "festivalbühne", "abdce", "abcde", "zebra"};
        // Every word with each single edit of its letters, so the rows reused between neighbours
        // and the pruning are exercised on many shared prefixes.
        for (const std::string base : {"festival", "konzert", "philharmonie"})
            for (std::size_t i = 0; i < base.size(); ++i) {
                words.push_back(base.substr(0, i) + base.substr(i + 1));
                words.push_back(base.substr(0, i) + 'x' + base.substr(i + 1));
                words.push_back(base.substr(0, i) + 'q' + base.substr(i));
            }
        const server::search::Vocabulary vocabulary(words);
        for (const std::string query : {"festvial", "festi", "konzrt", "filharmonie", "philarmoni", "mueller", "muller",
                                        "abcde", "jazz", "festivalbuhne", "konze", "zzzzzz"}) {
            for (const bool asPrefix : {false, true}) {
                const auto candidates = vocabulary.typoCandidates(query, asPrefix, 1000);
                const auto decodedQuery = core::decodeUtf8(query);
                std::set<std::string> expected;
                for (const auto& word : std::set<std::string>(words.begin(), words.end()))
                    if (word != query && core::withinTypoBudget(decodedQuery, core::decodeUtf8(word), asPrefix) &&
                        (asPrefix || server::search::trigramSimilarity(decodedQuery, core::decodeUtf8(word)) >=
                                         server::search::Vocabulary::kMinSimilarity))
                        expected.insert(word);
                QCOMPARE(std::set<std::string>(candidates.begin(), candidates.end()), expected);
                for (std::size_t i = 1; i < candidates.size(); ++i)
                    QVERIFY(server::search::trigramSimilarity(decodedQuery, core::decodeUtf8(candidates[i - 1])) >=
                            server::search::trigramSimilarity(decodedQuery, core::decodeUtf8(candidates[i])));
                QVERIFY(vocabulary.typoCandidates(query, asPrefix, 2).size() <= 2);
            }
        }
        QCOMPARE(server::search::Vocabulary({"festival", "festa", "vestival"}).typoCandidates("festvial", false, 1),
                 std::vector<std::string>{"festival"});
        // pg_trgm's measure: "festival" vs "festvial" share "  f", " fe", "fes", "est", "al " of 9 + 9 - 5.
        QCOMPARE(server::search::trigramSimilarity(core::decodeUtf8("festival"), core::decodeUtf8("festvial")), 5.0 / 13.0);
        const server::search::Vocabulary small({"festival", "festa", "festivals", "feste", "fest", "festivalbühne"});
        QCOMPARE(small.completions("fest", 3), (std::vector<std::string>{"festa", "feste", "festival"}));
        QCOMPARE(small.completions("festival", 10), (std::vector<std::string>{"festivalbühne", "festivals"}));
        QVERIFY(vocabulary.completions("zzz", 10).empty());
    }

    // The in-memory vocabulary follows words learned by any writer (another server instance,
    // the ingest path), including a transaction that commits after later ones: each search
    // reads the words learned since the xmin of the previous read's snapshot (migration 0029).
    void vocabularyCopyFollowsEveryWriter() {
        SearchFixture f;
        f.add("Harbour Lights"); // its category's words are learned here, so the writers below share none
        QVERIFY(f.search("harbour").hits_size() == 1); // the copy is loaded
        const auto insertEvent = [](pqxx::transaction_base& tx, const std::string& title) {
            tx.exec_params0("INSERT INTO events (title, category_id, starts_at, time_zone, currency) "
                            "VALUES ($1, 'music.jazz', now() + interval '2 days', 'Europe/Berlin', 'EUR')",
                            title);
        };
        auto slowConn = f.db.connect(); // another instance's long transaction, open across searches
        pqxx::work slow(*slowConn);
        insertEvent(slow, "Marionettentheater Abend");
        {
            auto otherConn = f.db.connect(); // another instance's quick write
            pqxx::work quick(*otherConn);
            insertEvent(quick, "Kaleidoscope Evening");
            quick.commit();
        }
        // A typo of the new word is found at once (the word came from the delta read), and
        // the long transaction's word is not there yet.
        QCOMPARE(SearchFixture::titles(f.search("kaleidoscpoe")), std::vector<std::string>{"Kaleidoscope Evening"});
        QVERIFY(f.search("marionettentheatre").hits().empty());
        QVERIFY(f.search("kaleidoscope").hits_size() == 1);
        slow.commit();
        // Committed after the quick one, with an older transaction id: still read.
        QCOMPARE(SearchFixture::titles(f.search("marionettentheatre")),
                 std::vector<std::string>{"Marionettentheater Abend"});
        QCOMPARE(SearchFixture::titles(f.search("marionettent")), std::vector<std::string>{"Marionettentheater Abend"});
    }

    // With a refresh interval, a search reads the learned words only when the last read began
    // longer ago than it (one search at a time): a new word becomes a typo target within it.
    void vocabularyCopyRefreshesWithinTheInterval() {
        using server::search::VocabularyCache;
        struct RestoreInterval {
            ~RestoreInterval() { VocabularyCache::setRefreshInterval(std::chrono::milliseconds(0)); }
        } restore;
        VocabularyCache::setRefreshInterval(std::chrono::milliseconds(200));
        SearchFixture f;
        f.add("Harbour Lights");
        QVERIFY(f.search("harbour").hits_size() == 1); // the copy is loaded
        {
            auto otherConn = f.db.connect(); // another instance's write
            pqxx::work tx(*otherConn);
            tx.exec0("INSERT INTO events (title, category_id, starts_at, time_zone, currency) "
                     "VALUES ('Kaleidoscope Evening', 'theatre', now() + interval '2 days', 'Europe/Berlin', 'EUR')");
            tx.commit();
        }
        QVERIFY(f.search("kaleidoscope").hits_size() == 1); // the event itself at once (its vector)
        QTRY_COMPARE_WITH_TIMEOUT(SearchFixture::titles(f.search("kaleidoscpoe")),
                                  std::vector<std::string>{"Kaleidoscope Evening"}, 10000);
    }

    // The turns to read the learned words: one search loads the whole vocabulary while the others
    // wait for it, then only a search after the interval reads, and a database recreated under
    // the same name (another oid) is read again from the start.
    void vocabularyReadTurns() {
        using server::search::VocabularyCache;
        struct RestoreInterval {
            ~RestoreInterval() { VocabularyCache::setRefreshInterval(std::chrono::milliseconds(0)); }
        } restore;
        VocabularyCache::setRefreshInterval(std::chrono::hours(1));
        VocabularyCache cache;
        std::optional<bool> waiterGotATurn;
        std::thread waiter;
        {
            auto loading = cache.beginRead();
            QVERIFY(static_cast<bool>(loading));
            QCOMPARE(loading.from(), std::uint64_t(0));
            waiter = std::thread([&] { waiterGotATurn = static_cast<bool>(cache.beginRead()); });
            QVERIFY(loading.merge(7, {"harbour", "lights"}, 100));
        }
        waiter.join();
        QCOMPARE(waiterGotATurn, std::optional<bool>(false)); // it used the loaded copy
        QCOMPARE(cache.current()->size(), std::size_t(2));
        QVERIFY(!cache.beginRead()); // fresh: within the interval

        VocabularyCache::setRefreshInterval(std::chrono::milliseconds(0));
        {
            auto delta = cache.beginRead();
            QVERIFY(static_cast<bool>(delta));
            QCOMPARE(delta.from(), std::uint64_t(100));
            QVERIFY(delta.merge(7, {"kaleidoscope"}, 120));
        }
        QVERIFY(cache.current()->contains("kaleidoscope"));
        {
            auto recreated = cache.beginRead();
            QCOMPARE(recreated.from(), std::uint64_t(120));
            QVERIFY(!recreated.merge(8, {}, 5)); // another database: read again from 0
            QCOMPARE(recreated.from(), std::uint64_t(0));
            QVERIFY(recreated.merge(8, {"mosaic"}, 5));
        }
        QCOMPARE(cache.current()->size(), std::size_t(1));
        // A read that failed (no merge) leaves the next search the turn, from the same watermark.
        { const auto failed = cache.beginRead(); }
        QCOMPARE(cache.beginRead().from(), std::uint64_t(5));
    }

    // A search session (the search pool's connections: the search settings for the session, a
    // search in autocommit) answers as an ordinary connection (the settings per transaction), and
    // facet counts, other sorts and suggestions, which run with other settings, leave the
    // session's intact.
    void searchSessionsAnswerAsOrdinaryConnections() {
        SearchFixture f;
        f.add("Jazz Festival am See", [](v1::Event& e) { e.add_performers("Miles Müller"); });
        f.add("Philharmonie Konzert", [](v1::Event& e) { e.set_category_id("music.classical"); });
        f.add("Festival Lumière");
        auto session = f.db.connect();
        server::search::makeSearchSession(*session);
        QVERIFY(server::search::isSearchSession(*session));
        QVERIFY(!server::search::isSearchSession(*f.conn));
        const auto searchOn = [&](pqxx::connection& conn, const std::string& query, bool facets,
                                  v1::SearchSort sort = v1::SEARCH_SORT_RELEVANCE) {
            v1::Envelope request;
            request.set_request_id(1);
            request.mutable_search_request()->set_query(query);
            request.mutable_search_request()->set_include_facets(facets);
            request.mutable_search_request()->set_sort(sort);
            const auto answer = f.api.handle(conn, f.anonymous, {}, request);
            if (!answer.has_search_response()) throw std::runtime_error("search failed: " + answer.error().message());
            return answer.search_response();
        };
        for (const char* query : {"jaz festvial", "festi", "festival ", "muller", "konzrt", "xylophon", ""}) {
            for (const bool facets : {false, true}) {
                const auto ordinary = searchOn(*f.conn, query, facets);
                const auto onSession = searchOn(*session, query, facets);
                QCOMPARE(SearchFixture::titles(onSession), SearchFixture::titles(ordinary));
                QCOMPARE(onSession.total(), ordinary.total());
                QCOMPARE(onSession.facets().SerializeAsString(), ordinary.facets().SerializeAsString());
            }
            // Sorted by date (a statement planned for its values, in a transaction on either).
            QCOMPARE(SearchFixture::titles(searchOn(*session, query, false, v1::SEARCH_SORT_DATE)),
                     SearchFixture::titles(searchOn(*f.conn, query, false, v1::SEARCH_SORT_DATE)));
        }
        v1::Envelope suggest;
        suggest.set_request_id(2);
        suggest.mutable_suggest_request()->set_prefix("fest");
        QCOMPARE(f.api.handle(*session, f.anonymous, {}, suggest).SerializeAsString(),
                 f.api.handle(*f.conn, f.anonymous, {}, suggest).SerializeAsString());
        pqxx::nontransaction tx(*session);
        QCOMPARE(tx.exec1("SHOW enable_seqscan")[0].as<std::string>(), std::string("off"));
        QCOMPARE(tx.exec1("SHOW plan_cache_mode")[0].as<std::string>(), std::string("force_generic_plan"));
        QCOMPARE(tx.exec1("SHOW work_mem")[0].as<std::string>(), std::string("32MB"));
    }

    void typoPrefixAccentAndStemming() {
        SearchFixture f;
        const auto festival = f.add("Jazz Festival am See", [](v1::Event& e) { e.add_performers("Miles Müller"); });
        f.add("Philharmonie Konzert", [](v1::Event& e) { e.set_category_id("music.classical"); });
        f.add("Théâtre de la Ville", [](v1::Event& e) { e.set_category_id("theatre"); });

        for (const char* query : {"jaz festvial", "jazz festival", "festi", "JAZZ", "muller", "Müller",
                                  "festivals", "festivl am see"}) {
            const auto response = f.search(query);
            QVERIFY2(!response.hits().empty(), query);
            QCOMPARE(response.hits(0).event().id(), festival);
        }
        QCOMPARE(f.search("filharmonie konzert").hits(0).event().title(), std::string("Philharmonie Konzert"));
        QCOMPARE(f.search("theatre ville").hits(0).event().title(), std::string("Théâtre de la Ville"));
        QCOMPARE(f.search("paris").hits_size(), 0); // no event at the Paris venue yet
        QVERIFY(f.search("xylophon").hits().empty());
        // The typo-corrected word is reported.
        const auto corrected = f.search("festvial");
        QCOMPARE(corrected.corrected_words_size(), 1);
        QCOMPARE(corrected.corrected_words(0), std::string("festvial"));
        QCOMPARE(f.search("festival").corrected_words_size(), 0);
    }

    void correctedFormsPutCandidatesInPlaceOfWords() {
        using server::search::QueryWord;
        std::vector<QueryWord> words(2);
        words[0].text = "jaz";
        words[1].text = "festvial";
        QVERIFY(server::search::correctedForms(words, 8).empty()); // nothing to correct
        words[1].typos = {"festival", "festivals"};
        words[0].typos = {"jazz"};
        const std::vector<std::string> expected{"jaz festival", "jazz festvial", "jaz festivals", "jazz festival"};
        QCOMPARE(server::search::correctedForms(words, 4), expected); // one correction first, closest first
        QCOMPARE(server::search::correctedForms(words, 8).size(), std::size_t(5));
        QCOMPARE(server::db::postgresTextArray({"a b", "x\"y", "", "{,}"}), std::string("{\"a b\",\"x\\\"y\",\"\",\"{,}\"}"));
    }

    // The candidate bound (200) cuts what the title-lexeme tiers read in table order; titles that
    // start with the query, as typed or corrected, come from the title index first.
    void titlesStartingWithTheQueryComeFirstBeyondTheBound() {
        SearchFixture f;
        pqxx::work tx(*f.conn);
        tx.exec0("INSERT INTO events (title, category_id, starts_at, time_zone, currency) "
                 "SELECT 'Grand Festival ' || i, 'theatre', now() + interval '3 days', 'Europe/Berlin', 'EUR' "
                 "FROM generate_series(1, 250) AS i");
        tx.commit();
        const auto lumiere = f.add("Festival Lumière");
        for (const char* query : {"festival ", "festvial ", "festival lumiere", "festvial lumiere"}) {
            const auto response = f.search(query);
            QVERIFY2(response.hits_size() > 0, query);
            QVERIFY2(response.hits(0).event().id() == lumiere, query);
        }
    }

    void exactTitleRanksFirstAndHighlights() {
        SearchFixture f;
        f.add("Night of Jazz", [](v1::Event& e) { e.set_description("Jazz jazz jazz all night long with jazz."); });
        f.add("Jazz", [](v1::Event& e) { e.set_description("A quiet evening."); });
        f.add("Rock Night", [](v1::Event& e) { e.add_tags("jazz"); });
        const auto response = f.search("jazz");
        QCOMPARE(response.hits_size(), 3);
        QCOMPARE(response.hits(0).event().title(), std::string("Jazz"));
        QCOMPARE(response.hits(2).event().title(), std::string("Rock Night")); // tag (C) below titles (A)
        const auto& title = response.hits(1).title();
        QCOMPARE(title.text(), std::string("Night of Jazz"));
        QCOMPARE(title.matches_size(), 1);
        QCOMPARE(title.matches(0).start(), 9u);
        QCOMPARE(title.matches(0).length(), 4u);
        QVERIFY(response.hits(1).snippet().matches_size() >= 1);
        // Offsets count code points, not bytes.
        f.add("Café Müller", [](v1::Event& e) { e.set_category_id("theatre"); });
        const auto accented = f.search("muller");
        QCOMPARE(accented.hits(0).title().matches(0).start(), 5u);
        QCOMPARE(accented.hits(0).title().matches(0).length(), 6u);
    }

    void filtersAndFacets() {
        SearchFixture f;
        const auto free = f.add("Open Air Concert", [](v1::Event& e) {
            e.mutable_price()->set_min_minor(0);
            e.mutable_price()->set_max_minor(0);
        });
        const auto paris = f.add("Concert in Paris", [](v1::Event& e) {
            e.set_venue_id(kParisVenue);
            e.set_category_id("music.classical");
            e.mutable_price()->set_min_minor(8000);
            e.mutable_price()->set_max_minor(12000);
        });
        const auto soldOut = f.add("Concert sold out", [](v1::Event& e) { e.set_status(v1::EVENT_STATUS_SOLD_OUT); });
        const auto play = f.add("Concert play", [](v1::Event& e) { e.set_category_id("theatre"); });
        f.add("Concert long ago", [](v1::Event& e) {
            e.set_starts_at_ms(nowMs() - 30 * kDay);
            e.set_ends_at_ms(nowMs() - 30 * kDay + kHour);
        });

        v1::SearchRequest request;
        request.set_query("concert");
        request.set_include_facets(true);
        auto all = f.search(request);
        QCOMPARE(all.hits_size(), 4); // the past one is over
        QCOMPARE(all.total(), 4u);

        auto r = request;
        r.mutable_filters()->set_category_id("music"); // includes music.classical and music.jazz
        auto music = f.search(r);
        QCOMPARE(music.hits_size(), 3);
        QVERIFY(!contains(SearchFixture::titles(music), "Concert play"));
        // The category facet ignores its own filter, the others honour it.
        std::map<std::string, std::uint64_t> categories;
        for (const auto& c : music.facets().categories()) categories[c.value()] = c.count();
        QCOMPARE(categories["theatre"], 1u);
        QCOMPARE(categories["music.jazz"], 2u);
        QCOMPARE(music.total(), 3u);
        std::map<std::string, std::uint64_t> prices;
        for (const auto& p : music.facets().prices()) prices[p.value()] = p.count();
        QCOMPARE(prices["free"], 1u);
        QCOMPARE(prices["50_to_100"], 1u);
        QCOMPARE(prices["up_to_20"], 1u); // sold-out jazz 15.00
        std::map<std::string, std::uint64_t> dates;
        for (const auto& d : music.facets().dates()) dates[d.value()] = d.count();
        QCOMPARE(dates["later"], 3u);
        QCOMPARE(dates["today"], 0u);

        r = request;
        r.mutable_filters()->set_free_only(true);
        QCOMPARE(SearchFixture::titles(f.search(r)), std::vector<std::string>{"Open Air Concert"});
        r = request;
        r.mutable_filters()->set_price_min_minor(5000);
        QCOMPARE(SearchFixture::titles(f.search(r)), std::vector<std::string>{"Concert in Paris"});
        r = request;
        r.mutable_filters()->set_venue_id(kParisVenue);
        QCOMPARE(f.search(r).hits(0).event().id(), paris);
        r = request;
        r.mutable_filters()->set_seats_available(true);
        QVERIFY(!contains(SearchFixture::titles(f.search(r)), "Concert sold out"));
        QCOMPARE(f.search(r).hits_size(), 3);
        r = request;
        r.mutable_filters()->set_include_past(true);
        QCOMPARE(f.search(r).hits_size(), 5);

        // 100 km around Berlin: the Paris concert is out; distances are returned.
        r = request;
        r.mutable_filters()->mutable_near()->set_latitude(52.5);
        r.mutable_filters()->mutable_near()->set_longitude(13.4);
        r.mutable_filters()->mutable_near()->set_radius_km(100);
        auto nearby = f.search(r);
        QCOMPARE(nearby.hits_size(), 3);
        for (const auto& hit : nearby.hits()) {
            QVERIFY(hit.has_distance());
            QVERIFY(hit.distance_km() < 5);
        }
        r.mutable_filters()->mutable_near()->set_radius_km(0);
        r.set_sort(v1::SEARCH_SORT_DISTANCE);
        auto byDistance = f.search(r);
        QCOMPARE(byDistance.hits_size(), 4);
        QCOMPARE(byDistance.hits(3).event().id(), paris);
        QVERIFY(byDistance.hits(3).distance_km() > 850 && byDistance.hits(3).distance_km() < 900);
        Q_UNUSED(free);
        Q_UNUSED(soldOut);
        Q_UNUSED(play);
    }

    // Relevance pages run through the score groups in order (title starts with the query, matches
    // as typed, titles starting with a corrected form, other corrections): small pages give the
    // same order as one large page, with no repeats or gaps.
    void relevancePagesCrossTheScoreGroups() {
        SearchFixture f;
        const auto literal = f.add("Lantren Club"); // the misspelling itself starts a title
        const auto asTyped = f.add("Evening Walk", [](v1::Event& e) { e.set_description("Bring a lantren along."); });
        std::vector<std::string> corrected, otherCorrections;
        for (int i = 0; i < 3; ++i) {
            corrected.push_back(f.add("Lantern Parade " + std::to_string(i)));
            otherCorrections.push_back(f.add("Night Lantern " + std::to_string(i)));
        }
        otherCorrections.push_back(f.add("Quiet Evening", [](v1::Event& e) { e.set_description("A lantern walk."); }));
        v1::SearchRequest request;
        request.set_query("lantren ");
        request.set_limit(100);
        const auto all = f.search(request);
        QCOMPARE(all.hits_size(), 9);
        QCOMPARE(all.hits(0).event().id(), literal);
        QCOMPARE(all.hits(1).event().id(), asTyped);
        for (int i = 2; i < 5; ++i)
            QVERIFY(contains(corrected, all.hits(i).event().id()));
        for (int i = 5; i < 9; ++i)
            QVERIFY(contains(otherCorrections, all.hits(i).event().id()));
        for (int i = 1; i < 9; ++i) QVERIFY(all.hits(i - 1).score() >= all.hits(i).score());
        request.set_limit(2);
        std::vector<std::string> paged;
        for (int page = 0; page < 10; ++page) {
            const auto response = f.search(request);
            for (const auto& hit : response.hits()) paged.push_back(hit.event().id());
            if (response.next_cursor().empty()) break;
            request.set_cursor(response.next_cursor());
        }
        std::vector<std::string> once;
        for (const auto& hit : all.hits()) once.push_back(hit.event().id());
        QCOMPARE(paged, once);
    }

    // Facet counts stop at the sample bound: exact below it, lower bounds (and said so) above it.
    void facetCountsAreSampledAboveTheBound() {
        SearchFixture f;
        f.add("Harbour Lights");
        v1::SearchRequest request;
        request.set_query("harbour");
        request.set_include_facets(true);
        auto response = f.search(request);
        QCOMPARE(response.total(), 1u);
        QVERIFY(!response.facets_sampled());
        pqxx::work tx(*f.conn);
        tx.exec_params0("INSERT INTO events (title, category_id, starts_at, time_zone, currency) "
                        "SELECT 'Harbour Walk ' || i, 'theatre', now() + interval '2 days', 'Europe/Berlin', 'EUR' "
                        "FROM generate_series(1, $1::int) AS i",
                        static_cast<int>(server::search::kFacetSample) + 50);
        tx.commit();
        response = f.search(request);
        QVERIFY(response.facets_sampled());
        QCOMPARE(response.total(), std::uint64_t(server::search::kFacetSample));
        QVERIFY(response.hits_size() > 0); // the hits are not affected by the sample
    }

    // A catalog above the sample size: a broad query's facets are estimated from a fixed sample of
    // the catalog's pages (and said so), a rare one's still counted exactly.
    void facetCountsAreEstimatedOnALargeCatalog() {
        SearchFixture f;
        const auto zeppelin = f.add("Zeppelin Night");
        {
            pqxx::work tx(*f.conn);
            // 12,000 events: every third a "Lighthouse" tour, half of those in theatre.
            tx.exec0("INSERT INTO events (title, category_id, starts_at, time_zone, currency) "
                     "SELECT CASE WHEN i % 3 = 0 THEN 'Lighthouse Tour ' ELSE 'Market Day ' END || i, "
                     "CASE WHEN i % 6 = 0 THEN 'theatre' ELSE 'music.jazz' END, now() + interval '2 days', "
                     "'Europe/Berlin', 'EUR' FROM generate_series(1, 12000) AS i");
            tx.exec0("ANALYZE events"); // the sample's share comes from pg_class.reltuples
            tx.commit();
        }
        v1::SearchRequest request;
        request.set_query("lighthouse");
        request.set_include_facets(true);
        auto response = f.search(request);
        QVERIFY(response.facets_estimated());
        QVERIFY(!response.facets_sampled());
        QVERIFY2(response.total() >= 3000 && response.total() <= 5000, std::to_string(response.total()).c_str()); // 4,000
        std::map<std::string, std::uint64_t> categories;
        for (const auto& c : response.facets().categories()) categories[c.value()] = c.count();
        QVERIFY(categories["theatre"] >= 1300 && categories["theatre"] <= 2700); // 2,000 each
        QVERIFY(categories["music.jazz"] >= 1300 && categories["music.jazz"] <= 2700);
        QCOMPARE(response.total() % 100, std::uint64_t(0)); // two significant figures: no false precision
        QVERIFY(response.hits_size() > 0);
        // Under a filter the estimate follows it (disjunctive: the category facet ignores its own).
        request.mutable_filters()->set_category_id("theatre");
        response = f.search(request);
        QVERIFY(response.facets_estimated());
        QVERIFY(response.total() >= 1300 && response.total() <= 2700);
        // A rare word: too few matches in the sample, so counted exactly.
        request.Clear();
        request.set_query("zeppelin");
        request.set_include_facets(true);
        response = f.search(request);
        QVERIFY(!response.facets_estimated());
        QCOMPARE(response.total(), 1u);
        QCOMPARE(response.hits(0).event().id(), zeppelin);
    }

    void datePresetsInTheUsersZone() {
        SearchFixture f;
        // Windows are checked against fixed clocks in test_search_query; here the SQL side.
        const auto window = server::search::presetWindow(v1::DATE_PRESET_TOMORROW, "Asia/Tokyo", nowMs());
        const auto tomorrow = f.add("Kabuki tomorrow", [&](v1::Event& e) {
            e.set_starts_at_ms(window.fromMs + 12 * kHour);
            e.set_ends_at_ms(window.fromMs + 14 * kHour);
        });
        f.add("Kabuki next month", [&](v1::Event& e) {
            e.set_starts_at_ms(window.fromMs + 30 * kDay);
            e.set_ends_at_ms(window.fromMs + 30 * kDay + kHour);
        });
        v1::SearchRequest request;
        request.set_query("kabuki");
        request.mutable_filters()->set_date(v1::DATE_PRESET_TOMORROW);
        request.mutable_filters()->set_time_zone("Asia/Tokyo");
        const auto response = f.search(request);
        QCOMPARE(response.hits_size(), 1);
        QCOMPARE(response.hits(0).event().id(), tomorrow);
        request.mutable_filters()->set_date(v1::DATE_PRESET_CUSTOM);
        request.mutable_filters()->set_from_ms(window.fromMs + 20 * kDay);
        QCOMPARE(SearchFixture::titles(f.search(request)), std::vector<std::string>{"Kabuki next month"});
    }

    void sortsPageStablyWithCursors() {
        SearchFixture f;
        std::vector<std::string> ids;
        for (int i = 0; i < 25; ++i)
            ids.push_back(f.add("Gallery talk " + std::to_string(i), [&](v1::Event& e) {
                e.set_starts_at_ms(nowMs() + (i % 5 + 1) * kDay); // ties in the date: the id breaks them
                e.set_ends_at_ms(e.starts_at_ms() + kHour);
            }));
        // Popularity: wish-list the 7th event by three users.
        for (int u = 0; u < 3; ++u) {
            const auto who = f.user("fan" + std::to_string(u) + "@example.org", core::Role::Attendee);
            const auto answer = test::call(f.api, *f.conn, who, [&](v1::Envelope& r) {
                r.mutable_wishlist_mutation()->set_idempotency_key("33333333-3333-4333-8333-00000000000" + std::to_string(u));
                r.mutable_wishlist_mutation()->set_event_id(ids[7]);
                r.mutable_wishlist_mutation()->set_add(true);
            });
            QVERIFY(answer.has_ack());
        }
        for (const auto sort : {v1::SEARCH_SORT_RELEVANCE, v1::SEARCH_SORT_DATE, v1::SEARCH_SORT_POPULARITY}) {
            v1::SearchRequest request;
            request.set_query("gallery talk");
            request.set_sort(sort);
            request.set_limit(10);
            std::vector<std::string> seen;
            std::int64_t lastStart = 0;
            for (int page = 0; page < 5; ++page) {
                const auto response = f.search(request);
                for (const auto& hit : response.hits()) {
                    seen.push_back(hit.event().id());
                    if (sort == v1::SEARCH_SORT_DATE) {
                        QVERIFY(hit.event().starts_at_ms() >= lastStart);
                        lastStart = hit.event().starts_at_ms();
                    }
                }
                if (sort == v1::SEARCH_SORT_POPULARITY && page == 0) {
                    QCOMPARE(response.hits(0).event().id(), ids[7]);
                    QCOMPARE(response.hits(0).wishlist_count(), 3u);
                }
                if (response.next_cursor().empty()) break;
                request.set_cursor(response.next_cursor());
            }
            QCOMPARE(seen.size(), std::size_t(25));
            QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), std::size_t(25)); // no repeats
        }
        // A cursor is bound to its search.
        v1::SearchRequest first;
        first.set_query("gallery");
        first.set_limit(5);
        auto other = first;
        other.set_cursor(f.search(first).next_cursor());
        other.set_query("talk");
        QCOMPARE(f.run(other).error().code(), v1::INVALID_ARGUMENT);
    }

    void newAndEditedEventsAreSearchableAtCommit() {
        SearchFixture f;
        QVERIFY(f.search("zeppelin").hits().empty());
        const auto id = f.add("Zeppelin Tribute Night");
        QCOMPARE(f.search("zeppelin").hits(0).event().id(), id); // the same request path, right after commit
        auto edited = test::validEvent("Airship Tribute Night");
        edited.set_id(id);
        edited.set_starts_at_ms(nowMs() + kDay);
        edited.set_ends_at_ms(nowMs() + kDay + kHour);
        QVERIFY(test::upsert(f.api, *f.conn, f.admin, edited).has_ack());
        QVERIFY(f.search("zeppelin").hits().empty());
        QCOMPARE(f.search("airship").hits(0).event().id(), id);
        // A renamed venue re-indexes its events; a new word becomes a typo target at once.
        {
            pqxx::work tx(*f.conn);
            tx.exec0("UPDATE venues SET name = 'Kesselhaus' WHERE name = 'Hall'");
            tx.commit();
        }
        QCOMPARE(f.search("kesselhaus").hits(0).event().id(), id);
        QCOMPARE(f.search("kesselhuas").hits(0).event().id(), id);
        // Deleted: gone.
        QVERIFY(test::call(f.api, *f.conn, f.admin, [&](v1::Envelope& r) { r.mutable_delete_event()->set_event_id(id); })
                    .has_ack());
        QVERIFY(f.search("airship").hits().empty());
    }

    void suggestionsCoverTitlesVenuesAndCategories() {
        SearchFixture f;
        f.add("Theatre Sports Live");
        f.add("Théâtre Sports Live", [](v1::Event& e) { e.set_venue_id(kParisVenue); }); // one folded title
        auto answer = test::call(f.api, *f.conn, f.anonymous,
                                 [](v1::Envelope& r) { r.mutable_suggest_request()->set_prefix("thea"); });
        QVERIFY(answer.has_suggest_response());
        std::map<v1::SuggestionKind, std::vector<std::string>> byKind;
        for (const auto& s : answer.suggest_response().suggestions()) byKind[s.kind()].push_back(s.text().text());
        QCOMPARE(byKind[v1::SUGGESTION_KIND_CATEGORY], std::vector<std::string>{"Theatre"});
        QCOMPARE(byKind[v1::SUGGESTION_KIND_TITLE].size(), std::size_t(1));
        QCOMPARE(byKind[v1::SUGGESTION_KIND_VENUE], std::vector<std::string>{"Théâtre du Châtelet"});
        const auto& first = answer.suggest_response().suggestions(0).text();
        QCOMPARE(first.matches(0).start(), 0u);
        QCOMPARE(first.matches(0).length(), 7u); // the whole word "Theatre" starts with the prefix
    }

    void hostileInputGetsAClearAnswer_data() {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("refused");
        QTest::newRow("fts syntax") << QByteArray("jazz & | ! ( ) :* 'a' \"b\" <-> \\") << false;
        QTest::newRow("sql fragment") << QByteArray("'; DROP TABLE events; --") << false;
        QTest::newRow("sql or") << QByteArray("x' OR '1'='1") << false;
        QTest::newRow("emoji") << QByteArray("\xF0\x9F\x8E\xB7 \xF0\x9F\x8E\xBA") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("spaces") << QByteArray("   \t ") << false;
        QTest::newRow("control") << QByteArray("\x02jazz\x03\x01", 7) << false;
        QTest::newRow("nul") << QByteArray("jazz\0x", 6) << false;
        QTest::newRow("10 KB") << QByteArray(10 * 1024, 'a') << true;
        QTest::newRow("invalid utf8") << QByteArray("\xC3\x28") << true;
        QTest::newRow("many words") << QByteArray("a b c d e f g h i j k l m n o p q r s t u v w x y z") << false;
    }

    void hostileInputGetsAClearAnswer() {
        QFETCH(QByteArray, query);
        QFETCH(bool, refused);
        if (!m_hostile) {
            m_hostile = std::make_unique<SearchFixture>(); // one database for every row
            m_hostile->add("Jazz Brunch");
        }
        auto* f = m_hostile.get();
        v1::SearchRequest request;
        request.set_query(query.toStdString());
        request.set_include_facets(true);
        const auto answer = f->run(request);
        if (refused) {
            QCOMPARE(answer.error().code(), v1::INVALID_ARGUMENT);
            QVERIFY(answer.error().message().find("query") != std::string::npos);
        } else {
            QVERIFY2(answer.has_search_response(), answer.error().message().c_str());
        }
        const auto suggestion = test::call(f->api, *f->conn, f->anonymous, [&](v1::Envelope& r) {
            r.mutable_suggest_request()->set_prefix(query.left(300).toStdString());
        });
        QVERIFY(suggestion.has_suggest_response() || suggestion.error().code() == v1::INVALID_ARGUMENT);
        QCOMPARE(test::scalar(*f->conn, "SELECT count(*) FROM events"), 1LL); // nothing changed
    }

    void badFiltersAreRefused() {
        SearchFixture f;
        const std::vector<std::function<void(v1::SearchRequest&)>> cases{
            [](v1::SearchRequest& r) { r.mutable_filters()->set_time_zone("Mars/Olympus"); },
            [](v1::SearchRequest& r) { r.mutable_filters()->set_venue_id("not-a-uuid"); },
            [](v1::SearchRequest& r) { r.mutable_filters()->set_price_min_minor(-1); },
            [](v1::SearchRequest& r) { r.mutable_filters()->mutable_near()->set_latitude(91); },
            [](v1::SearchRequest& r) { r.mutable_filters()->mutable_near()->set_radius_km(std::nan("")); },
            [](v1::SearchRequest& r) { r.set_sort(v1::SEARCH_SORT_DISTANCE); },
            [](v1::SearchRequest& r) { r.set_cursor("garbage"); },
            [](v1::SearchRequest& r) { r.set_sort(static_cast<v1::SearchSort>(42)); },
        };
        for (const auto& adjust : cases) {
            v1::SearchRequest request;
            request.set_query("jazz");
            adjust(request);
            QCOMPARE(f.run(request).error().code(), v1::INVALID_ARGUMENT);
        }
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
