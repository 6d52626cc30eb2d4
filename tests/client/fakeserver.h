// A scripted in-process marquee server (QWebSocketServer speaking the v1 protobuf protocol)
// for client sync tests that must not depend on PostgreSQL.
#pragma once

#include "marquee/protocol/conversions.hpp"
#include "marquee/v1/envelope.pb.h"

#include <QList>
#include <QSet>
#include <QWebSocket>
#include <QWebSocketServer>

namespace marquee::client::testing {

class FakeServer : public QObject {
    Q_OBJECT
public:
    struct Conn {
        QWebSocket* socket;
        qint64 userId;
        bool atHead = false;
    };

    explicit FakeServer(QObject* parent = nullptr) : QObject(parent), m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, &FakeServer::onNewConnection);
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    ~FakeServer() override { close(); }

    void close()
    {
        m_server.close();
        const QList<Conn> conns = std::exchange(m_conns, {});
        for (const Conn& c : conns) {
            c.socket->disconnect(this);
            c.socket->abort();
            delete c.socket;
        }
    }
    quint16 port() const { return m_port ? m_port : (m_port = m_server.serverPort()); }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/ws").arg(port())); }

    quint64 head() const { return m_log.size(); }
    void append(const std::string& type, const std::string& id, const std::string& payload, bool deleted = false,
                qint64 scopeUser = 0)
    {
        v1::Change c;
        c.set_seq(m_log.size() + 1);
        c.set_aggregate_type(type);
        c.set_aggregate_id(id);
        c.set_op(deleted ? v1::CHANGE_OP_DELETE : v1::CHANGE_OP_UPSERT);
        c.set_payload(payload);
        m_log.push_back(c);
        m_scope.push_back(scopeUser);
    }
    void appendEvent(const core::Event& e)
    {
        v1::Event msg;
        protocol::toProto(e, &msg);
        append("event", e.id, msg.SerializeAsString());
    }
    // Sends the rows after `from` to every connection that has pulled to the head.
    void pushFrom(quint64 from)
    {
        for (Conn& c : m_conns)
            if (c.atHead)
                send(c, 0, batch(c.userId, from, 0, true));
    }

    int pulls = 0;
    QList<v1::WishlistMutation> mutations;
    QSet<QString> seenKeys;
    QStringList bearerTokens;
    int throttleSeconds = 0; // > 0: logins are throttled

Q_SIGNALS:
    void mutationReceived();

private:
    v1::ChangeBatch batch(qint64 user, quint64 cursor, quint32 limit, bool toHead)
    {
        v1::ChangeBatch b;
        b.set_from_cursor(cursor);
        const quint32 max = limit == 0 ? 5000 : limit;
        quint64 next = cursor;
        for (quint64 i = cursor; i < m_log.size() && (toHead || b.changes_size() < static_cast<int>(max)); ++i) {
            next = i + 1;
            if (m_scope[i] == 0 || m_scope[i] == user)
                *b.add_changes() = m_log[i];
        }
        b.set_next_cursor(next);
        b.set_has_more(next < m_log.size());
        b.set_head(m_log.size());
        return b;
    }

    void send(Conn& c, quint64 id, const v1::ChangeBatch& b)
    {
        v1::Envelope env;
        env.set_request_id(id);
        *env.mutable_change_batch() = b;
        sendEnv(c.socket, env);
    }
    static void sendEnv(QWebSocket* s, const v1::Envelope& env)
    {
        const std::string bytes = env.SerializeAsString();
        s->sendBinaryMessage(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    }
    static void sendError(QWebSocket* s, quint64 id, v1::ErrorCode code, const char* msg,
                          std::map<std::string, std::string> details = {})
    {
        v1::Envelope env;
        env.set_request_id(id);
        env.mutable_error()->set_code(code);
        env.mutable_error()->set_message(msg);
        for (auto& [k, v] : details)
            (*env.mutable_error()->mutable_details())[k] = v;
        sendEnv(s, env);
    }

    void onNewConnection()
    {
        QWebSocket* s = m_server.nextPendingConnection();
        const QByteArray auth = s->request().rawHeader("Authorization");
        qint64 user = 0;
        if (auth.startsWith("Bearer tok-")) {
            bearerTokens << QString::fromUtf8(auth.mid(7));
            user = auth.mid(11).toLongLong();
        }
        m_conns.append(Conn{s, user});
        connect(s, &QWebSocket::disconnected, this, [this, s] {
            m_conns.removeIf([s](const Conn& c) { return c.socket == s; });
            s->deleteLater();
        });
        connect(s, &QWebSocket::binaryMessageReceived, this, [this, s](const QByteArray& data) {
            auto it = std::find_if(m_conns.begin(), m_conns.end(), [s](const Conn& c) { return c.socket == s; });
            if (it != m_conns.end())
                handle(*it, data);
        });
    }

    void handle(Conn& c, const QByteArray& data)
    {
        v1::Envelope in;
        in.ParseFromArray(data.constData(), static_cast<int>(data.size()));
        v1::Envelope out;
        out.set_request_id(in.request_id());
        if (in.has_hello()) {
            auto* ok = out.mutable_hello_ok();
            ok->set_protocol_major(1);
            ok->set_user_id(c.userId);
            ok->set_role(c.userId ? v1::ROLE_ATTENDEE : v1::ROLE_ANONYMOUS);
            ok->set_head(head());
        } else if (in.has_pull_changes()) {
            ++pulls;
            const v1::ChangeBatch b = batch(c.userId, in.pull_changes().cursor(), in.pull_changes().limit(), false);
            c.atHead = !b.has_more();
            send(c, in.request_id(), b);
            return;
        } else if (in.has_login()) {
            if (throttleSeconds > 0)
                return sendError(c.socket, in.request_id(), v1::RESOURCE_EXHAUSTED, "throttled",
                                 {{"retry_after_ms", std::to_string(throttleSeconds * 1000)}});
            if (in.login().password() != "correct horse")
                return sendError(c.socket, in.request_id(), v1::UNAUTHENTICATED, "wrong credentials");
            auto* s = out.mutable_session();
            s->set_token("tok-42");
            s->set_user_id(42);
            s->set_role(v1::ROLE_ATTENDEE);
            s->set_email(in.login().email());
        } else if (in.has_register_()) {
            return sendError(c.socket, in.request_id(), v1::ALREADY_EXISTS, "email taken");
        } else if (in.has_logout()) {
            out.mutable_ack();
        } else if (in.has_wishlist_mutation()) {
            const auto& m = in.wishlist_mutation();
            if (c.userId == 0)
                return sendError(c.socket, in.request_id(), v1::UNAUTHENTICATED, "login required");
            if (m.event_id() == "missing")
                return sendError(c.socket, in.request_id(), v1::NOT_FOUND, "no such event");
            const QString key = QString::fromStdString(m.idempotency_key());
            out.mutable_ack()->set_replayed(seenKeys.contains(key));
            if (!seenKeys.contains(key)) {
                seenKeys.insert(key);
                mutations.append(m);
                v1::WishlistEntry entry;
                entry.set_event_id(m.event_id());
                const quint64 before = head();
                append("wishlist", m.event_id(), m.add() ? entry.SerializeAsString() : std::string(), !m.add(), c.userId);
                sendEnv(c.socket, out);
                pushFrom(before);
                Q_EMIT mutationReceived();
                return;
            }
        }
        sendEnv(c.socket, out);
    }

    QWebSocketServer m_server;
    mutable quint16 m_port = 0;
    QList<Conn> m_conns;
    std::vector<v1::Change> m_log;
    std::vector<qint64> m_scope;
};

} // namespace marquee::client::testing
