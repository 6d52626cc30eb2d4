// marquee-server entry point: parses the command line and runs the chosen subcommand.
#include "app/cli.hpp"

int main(int argc, char** argv) { return marquee::server::app::runCli(argc, argv); }
