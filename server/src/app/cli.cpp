// Hand-written argument parsing: the CLI is small, and this keeps its error messages exact.
// Global options (--log-level, --help, --version) may appear anywhere on the line.
#include "app/cli.hpp"

#include "app/server.hpp"
#include "common/log.hpp"
#include "db/embedded_postgres.hpp"
#include "db/migrations.hpp"
#include "ingest/ingest.hpp"
#include "marquee/core/domain.hpp"
#include "marquee/core/version.hpp"
#include "services/api.hpp"

#include <pqxx/pqxx>
#include <sodium.h>

#include <termios.h>
#include <unistd.h>

#include <charconv>
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

Database (serve, migrate, create-user, ingest; at most one of):
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
  --trusted-proxy CIDR[,CIDR...]
                       believe X-Forwarded-For from these peers (a TLS proxy)
  --max-connections-per-ip N
                       open connections per client address, IPv6 per /64 (default 256)

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
    std::string logLevel = "info";
    bool help = false;
    bool version = false;
};

// Which options take a value, and which commands accept them.
const std::map<std::string, std::set<std::string>>& valueOptions() {
    static const std::map<std::string, std::set<std::string>> options{
        {"--database-url", {"serve", "migrate", "create-user", "ingest"}},
        {"--data-dir", {"serve", "migrate", "create-user", "ingest"}},
        {"--listen", {"serve"}},
        {"--port-file", {"serve"}},
        {"--threads", {"serve"}},
        {"--db-workers", {"serve"}},
        {"--trusted-proxy", {"serve"}},
        {"--max-connections-per-ip", {"serve"}},
        // Not in --help: tests slow the rate limit down so they do not race the server.
        {"--rate-limit", {"serve"}},
        {"--rate-burst", {"serve"}},
        {"--email", {"create-user"}},
        {"--role", {"create-user"}},
        {"--file", {"ingest"}},
        {"--format", {"ingest"}},
        {"--source", {"ingest"}},
    };
    return options;
}

const std::map<std::string, std::set<std::string>>& flagOptions() {
    static const std::map<std::string, std::set<std::string>> options{{"--demo", {"serve"}}, {"--json", {"ingest"}}};
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
    if (p.command != "serve" && p.command != "migrate" && p.command != "create-user" && p.command != "ingest")
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

// The database a DB command talks to; starts the embedded cluster when no URL is given.
class DatabaseTarget {
public:
    explicit DatabaseTarget(const Parsed& p) {
        if (const auto it = p.values.find("--database-url"); it != p.values.end()) {
            m_url = it->second;
            return;
        }
        const auto it = p.values.find("--data-dir");
        const auto dir = it != p.values.end() ? std::filesystem::path(it->second) : db::EmbeddedPostgres::defaultDataDir();
        m_embedded = std::make_unique<db::EmbeddedPostgres>(dir);
        try {
            m_embedded->start();
        } catch (const std::exception& e) {
            throw Failure(std::string("embedded PostgreSQL: ") + e.what());
        }
        m_url = m_embedded->connectionString();
    }
    const std::string& url() const { return m_url; }

private:
    std::unique_ptr<db::EmbeddedPostgres> m_embedded; // stopped on destruction if we started it
    std::string m_url;
};

std::unique_ptr<pqxx::connection> connect(const std::string& url) {
    try {
        return std::make_unique<pqxx::connection>(url);
    } catch (const std::exception& e) {
        throw Failure(std::string("cannot connect to the database: ") + e.what());
    }
}

db::MigrationReport runMigrations(pqxx::connection& conn) {
    try {
        return db::migrate(conn, db::builtinMigrations());
    } catch (const db::MigrationError& e) {
        throw Failure(std::string("migration failed: ") + e.what());
    } catch (const pqxx::broken_connection& e) {
        throw Failure(std::string("lost the database connection: ") + e.what());
    } catch (const std::exception& e) {
        throw Failure(std::string("migration failed: ") + e.what());
    }
}

int cmdMigrate(const Parsed& p) {
    DatabaseTarget target(p);
    auto conn = connect(target.url());
    const auto report = runMigrations(*conn);
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

    DatabaseTarget target(p);
    auto conn = connect(target.url());
    runMigrations(*conn);
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

    DatabaseTarget target(p);
    auto conn = connect(target.url());
    runMigrations(*conn);
    ingest::IngestReport report;
    try {
        const auto source = ingest::ensureSource(*conn, sourceName, *format);
        report = ingest::ingestPayload(*conn, source, payload, file->second, {});
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
    try {
        if (parsed.command == "serve") return cmdServe(parsed);
        if (parsed.command == "migrate") return cmdMigrate(parsed);
        if (parsed.command == "ingest") return cmdIngest(parsed);
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
