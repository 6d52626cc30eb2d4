// marquee-payment-sandbox: a local Stripe-style payment provider with card terminals and signed
// webhooks, for tests and the demo (like stripe-mock, but with state, faults and webhooks).
#include "sandbox.hpp"
#include "sandbox_http.hpp"
#include "webhook_dispatcher.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage = R"(Usage: marquee-payment-sandbox [OPTIONS]

A local Stripe-style payment provider for tests and the demo: PaymentMethods, PaymentIntents,
Refunds, Events, card-terminal readers, signed webhooks, and /_sandbox/ control endpoints
(faults, terminal outcomes, webhook redelivery, audit). See docs/payments.md.

Options:
  --listen HOST:PORT       address to listen on (default 127.0.0.1:12111; port 0 picks one)
  --port-file FILE         write the bound port to FILE once listening
  --secret-key KEY         the secret API key (default sk_test_marquee_sandbox)
  --publishable-key KEY    the publishable key (default pk_test_marquee_sandbox)
  --webhook-url URL        where events are POSTed (default: none until set by
                           POST /_sandbox/webhooks url=...)
  --webhook-secret SECRET  the endpoint's signing secret (default whsec_marquee_sandbox)
  --readers ID[,ID...]     card-terminal reader ids (default tmr_box_office_1,tmr_box_office_2)
  --webhook-retry-ms N     first retry delay of a failed delivery, doubling (default 500)
  --webhook-attempts N     deliveries per event before giving up (default 8)
  -h, --help               show this help
)";

int usage(const std::string& message) {
    std::cerr << "marquee-payment-sandbox: " << message << "\nTry 'marquee-payment-sandbox --help'.\n";
    return 2;
}

bool parseNumber(const std::string& text, long long max, long long* out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size() && *out >= 0 && *out <= max;
}

} // namespace

int main(int argc, char** argv) {
    using namespace marquee::sandbox;
    SandboxConfig config;
    std::string host = "127.0.0.1";
    long long port = 12111;
    std::filesystem::path portFile;
    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (i + 1 >= args.size()) return usage("unknown option or missing value: " + arg);
        const auto& value = args[++i];
        long long number = 0;
        if (arg == "--listen") {
            const auto colon = value.rfind(':');
            if (colon == std::string::npos || !parseNumber(value.substr(colon + 1), 65535, &port))
                return usage("--listen must be HOST:PORT, not '" + value + "'");
            host = value.substr(0, colon);
        } else if (arg == "--port-file") {
            portFile = value;
        } else if (arg == "--secret-key") {
            if (value.rfind("sk_", 0) != 0) return usage("--secret-key must start with sk_");
            config.secretKey = value;
        } else if (arg == "--publishable-key") {
            if (value.rfind("pk_", 0) != 0) return usage("--publishable-key must start with pk_");
            config.publishableKey = value;
        } else if (arg == "--webhook-url") {
            config.webhookUrl = value;
        } else if (arg == "--webhook-secret") {
            if (value.rfind("whsec_", 0) != 0) return usage("--webhook-secret must start with whsec_");
            config.webhookSecret = value;
        } else if (arg == "--readers") {
            config.readers.clear();
            std::string rest = value;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                if (comma != 0) config.readers.push_back(rest.substr(0, comma));
                rest = comma == std::string::npos ? std::string() : rest.substr(comma + 1);
            }
        } else if (arg == "--webhook-retry-ms") {
            if (!parseNumber(value, 3'600'000, &number) || number == 0) return usage("--webhook-retry-ms: 1 to 3600000");
            config.webhookRetryBase = std::chrono::milliseconds(number);
        } else if (arg == "--webhook-attempts") {
            if (!parseNumber(value, 100, &number) || number == 0) return usage("--webhook-attempts: 1 to 100");
            config.webhookMaxAttempts = static_cast<int>(number);
        } else {
            return usage("unknown option '" + arg + "'");
        }
    }

    Sandbox sandbox(config);
    WebhookDispatcher dispatcher(sandbox);
    sandbox.setWebhookOutbox(&dispatcher);
    boost::asio::io_context ioc(1);
    HttpServer server(ioc, sandbox);
    unsigned short bound = 0;
    try {
        bound = server.listen(host, static_cast<unsigned short>(port));
    } catch (const std::exception& e) {
        std::cerr << "marquee-payment-sandbox: error: cannot listen on " << host << ':' << port << ": " << e.what() << '\n';
        return 1;
    }
    dispatcher.start();
    if (!portFile.empty()) {
        auto tmp = portFile;
        tmp += ".tmp";
        std::ofstream(tmp) << bound << '\n';
        std::error_code ec;
        std::filesystem::rename(tmp, portFile, ec);
        if (ec) {
            std::cerr << "marquee-payment-sandbox: error: cannot write " << portFile << ": " << ec.message() << '\n';
            return 1;
        }
    }
    std::cerr << "marquee-payment-sandbox listening on http://" << host << ':' << bound << std::endl;
    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        server.close();
        ioc.stop();
    });
    ioc.run();
    dispatcher.stop();
    return 0;
}
