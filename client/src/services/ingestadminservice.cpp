// IngestAdminService: builds the admin requests (Envelope 80-88, 130-133, 183) and turns the answers into
// Qt value types for the admin window.
#include "services/ingestadminservice.h"

#include "net/protobytes.h"
#include "net/syncclient.h"

#include "marquee/v1/envelope.pb.h"

namespace marquee::client {

namespace {

QDateTime fromMs(std::int64_t ms) { return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime(); }

IngestCountsInfo fromProto(const v1::IngestCounts& c)
{
    return IngestCountsInfo{c.created(), c.updated(), c.merged(), c.cancelled(), c.unchanged(), c.quarantined()};
}

IngestSourceInfo fromProto(const v1::SourceState& s)
{
    IngestSourceInfo info;
    info.name = toQString(s.name());
    info.kind = toQString(s.kind());
    info.url = toQString(s.url());
    info.format = toQString(s.format());
    info.intervalSeconds = s.interval_seconds();
    info.paused = s.paused();
    info.lastRunAt = fromMs(s.last_run_at_ms());
    info.lastStatus = toQString(s.last_status());
    info.lastError = toQString(s.last_error());
    info.lastCounts = fromProto(s.last_counts());
    info.nextRunAt = fromMs(s.next_run_at_ms());
    info.failures = s.failures();
    info.openQuarantine = s.open_quarantine();
    if (s.has_progress()) {
        info.runStage = toQString(s.progress().stage());
        info.runDone = s.progress().done();
        info.runTotal = s.progress().total();
    }
    return info;
}

IngestRunInfo fromProto(const v1::IngestRun& r)
{
    IngestRunInfo info;
    info.id = r.id();
    info.source = toQString(r.source());
    info.state = toQString(r.state());
    info.startedAt = fromMs(r.started_at_ms());
    info.finishedAt = fromMs(r.finished_at_ms());
    info.durationMs = r.duration_ms();
    info.chunksTotal = r.chunks_total();
    info.chunksCommitted = r.chunks_committed();
    info.hasCounts = r.has_counts();
    info.seen = r.seen();
    info.counts = fromProto(r.counts());
    info.error = toQString(r.error());
    info.rerunsRunId = r.reruns_run_id();
    info.completedByRunId = r.completed_by_run_id();
    info.rerunAttempts = r.rerun_attempts();
    info.rerunLimit = r.rerun_limit();
    if (r.has_progress()) {
        info.runStage = toQString(r.progress().stage());
        info.runDone = r.progress().done();
        info.runTotal = r.progress().total();
    }
    return info;
}

} // namespace

IngestAdminService::IngestAdminService(SyncClient* sync, QObject* parent)
    : QObject(parent)
    , m_sync(sync)
{
    connect(m_sync, &SyncClient::ingestAdminAnswered, this, &IngestAdminService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &IngestAdminService::onFailed);
}

quint64 IngestAdminService::send(Kind kind, v1::Envelope& request, const QString& source, const QString& external,
                                 bool paused)
{
    const quint64 id = m_sync->sendIngestAdmin(request);
    m_pending.insert(id, Pending{kind, source, external, paused});
    return id;
}

void IngestAdminService::refreshSources()
{
    v1::Envelope env;
    env.mutable_list_sources();
    send(Kind::Sources, env);
}

void IngestAdminService::runSource(const QString& name)
{
    if (isRunning(name))
        return; // one run per source at a time from this window; the server serialises the rest
    v1::Envelope env;
    env.mutable_run_source()->set_name(name.toStdString());
    send(Kind::Run, env, name);
    Q_EMIT runStarted(name);
}

bool IngestAdminService::isRunning(const QString& name) const
{
    for (const auto& p : m_pending)
        if (p.kind == Kind::Run && p.source == name)
            return true;
    return false;
}

void IngestAdminService::refreshQuarantine(const QString& source)
{
    v1::Envelope env;
    env.mutable_list_quarantine()->set_source(source.toStdString());
    send(Kind::Quarantine, env, source);
}

void IngestAdminService::retry(const QVector<qint64>& ids)
{
    v1::Envelope env;
    for (const qint64 id : ids)
        env.mutable_retry_quarantined()->add_ids(id);
    send(Kind::Retry, env);
}

void IngestAdminService::setCategoryMapping(const QString& source, const QString& externalCategory,
                                            const QString& marqueeCategory)
{
    v1::Envelope env;
    auto* mapping = env.mutable_set_category_mapping();
    mapping->set_source(source.toStdString());
    mapping->set_external_category(externalCategory.toStdString());
    mapping->set_marquee_category(marqueeCategory.toStdString());
    send(Kind::Mapping, env, source, externalCategory);
}

void IngestAdminService::addSource(const NewSourceInfo& source)
{
    v1::Envelope env;
    auto* add = env.mutable_add_source();
    add->set_name(source.name.toStdString());
    add->set_url(source.url.toStdString());
    add->set_format(source.format.toStdString());
    add->set_interval_minutes(source.intervalMinutes);
    add->set_time_zone(source.timeZone.toStdString());
    send(Kind::Add, env, source.name);
}

void IngestAdminService::setPaused(const QString& source, bool paused)
{
    v1::Envelope env;
    env.mutable_set_source_paused()->set_name(source.toStdString());
    env.mutable_set_source_paused()->set_paused(paused);
    send(Kind::Pause, env, source, {}, paused);
}

void IngestAdminService::refreshMappings(const QString& source)
{
    v1::Envelope env;
    env.mutable_list_category_mappings()->set_source(source.toStdString());
    send(Kind::Mappings, env, source);
}

void IngestAdminService::refreshRuns(const QString& source, quint32 limit)
{
    v1::Envelope env;
    env.mutable_list_ingest_runs()->set_source(source.toStdString());
    env.mutable_list_ingest_runs()->set_limit(limit);
    send(Kind::Runs, env, source);
}

void IngestAdminService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    switch (pending.kind) {
    case Kind::Sources: {
        QVector<IngestSourceInfo> sources;
        for (const auto& s : answer->source_list().sources())
            sources.push_back(fromProto(s));
        Q_EMIT sourcesReceived(sources);
        break;
    }
    case Kind::Run: {
        const auto& r = answer->source_run_result();
        Q_EMIT runFinished(pending.source, SourceRunInfo{toQString(r.status()), toQString(r.error()),
                                                         fromProto(r.counts()), fromProto(r.source())});
        break;
    }
    case Kind::Quarantine: {
        QVector<QuarantineInfo> entries;
        for (const auto& e : answer->quarantine_list().entries())
            entries.push_back(QuarantineInfo{e.id(), toQString(e.source()), toQString(e.ref()),
                                             toQString(e.reason()), toQString(e.raw_excerpt()),
                                             fromMs(e.fetched_at_ms()), e.attempts()});
        Q_EMIT quarantineReceived(entries);
        break;
    }
    case Kind::Retry: {
        QVector<RetryOutcomeInfo> outcomes;
        for (const auto& o : answer->retry_results().results())
            outcomes.push_back(RetryOutcomeInfo{o.id(), o.resolved(), toQString(o.reason())});
        Q_EMIT retryFinished(outcomes);
        break;
    }
    case Kind::Mapping:
        Q_EMIT mappingSaved(pending.source, pending.external);
        break;
    case Kind::Add:
        if (answer->source_list().sources_size() > 0)
            Q_EMIT sourceAdded(fromProto(answer->source_list().sources(0)));
        break;
    case Kind::Pause:
        Q_EMIT pausedChanged(pending.source, pending.paused);
        break;
    case Kind::Mappings: {
        QVector<CategoryMappingInfo> mappings;
        for (const auto& m : answer->category_mapping_list().mappings())
            mappings.push_back(CategoryMappingInfo{toQString(m.source()), toQString(m.external_category()),
                                                   toQString(m.marquee_category())});
        Q_EMIT mappingsReceived(mappings);
        break;
    }
    case Kind::Runs: {
        QVector<IngestRunInfo> runs;
        for (const auto& r : answer->ingest_run_list().runs())
            runs.push_back(fromProto(r));
        Q_EMIT runsReceived(pending.source, runs);
        break;
    }
    }
}

void IngestAdminService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return; // another service's request
    const QString source = it->kind == Kind::Run ? it->source : QString();
    m_pending.erase(it);
    Q_EMIT requestFailed(source, error);
}

} // namespace marquee::client
