// libcurl's process-wide set-up (curl_global_init) for the payment HTTP client and the SMTP
// client: once per process, from runCli at startup before any thread runs.
#pragma once

namespace marquee::server {

// curl_global_init(CURL_GLOBAL_DEFAULT) the first time; later calls do nothing. The clients
// call it too, so code that runs without the CLI (tests, tools) is set up on first use.
void initCurlOnce();

} // namespace marquee::server
