// A small blocking HTTP(S) client over libcurl for the payment providers (Stripe-style REST,
// card terminals) and the payment sandbox's webhook delivery. One easy handle per call, so
// an HttpClient is safe to share between threads.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace marquee::server::payments {

struct HttpRequest {
    std::string method = "GET";           // GET, POST, DELETE
    std::string url;
    std::vector<std::string> headers;      // "Name: value"
    std::string body;                      // sent for POST (with the Content-Type header given)
};

struct HttpResponse {
    enum class Transport {
        Completed,     // a status line and the whole body arrived
        ConnectFailed, // nothing was sent: the request cannot have been processed
        TimedOut,      // sent (or maybe sent) but no complete answer in time: outcome unknown
        Failed,        // connection dropped or another transport error: outcome unknown
    };
    Transport transport = Transport::Failed;
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names lower-cased; a repeated header keeps the last
    std::string error;                          // curl's message when not Completed

    bool completed() const { return transport == Transport::Completed; }
    std::string header(const std::string& lowerCaseName) const;
};

class HttpClient {
public:
    struct Options {
        std::chrono::milliseconds timeout{10'000};        // the whole exchange
        std::chrono::milliseconds connectTimeout{3'000};
        std::size_t maxResponseBytes = 1024 * 1024;
        std::string userAgent = "marquee-server";
    };
    HttpClient();
    explicit HttpClient(Options options);

    // Never throws for network problems: they are in HttpResponse::transport.
    HttpResponse send(const HttpRequest& request) const;
    const Options& options() const { return m_options; }

private:
    Options m_options;
};

} // namespace marquee::server::payments
