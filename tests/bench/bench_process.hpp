// What the benchmarks that drive the real server measure besides wall time, on a shared machine:
// the load average, and the CPU seconds a process (the server) or a process's children
// (PostgreSQL's backends, under the test cluster's postmaster) used, from /proc.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

#include <string>

#include <unistd.h>

namespace marquee::bench {

inline std::string loadAverage() {
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly)) return "unknown";
    return file.readAll().trimmed().toStdString();
}

// CPU seconds (user + system) process `pid` has used so far (/proc/<pid>/stat fields 14, 15);
// with `children`, the sum over the processes whose parent is `pid` instead (a postmaster's
// backends).
inline double cpuSeconds(qint64 pid, bool children = false) {
    const auto ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    const auto ofStat = [&](const QString& path, qint64* parent) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) return 0.0;
        const auto text = QString::fromLatin1(file.readAll());
        // Fields after the ")" that closes the command name: state is field 3.
        const auto fields = text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
        if (fields.size() < 13) return 0.0;
        if (parent) *parent = fields[1].toLongLong();
        return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
    };
    if (!children) return ofStat(QStringLiteral("/proc/%1/stat").arg(pid), nullptr);
    double sum = 0;
    for (const auto& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric) continue;
        qint64 parent = 0;
        const auto used = ofStat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"), &parent);
        if (parent == pid) sum += used;
    }
    return sum;
}

inline qint64 postmasterPid() {
    QFile file(qEnvironmentVariable("MARQUEE_TEST_PG_DIR") + QStringLiteral("/data/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly)) return 0;
    return QString::fromLatin1(file.readLine()).trimmed().toLongLong();
}

} // namespace marquee::bench
