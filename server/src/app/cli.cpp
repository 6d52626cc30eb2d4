// Hand-written argument parsing: the CLI is small, and this keeps its error messages exact.
// Global options (--log-level, --help, --version) may appear anywhere on the line.
#include "app/cli.hpp"

#include "app/server.hpp"
#include "common/curl_global.hpp"
#include "common/log.hpp"
#include "ingest/fetcher.hpp"
#include "ingest/ingest.hpp"
#include "mail/mail_outbox.hpp"
#include "mail/unsubscribe.hpp"
#include "marquee/core/domain.hpp"
#include "marquee/core/version.hpp"
#include "services/api.hpp"

#include <pqxx/pqxx>
#include <sodium.h>

#include <termios.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace marquee::server::app {
namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

constexpr const char* kUsageText = R"(Usage: marquee-server [--log-level LEVEL] COMMAND [OPTIONS]

Commands:
  serve         Run the sync server (WebSocket at /v1/ws, /healthz, /readyz, /metrics)
  migrate       Apply pending database migrations and exit
  create-user   Create an account; the password is read from stdin
  ingest        Ingest one iCalendar, JSON-LD (HTML) or CSV file once
  sources       Manage and fetch feed sources (add, list, runs, pause, resume, run)

Database (serve, migrate, create-user, ingest, sources; at most one of):
  --database-url URL   libpq connection string or postgresql:// URL
  --data-dir DIR       embedded PostgreSQL data directory
                       (default without either: the embedded cluster in
                       $XDG_DATA_HOME/marquee-server, /var/lib/marquee-server as root)

serve options:
  --listen HOST:PORT   address to listen on (default 127.0.0.1:8080; port 0 picks a free port)
  --port-file FILE     write the bound port to FILE once the server is ready
  --demo               load the demo catalog when the catalog is empty
  --threads N          network threads (default 2)
  --db-workers N       database connections / worker threads (default 4)
  --search-workers N   further connections that serve searches and suggestions
                       (default 4; 0: the db workers serve them)
  --search-database-url URL
                       run searches and suggestions on this database, e.g. a read
                       replica (default: the database above)
  --trusted-proxy CIDR[,CIDR...]
                       believe X-Forwarded-For from these peers (a TLS proxy)
  --max-connections-per-ip N
                       open connections per client address, IPv6 per /64 (default 256)
  --smtp-url URL       send the mail outbox through this SMTP server: smtp://HOST[:PORT]
                       (STARTTLS when offered) or smtps://HOST[:PORT]; without it mail
                       stays in the outbox (docs/mail.md)
  --smtp-user USER, --smtp-password PASSWORD
                       authenticate (only over TLS)
  --smtp-require-tls   refuse to send unless STARTTLS succeeds
  --smtp-ca-file FILE  trust this CA bundle for the SMTP server instead of the system's
  --mail-from ADDRESS  sender of all mail, e.g. "Marquee <tickets@example.org>"
                       (default: Marquee <marquee@HOSTNAME>); its domain names Message-IDs
  --public-url URL     how mail recipients reach this server, e.g. https://tickets.example.org
                       (behind a proxy: the proxy's address); alert and digest mails then carry
                       a one-click unsubscribe link to URL/unsubscribe
  --payment-url URL    Stripe-style payment provider (Stripe, or marquee-payment-sandbox)
  --payment-secret-key KEY       its secret key (sk_...)
  --payment-publishable-key KEY  its publishable key (pk_...): enables online card
                       payments; clients tokenise cards with it at the provider
  --payment-webhook-secret SECRET
                       the webhook signing secret (whsec_...): enables
                       POST /webhooks/payments
  --terminal-ids ID[,ID...]
                       box-office card terminals at the provider (enables them)
  --payment-timeout-ms MS
                       time for one provider API call, a terminal lookup or refund;
                       past it the outcome is unknown and the same call is repeated
                       later with the same key (default 15000; 1000 to 600000)
  --terminal-timeout-ms MS
                       time the customer has at the card terminal before the
                       transaction is looked up (default 90000; 1000 to 600000)
  --payment-connect-timeout-ms MS
                       time to connect to the provider (default 3000; 100 to 600000;
                       a call's own timeout above still bounds it)

create-user options:
  --email EMAIL        account e-mail (required)
  --role ROLE          attendee, staff, organizer or admin (required)

ingest options:
  --file PATH          the file to ingest (required)
  --format FORMAT      ics, jsonld or csv (default: from the file name and content)
  --source NAME        the source the events come from (default: file:<file name>);
                       created on first use
  --json               print {"new","updated","merged","cancelled","quarantined":[...]}
                       Exit status 0 when the file was processed, even with quarantined
                       records; 1 when it could not be read or parsed at all.

sources subcommands:
  sources add NAME --url URL --format ics|jsonld|csv [--every MINUTES] [--zone IANA]
                       a feed fetched every MINUTES (default 60), times without a
                       zone read in IANA (default Europe/Berlin)
  sources list [--json]
  sources runs [NAME] [--limit N] [--json]
                       the latest ingest runs (default 20), newest first: state
                       (running, interrupted, completed, failed), records seen /
                       new / changed / unchanged / quarantined, duration, error
  sources pause NAME | sources resume NAME
  sources run NAME [--json]
                       fetch now (conditional request), ingest, print the ingest
                       summary; exit 1 when the fetch or the payload failed

Global options:
  --log-level LEVEL    trace, debug, info, warn, error, critical, off (default info)
  -h, --help           show this help and exit
  --version            show the version and exit

Logs are JSON lines on stderr. Exit status: 0 success, 1 failure, 2 usage error.
)";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Parsed {
    std::string command;
    std::map<std::string, std::string> values; // --option value
    std::set<std::string> flags;               // --flag
    std::vector<std::string> operands;         // after the command (sources SUBCOMMAND NAME)
    std::string logLevel = "info";
    bool help = false;
    bool version = false;
};

// Which options take a value, and which commands accept them.
const std::map<std::string, std::set<std::string>>& valueOptions() {
    static const std::map<std::string, std::set<std::string>> options{
        {"--database-url", {"serve", "migrate", "create-user", "ingest", "sources"}},
        {"--data-dir", {"serve", "migrate", "create-user", "ingest", "sources"}},
        {"--listen", {"serve"}},
        {"--port-file", {"serve"}},
        {"--threads", {"serve"}},
        {"--db-workers", {"serve"}},
        {"--search-workers", {"serve"}},
        {"--search-database-url", {"serve"}},
        {"--trusted-proxy", {"serve"}},
        {"--max-connections-per-ip", {"serve"}},
        {"--payment-url", {"serve"}},
        {"--payment-secret-key", {"serve"}},
        {"--payment-publishable-key", {"serve"}},
        {"--payment-webhook-secret", {"serve"}},
        {"--terminal-ids", {"serve"}},
        {"--payment-timeout-ms", {"serve"}},
        {"--terminal-timeout-ms", {"serve"}},
        {"--payment-connect-timeout-ms", {"serve"}},
        // Not in --help: tests slow the rate limit down so they do not race the server.
        {"--rate-limit", {"serve"}},
        {"--rate-burst", {"serve"}},
        {"--smtp-url", {"serve"}},
        {"--smtp-user", {"serve"}},
        {"--smtp-password", {"serve"}},
        {"--smtp-ca-file", {"serve"}},
        {"--mail-from", {"serve"}},
        {"--public-url", {"serve"}},
        {"--email", {"create-user"}},
        {"--role", {"create-user"}},
        {"--file", {"ingest"}},
        {"--format", {"ingest", "sources"}},
        {"--source", {"ingest"}},
        {"--url", {"sources"}},
        {"--every", {"sources"}},
        {"--zone", {"sources"}},
        {"--limit", {"sources"}},
        // Not in --help: tests bound the fetch.
        {"--timeout-ms", {"sources"}},
        // Not in --help: tests write in small chunks and die between two (exit 75).
        {"--chunk-events", {"ingest"}},
        {"--stop-after-chunks", {"ingest"}},
    };
    return options;
}

const std::map<std::string, std::set<std::string>>& flagOptions() {
    static const std::map<std::string, std::set<std::string>> options{{"--demo", {"serve"}},
                                                                                {"--json", {"ingest", "sources"}},
                                                                                {"--smtp-require-tls", {"serve"}}};
    return options;
}

Parsed parse(const std::vector<std::string>& args) {
    Parsed p;
    std::vector<std::pair<std::string, std::string>> pendingValues;
    std::vector<std::string> pendingFlags;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::optional<std::string> inlineValue;
        if (arg.rfind("--", 0) == 0) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                inlineValue = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
            }
        }
        const auto takeValue = [&]() -> std::string {
            if (inlineValue) return *inlineValue;
            if (i + 1 >= args.size()) throw UsageError("option " + arg + " needs a value");
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            p.help = true;
        } else if (arg == "--version") {
            p.version = true;
        } else if (arg == "--log-level") {
            p.logLevel = takeValue();
            if (!log::isValidLevel(p.logLevel)) throw UsageError("unknown log level '" + p.logLevel + "'");
        } else if (valueOptions().count(arg)) {
            pendingValues.emplace_back(arg, takeValue());
        } else if (flagOptions().count(arg)) {
            if (inlineValue) throw UsageError("option " + arg + " takes no value");
            pendingFlags.push_back(arg);
        } else if (!arg.empty() && arg[0] == '-') {
            throw UsageError("unknown option '" + arg + "'");
        } else if (p.command.empty()) {
            p.command = arg;
        } else if (p.command == "sources") {
            p.operands.push_back(arg);
        } else {
            throw UsageError("unexpected argument '" + arg + "'");
        }
    }
    if (p.help || p.version) return p;
    if (p.command.empty()) throw UsageError("no command given");
    if (p.command == "help") {
        p.help = true;
        return p;
    }
    if (p.command != "serve" && p.command != "migrate" && p.command != "create-user" && p.command != "ingest" &&
        p.command != "sources")
        throw UsageError("unknown command '" + p.command + "'");
    for (auto& [name, value] : pendingValues) {
        if (!valueOptions().at(name).count(p.command))
            throw UsageError("option " + name + " does not apply to '" + p.command + "'");
        if (p.values.count(name)) throw UsageError("option " + name + " given twice");
        p.values[name] = value;
    }
    for (const auto& name : pendingFlags) {
        if (!flagOptions().at(name).count(p.command))
            throw UsageError("option " + name + " does not apply to '" + p.command + "'");
        p.flags.insert(name);
    }
    if (p.values.count("--database-url") && p.values.count("--data-dir"))
        throw UsageError("give either --database-url or --data-dir, not both");
    if (p.values.count("--database-url") && p.values.at("--database-url").empty())
        throw UsageError("--database-url is empty");
    return p;
}

unsigned parseCount(const Parsed& p, const std::string& name, unsigned fallback, unsigned max) {
    const auto it = p.values.find(name);
    if (it == p.values.end()) return fallback;
    unsigned value = 0;
    const auto& s = it->second;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value == 0 || value > max)
        throw UsageError(name + " must be a number from 1 to " + std::to_string(max) + ", not '" + s + "'");
    return value;
}

// "HOST:PORT", "[v6]:PORT" or ":PORT" (all interfaces).
std::pair<std::string, unsigned short> parseListen(const std::string& s) {
    const auto colon = s.rfind(':');
    if (colon == std::string::npos) throw UsageError("--listen must be HOST:PORT, not '" + s + "'");
    std::string host = s.substr(0, colon);
    const std::string port = s.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "0.0.0.0";
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535)
        throw UsageError("--listen: bad port '" + port + "'");
    return {host, static_cast<unsigned short>(value)};
}

// The database a DB command talks to, chosen as for serve (app::DatabaseTarget).
DatabaseTarget databaseTarget(const Parsed& p) {
    const auto url = p.values.find("--database-url");
    const auto dir = p.values.find("--data-dir");
    return DatabaseTarget(url != p.values.end() ? url->second : std::string(),
                          dir != p.values.end() ? std::filesystem::path(dir->second) : std::filesystem::path());
}

int cmdMigrate(const Parsed& p) {
    const auto target = databaseTarget(p);
    auto conn = connectDatabase(target.url());
    const auto report = migrateDatabase(*conn);
    for (const auto& name : report.applied) std::cout << "applied " << name << '\n';
    std::cout << "schema at version " << report.currentVersion << " (" << report.applied.size()
              << " migration(s) applied)\n";
    return kOk;
}

std::string readPassword() {
    const bool tty = ::isatty(STDIN_FILENO) != 0;
    termios old{};
    if (tty) {
        std::cerr << "Password: " << std::flush;
        if (::tcgetattr(STDIN_FILENO, &old) == 0) {
            termios quiet = old;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    std::string password;
    std::getline(std::cin, password);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::cerr << '\n';
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

int cmdCreateUser(const Parsed& p) {
    const auto email = p.values.find("--email");
    const auto roleName = p.values.find("--role");
    if (email == p.values.end()) throw UsageError("create-user needs --email");
    if (roleName == p.values.end()) throw UsageError("create-user needs --role");
    const auto role = core::roleFromName(roleName->second);
    if (!role || *role == core::Role::Anonymous)
        throw UsageError("--role must be attendee, staff, organizer or admin, not '" + roleName->second + "'");
    const auto password = readPassword();
    if (password.empty()) throw Failure("no password given on stdin");

    const auto target = databaseTarget(p);
    auto conn = connectDatabase(target.url());
    migrateDatabase(*conn);
    try {
        Api api;
        const auto id = api.createUser(*conn, email->second, password, *role);
        std::cout << "created user " << id << " <" << email->second << "> as " << core::roleName(*role) << '\n';
    } catch (const std::invalid_argument& e) {
        throw Failure(e.what());
    } catch (const std::exception& e) {
        throw Failure(std::string("cannot create the user: ") + e.what());
    }
    return kOk;
}

int cmdIngest(const Parsed& p) {
    const auto file = p.values.find("--file");
    if (file == p.values.end()) throw UsageError("ingest needs --file");
    std::optional<ingest::Format> format;
    if (const auto it = p.values.find("--format"); it != p.values.end()) {
        format = ingest::formatFromName(it->second);
        if (!format) throw UsageError("--format must be ics, jsonld or csv, not '" + it->second + "'");
    }
    std::ifstream in(file->second, std::ios::binary);
    std::stringstream content;
    if (!in || !(content << in.rdbuf()) || in.bad())
        throw Failure("cannot read '" + file->second + "'");
    const auto payload = content.str();
    if (!format) format = ingest::sniffFormat(file->second, payload);
    if (!format) throw UsageError("cannot tell the format of '" + file->second + "'; give --format ics|jsonld|csv");
    std::string sourceName = "file:" + std::filesystem::path(file->second).filename().string();
    if (const auto it = p.values.find("--source"); it != p.values.end()) sourceName = it->second;

    ingest::IngestOptions options;
    options.chunkEvents = parseCount(p, "--chunk-events", static_cast<unsigned>(options.chunkEvents), 1'000'000);
    if (p.values.count("--stop-after-chunks"))
        options.onChunkCommitted = [stopAfter = parseCount(p, "--stop-after-chunks", 1, 1'000'000)](std::size_t done,
                                                                                                   std::size_t) {
            if (done >= stopAfter) std::_Exit(75); // as if killed: no unwinding, connections just drop
        };

    const auto target = databaseTarget(p);
    auto conn = connectDatabase(target.url());
    migrateDatabase(*conn);
    ingest::IngestReport report;
    try {
        const auto source = ingest::ensureSource(*conn, sourceName, *format);
        report = ingest::ingestPayload(*conn, source, payload, file->second, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    } catch (const std::exception& e) {
        throw Failure(std::string("ingest failed: ") + e.what());
    }
    if (p.flags.count("--json")) {
        std::cout << report.toJson().dump() << '\n';
    } else {
        std::cout << report.created << " new, " << report.updated << " updated, " << report.merged << " merged, "
                  << report.cancelled << " cancelled, " << report.unchanged << " unchanged, "
                  << report.quarantined.size() << " quarantined\n";
        for (const auto& q : report.quarantined) std::cout << "quarantined " << q.ref << ": " << q.reason << '\n';
    }
    if (!report.fatal.empty()) {
        std::cerr << "marquee-server: error: " << file->second << ": " << report.fatal << '\n';
        return kFailure;
    }
    return kOk;
}

std::string formatTime(std::int64_t ms) {
    const auto t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%SZ", &tm);
    return buf;
}

void printReport(const ingest::IngestReport& report, bool json) {
    if (json) {
        std::cout << report.toJson().dump() << '\n';
        return;
    }
    std::cout << report.created << " new, " << report.updated << " updated, " << report.merged << " merged, "
              << report.cancelled << " cancelled, " << report.unchanged << " unchanged, "
              << report.quarantined.size() << " quarantined\n";
    for (const auto& q : report.quarantined) std::cout << "quarantined " << q.ref << ": " << q.reason << '\n';
}

std::string formatDuration(std::int64_t ms) {
    const auto seconds = ms / 1000;
    if (seconds < 60) return std::to_string(seconds) + "." + std::to_string(ms % 1000 / 100) + "s";
    if (seconds < 3600) return std::to_string(seconds / 60) + "m" + std::to_string(seconds % 60) + "s";
    return std::to_string(seconds / 3600) + "h" + std::to_string(seconds % 3600 / 60) + "m";
}

nlohmann::json runToJson(const ingest::IngestRunInfo& r) {
    nlohmann::json out{{"id", r.id},
                       {"source", r.source},
                       {"state", r.state},
                       {"status", r.status},
                       {"started_at_ms", r.startedAtMs},
                       {"finished_at_ms", r.finishedAtMs},
                       {"duration_ms", r.durationMs},
                       {"chunks_total", r.chunksTotal},
                       {"chunks_committed", r.chunksCommitted},
                       {"error", r.error},
                       {"rerun_attempts", r.rerunAttempts}};
    if (r.hasCounts)
        out["counts"] = {{"seen", r.seen},           {"new", r.created},         {"changed", r.changed()},
                         {"unchanged", r.unchanged}, {"quarantined", r.quarantined}, {"cancelled", r.cancelled}};
    if (r.completesRunId != 0) out["reruns_run"] = r.completesRunId;
    if (r.completedByRunId != 0) out["completed_by_run"] = r.completedByRunId;
    return out;
}

// One line per run: counts once known, chunk progress while running, and what became of it.
void printRuns(const std::vector<ingest::IngestRunInfo>& runs) {
    std::cout << "RUN\tSOURCE\tSTATE\tSTARTED\tDURATION\tSEEN\tNEW\tCHANGED\tUNCHANGED\tQUARANTINED\tNOTE\n";
    for (const auto& r : runs) {
        std::cout << r.id << '\t' << r.source << '\t' << r.state << '\t' << formatTime(r.startedAtMs) << '\t'
                  << (r.finishedAtMs != 0 || r.state == "running" ? formatDuration(r.durationMs) : "-");
        if (r.hasCounts)
            std::cout << '\t' << r.seen << '\t' << r.created << '\t' << r.changed() << '\t' << r.unchanged << '\t'
                      << r.quarantined;
        else
            std::cout << "\t-\t-\t-\t-\t-";
        std::vector<std::string> notes;
        if (r.state == "running" || (r.state == "interrupted" && r.chunksTotal > 0))
            notes.push_back("chunks " + std::to_string(r.chunksCommitted) + "/" + std::to_string(r.chunksTotal) +
                            (r.state == "running" ? " written" : " written before it stopped"));
        if (r.completesRunId != 0) notes.push_back("re-run of run " + std::to_string(r.completesRunId));
        if (r.completedByRunId != 0 && r.status != "done")
            notes.push_back("finished by run " + std::to_string(r.completedByRunId));
        if (r.state == "interrupted")
            notes.push_back("re-run " + std::to_string(r.rerunAttempts) + " of " + std::to_string(ingest::kMaxIngestReruns) +
                            " tried, the next run of the source tries again");
        if (!r.error.empty()) notes.push_back(r.error);
        std::cout << '\t';
        for (std::size_t i = 0; i < notes.size(); ++i) std::cout << (i ? "; " : "") << notes[i];
        std::cout << '\n';
    }
}

// sources add|list|runs|pause|resume|run: the feed side of ingestion (ingest/fetcher.hpp).
int cmdSources(const Parsed& p) {
    const auto& ops = p.operands;
    if (ops.empty()) throw UsageError("sources needs a subcommand: add, list, runs, pause, resume or run");
    const auto& sub = ops[0];
    const bool json = p.flags.count("--json") != 0;
    const auto needName = [&] {
        if (ops.size() != 2) throw UsageError("sources " + sub + " needs exactly one NAME");
        return ops[1];
    };
    const auto only = [&](std::set<std::string> allowed) {
        for (const auto& [name, value] : p.values)
            if (name != "--database-url" && name != "--data-dir" && !allowed.count(name))
                throw UsageError("option " + name + " does not apply to 'sources " + sub + "'");
        if (json && !allowed.count("--json")) throw UsageError("option --json does not apply to 'sources " + sub + "'");
    };
    ingest::SourceSpec spec;
    ingest::FetchOptions fetchOptions;
    std::string name;
    unsigned runsLimit = 20;
    if (sub == "add") {
        only({"--url", "--format", "--every", "--zone"});
        spec.name = needName();
        const auto url = p.values.find("--url");
        const auto format = p.values.find("--format");
        if (url == p.values.end()) throw UsageError("sources add needs --url");
        if (format == p.values.end()) throw UsageError("sources add needs --format ics|jsonld|csv");
        const auto f = ingest::formatFromName(format->second);
        if (!f) throw UsageError("--format must be ics, jsonld or csv, not '" + format->second + "'");
        spec.url = url->second;
        spec.format = *f;
        spec.everyMinutes = static_cast<int>(parseCount(p, "--every", 60, 525'600));
        if (const auto it = p.values.find("--zone"); it != p.values.end()) spec.zone = it->second;
    } else if (sub == "list") {
        only({"--json"});
        if (ops.size() != 1) throw UsageError("sources list takes no NAME");
    } else if (sub == "runs") {
        only({"--json", "--limit"});
        if (ops.size() > 2) throw UsageError("sources runs takes at most one NAME");
        if (ops.size() == 2) name = ops[1];
        runsLimit = parseCount(p, "--limit", runsLimit, 10'000);
    } else if (sub == "pause" || sub == "resume") {
        only({});
        name = needName();
    } else if (sub == "run") {
        only({"--json", "--timeout-ms"});
        name = needName();
        fetchOptions.timeout = std::chrono::milliseconds(parseCount(p, "--timeout-ms", 30'000, 3'600'000));
    } else {
        throw UsageError("unknown sources subcommand '" + sub + "' (add, list, runs, pause, resume, run)");
    }

    const auto target = databaseTarget(p);
    auto conn = connectDatabase(target.url());
    migrateDatabase(*conn);
    try {
        if (sub == "add") {
            const auto info = ingest::addSource(*conn, spec);
            std::cout << "added source " << info.name << " (" << info.format << ", every " << info.intervalSeconds / 60
                      << " min): " << info.url << '\n';
            return kOk;
        }
        if (sub == "list") {
            const auto all = ingest::listSources(*conn);
            if (json) {
                auto out = nlohmann::json::array();
                for (const auto& s : all) out.push_back(s.toJson());
                std::cout << out.dump() << '\n';
                return kOk;
            }
            std::cout << "NAME\tFORMAT\tEVERY\tSTATE\tLAST\tFAILURES\tNEXT RUN\tURL\n";
            for (const auto& s : all)
                std::cout << s.name << '\t' << s.format << '\t' << (s.kind == "url" ? std::to_string(s.intervalSeconds / 60) + "m" : "-")
                          << '\t' << (s.paused ? "paused" : "active") << '\t' << s.lastStatus << '\t' << s.failures << '\t'
                          << (s.kind == "url" ? formatTime(s.nextRunAtMs) : "-") << '\t' << s.url
                          << (s.lastError.empty() ? "" : "\t(" + s.lastError + ")") << '\n';
            return kOk;
        }
        if (sub == "runs") {
            if (!name.empty() && !ingest::findSource(*conn, name)) throw Failure("no source named '" + name + "'");
            const auto runs = ingest::listIngestRuns(*conn, name, runsLimit);
            if (json) {
                auto out = nlohmann::json::array();
                for (const auto& r : runs) out.push_back(runToJson(r));
                std::cout << out.dump() << '\n';
            } else {
                printRuns(runs);
            }
            return kOk;
        }
        if (sub == "pause" || sub == "resume") {
            if (!ingest::setSourcePaused(*conn, name, sub == "pause")) throw Failure("no source named '" + name + "'");
            std::cout << (sub == "pause" ? "paused " : "resumed ") << name << '\n';
            return kOk;
        }
        const auto result = ingest::runSource(*conn, name, fetchOptions, {});
        if (result.report) {
            printReport(*result.report, json);
        } else if (json) {
            nlohmann::json out{{"new", 0},        {"updated", 0},   {"merged", 0},         {"cancelled", 0},
                               {"quarantined", nlohmann::json::array()}, {"unchanged", 0}, {"outside_horizon", 0}};
            if (result.status == ingest::FetchResult::Status::NotModified) out["not_modified"] = true;
            else out["error"] = result.error;
            std::cout << out.dump() << '\n';
        } else if (result.status == ingest::FetchResult::Status::NotModified) {
            std::cout << "not modified\n";
        }
        if (result.status == ingest::FetchResult::Status::Failed) {
            std::cerr << "marquee-server: error: " << name << ": " << result.error << " (failure "
                      << result.after.failures << ", next attempt " << formatTime(result.after.nextRunAtMs) << ")\n";
            return kFailure;
        }
        return kOk;
    } catch (const std::invalid_argument& e) {
        throw Failure(e.what());
    } catch (const Failure&) {
        throw;
    } catch (const std::exception& e) {
        throw Failure("sources " + sub + " failed: " + e.what());
    }
}

void parseMailOptions(const Parsed& p, ServerOptions& options) {
    const auto value = [&p](const char* name) {
        const auto it = p.values.find(name);
        return it == p.values.end() ? std::string() : it->second;
    };
    options.smtp.url = value("--smtp-url");
    if (!options.smtp.url.empty() && options.smtp.url.rfind("smtp://", 0) != 0 && options.smtp.url.rfind("smtps://", 0) != 0)
        throw UsageError("--smtp-url must start with smtp:// or smtps://");
    options.smtp.user = value("--smtp-user");
    options.smtp.password = value("--smtp-password");
    if (options.smtp.user.empty() != options.smtp.password.empty())
        throw UsageError("--smtp-user and --smtp-password go together");
    options.smtp.caFile = value("--smtp-ca-file");
    options.smtp.requireTls = p.flags.count("--smtp-require-tls") != 0;
    if (options.smtp.url.empty() && (!options.smtp.user.empty() || !options.smtp.caFile.empty() || options.smtp.requireTls))
        throw UsageError("the --smtp-* options need --smtp-url");
    if (const auto from = value("--mail-from"); !from.empty()) {
        options.mailFrom = mail::parseMailSender(from);
        if (!options.mailFrom) throw UsageError("--mail-from: '" + from + "' is not one mail address");
    }
    if (const auto url = value("--public-url"); !url.empty()) {
        const auto normalised = mail::normalisePublicBaseUrl(url);
        if (!normalised) throw UsageError("--public-url: '" + url + "' is not http(s)://HOST[:PORT][/PATH]");
        options.publicUrl = *normalised;
    }
}

int cmdServe(const Parsed& p) {
    ServerOptions options;
    if (const auto it = p.values.find("--listen"); it != p.values.end()) {
        const auto [host, port] = parseListen(it->second);
        options.host = host;
        options.port = port;
    }
    if (const auto it = p.values.find("--database-url"); it != p.values.end()) options.databaseUrl = it->second;
    if (const auto it = p.values.find("--data-dir"); it != p.values.end()) options.dataDir = it->second;
    if (const auto it = p.values.find("--port-file"); it != p.values.end()) options.portFile = it->second;
    options.demo = p.flags.count("--demo") != 0;
    options.threads = parseCount(p, "--threads", 2, 256);
    options.dbWorkers = parseCount(p, "--db-workers", 4, 128);
    const auto searchWorkers = p.values.find("--search-workers");
    options.searchWorkers = searchWorkers != p.values.end() && searchWorkers->second == "0"
                                ? 0
                                : parseCount(p, "--search-workers", 4, 128);
    if (const auto it = p.values.find("--search-database-url"); it != p.values.end()) {
        if (it->second.empty()) throw UsageError("--search-database-url is empty");
        options.searchDatabaseUrl = it->second;
    }
    options.limits.maxConnectionsPerAddress = parseCount(p, "--max-connections-per-ip", 256, 1'000'000);
    options.limits.ratePerSecond = parseCount(p, "--rate-limit", 200, 1'000'000);
    options.limits.burst = parseCount(p, "--rate-burst", 400, 1'000'000);
    if (const auto it = p.values.find("--trusted-proxy"); it != p.values.end()) {
        std::string_view list = it->second;
        while (!list.empty()) {
            const auto comma = list.find(',');
            const auto item = list.substr(0, comma);
            const auto cidr = net::Cidr::parse(item);
            if (!cidr) throw UsageError("--trusted-proxy: '" + std::string(item) + "' is not an address or CIDR range");
            options.limits.trustedProxies.push_back(*cidr);
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        }
    }
    parseMailOptions(p, options);
    auto& payment = options.payments;
    const auto value = [&](const char* name) {
        const auto it = p.values.find(name);
        return it == p.values.end() ? std::string() : it->second;
    };
    payment.apiUrl = value("--payment-url");
    payment.secretKey = value("--payment-secret-key");
    payment.publishableKey = value("--payment-publishable-key");
    payment.webhookSecret = value("--payment-webhook-secret");
    const auto terminalIds = value("--terminal-ids");
    for (std::string_view list = terminalIds; !list.empty();) {
        const auto comma = list.find(',');
        payment.terminalIds.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    const auto milliseconds = [&p](const char* name, std::chrono::milliseconds fallback) {
        return std::chrono::milliseconds(parseCount(p, name, static_cast<unsigned>(fallback.count()), 3'600'000));
    };
    payment.callTimeout = milliseconds("--payment-timeout-ms", payment.callTimeout);
    payment.terminalTimeout = milliseconds("--terminal-timeout-ms", payment.terminalTimeout);
    payment.connectTimeout = milliseconds("--payment-connect-timeout-ms", payment.connectTimeout);
    if (payment.apiUrl.empty() && (p.values.count("--payment-timeout-ms") || p.values.count("--terminal-timeout-ms") ||
                                   p.values.count("--payment-connect-timeout-ms")))
        throw UsageError("the payment timeout options need --payment-url");
    if (const auto problem = payments::checkCardProviderOptions(payment)) throw UsageError(*problem);

    Server server(std::move(options));
    try {
        server.start();
    } catch (const StartupError& e) {
        throw Failure(e.what());
    }
    server.run();
    return kOk;
}

} // namespace

int runCli(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    Parsed parsed;
    try {
        parsed = parse(args);
    } catch (const UsageError& e) {
        std::cerr << "marquee-server: " << e.what() << "\nTry 'marquee-server --help'.\n";
        return kUsage;
    }
    if (parsed.help) {
        std::cout << kUsageText;
        return kOk;
    }
    if (parsed.version) {
        std::cout << "marquee-server " << core::kProductVersion << " (protocol " << core::kProtocolMajor << '.'
                  << core::kProtocolMinor << ")\n";
        return kOk;
    }
    // Before anything hashes or draws random tokens (libsodium picks its implementations here).
    if (sodium_init() < 0) {
        std::cerr << "marquee-server: error: libsodium could not be initialised\n";
        return kFailure;
    }
    log::init(parsed.logLevel);
    initCurlOnce(); // libcurl's global set-up is not for threads that already run
    try {
        if (parsed.command == "serve") return cmdServe(parsed);
        if (parsed.command == "migrate") return cmdMigrate(parsed);
        if (parsed.command == "ingest") return cmdIngest(parsed);
        if (parsed.command == "sources") return cmdSources(parsed);
        return cmdCreateUser(parsed);
    } catch (const UsageError& e) {
        std::cerr << "marquee-server: " << e.what() << "\nTry 'marquee-server --help'.\n";
        return kUsage;
    } catch (const Failure& e) {
        log::error("failed", {{"command", parsed.command}, {"error", e.what()}});
        std::cerr << "marquee-server: error: " << e.what() << '\n';
        return kFailure;
    } catch (const std::exception& e) {
        log::error("failed", {{"command", parsed.command}, {"error", e.what()}});
        std::cerr << "marquee-server: error: " << e.what() << '\n';
        return kFailure;
    }
}

} // namespace marquee::server::app
