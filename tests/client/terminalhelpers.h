// The server's card terminals for client tests: `serve` arguments that make the payment
// sandbox's readers the box office's terminals (the sandbox process stands in for the card
// network, which cannot run here).
#pragma once

#include "sandbox_process.hpp"

#include <QString>
#include <QStringList>

namespace marquee::client::testing {

// `serve` arguments for a server whose card terminals are the sandbox's readers.
inline QStringList terminalServerArgs(const marquee::testing::SandboxProcess& sandbox)
{
    using marquee::testing::SandboxProcess;
    return {QStringLiteral("--demo"), QStringLiteral("--payment-url"), QString::fromStdString(sandbox.url()),
            QStringLiteral("--payment-secret-key"), QString::fromLatin1(SandboxProcess::kSecretKey),
            QStringLiteral("--payment-publishable-key"), QString::fromLatin1(SandboxProcess::kPublishableKey),
            QStringLiteral("--terminal-ids"), QStringLiteral("tmr_test_1,tmr_test_2")};
}

} // namespace marquee::client::testing
