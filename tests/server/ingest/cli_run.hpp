// Runs the real marquee-server binary with arguments and collects its exit code and output,
// for the ingest CLI tests.
#pragma once

#include "test_server.hpp"

#include <QProcess>
#include <QStringList>

namespace marquee::test {

struct CliRun {
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QString err;
};

inline CliRun runServerCli(const QStringList& args) {
    QProcess proc;
    proc.start(marquee::testing::TestServer::serverBinary(), args);
    CliRun run;
    if (!proc.waitForStarted(10'000) || !proc.waitForFinished(120'000)) {
        proc.kill();
        proc.waitForFinished();
        return run;
    }
    run.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    run.out = proc.readAllStandardOutput();
    run.err = QString::fromUtf8(proc.readAllStandardError());
    return run;
}

} // namespace marquee::test
