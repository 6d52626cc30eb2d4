// Search sessions: connections that carry the settings every search statement runs with for the
// whole session, so that a search is its statements alone in autocommit (docs/search.md#cost).
#pragma once

#include <pqxx/connection_base>

#include <string>

namespace marquee::server::search {

// Sets the search settings on `conn` for the session (set_variable: libpqxx re-applies them if it
// reconnects) and marks it as a search session. The search pool's connections get this
// (db::Pool's session setup), and so do the benchmark's.
void makeSearchSession(pqxx::connection_base& conn);

// Whether `conn` is a search session (made by makeSearchSession, on the backend it has now).
bool isSearchSession(const pqxx::connection_base& conn);

// SET LOCAL statements: the same settings for one transaction (searches on an ordinary
// connection), and back to the server's defaults for one transaction (statements on a search
// session that were written for the defaults: suggestions).
const std::string& searchSettingsLocal();
const std::string& defaultSettingsLocal();

} // namespace marquee::server::search
