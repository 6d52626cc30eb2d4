// The marquee-server command line: serve, migrate, create-user, --help, --version.
#pragma once

namespace marquee::server::app {

// Exit codes: 0 success, 1 runtime failure (database, migration, start-up), 2 usage error.
int runCli(int argc, char** argv);

} // namespace marquee::server::app
