// Check-in at the doors with the real client code (ClientSession, SyncClient, LocalStore,
// CheckInService, CheckInWindow) against the real marquee-server: online decisions, live sync
// between two door devices, offline check-ins queued in the outbox and uploaded, an offline
// duplicate found on sync and flagged, a replayed upload, forged and hostile codes, voids,
// wrong events, and the door window's flow rendered offscreen.
#include "checkin/checkinservice.h"
#include "checkin/checkinwindow.h"
#include "checkouthelpers.h"
#include "serverhelpers.h"
#include "store/localstore.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QtTest>

using namespace marquee::client;
using namespace marquee::client::testing;
namespace v1 = marquee::v1;

namespace {

const QString kDoorA = QStringLiteral("door-a@example.org");
const QString kDoorB = QStringLiteral("door-b@example.org");

// A door device: its own data directory (so its own device id and SQLite file), logged in as
// staff, with a CheckInService on the session's store and connection.
struct Door {
    QTemporaryDir dir;
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<CheckInService> service;

    bool open(const QUrl& url, const QString& email, const QString& eventId, const QString& gate)
    {
        session = loggedInSession(dir.path(), url, email);
        if (!session)
            return false;
        service = std::make_unique<CheckInService>(session->store(), session->syncClient());
        service->setDeviceId(session->store()->ensureDeviceId());
        service->setStaffUserId(session->account()->userId());
        service->setGate(gate);
        service->setEvent(eventId);
        return true;
    }
    // The result of one scan (online answers come asynchronously).
    CheckInService::Result scan(const QString& code)
    {
        QSignalSpy results(service.get(), &CheckInService::resultReady);
        if (!service->scan(code) || !(results.count() > 0 || results.wait(kTimeoutMs)))
            return {};
        return results.first().first().value<CheckInService::Result>();
    }
    bool goOffline()
    {
        session->syncClient()->stop();
        return QTest::qWaitFor([&] { return !service->isOnline(); }, kTimeoutMs);
    }
    bool goOnline()
    {
        session->syncClient()->start();
        return QTest::qWaitFor([&] { return service->isOnline(); }, kTimeoutMs);
    }
    bool goOnlineAndUpload()
    {
        QSignalSpy uploaded(service.get(), &CheckInService::uploadFinished);
        session->syncClient()->start();
        return uploaded.wait(kTimeoutMs);
    }
    int outboxCount() { return static_cast<int>(session->store()->outbox(std::nullopt, QStringLiteral("checkin")).size()); }
};

} // namespace

class TestCheckInServer : public QObject {
    Q_OBJECT

private:
    marquee::testing::TestServer m_server;
    AdminConnection m_admin;
    QString m_event;
    QString m_otherEvent;
    QString m_otherTitle;
    QList<v1::Ticket> m_tickets;
    int m_next = 0;
    Door m_a, m_b;

    // Sells `count` seats for cash as the admin; the order's tickets.
    QList<v1::Ticket> sell(int count, QString* orderId = nullptr)
    {
        v1::Envelope hold;
        hold.mutable_hold_seats()->set_idempotency_key(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        hold.mutable_hold_seats()->set_event_id(m_event.toStdString());
        hold.mutable_hold_seats()->mutable_best_available()->set_count(static_cast<quint32>(count));
        const auto held = m_admin.call(hold);
        if (!held || !held->has_hold_result())
            return {};
        v1::Envelope create;
        auto* order = create.mutable_create_order();
        order->set_idempotency_key(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        order->set_hold_id(held->hold_result().hold_id());
        order->set_buyer_name("Door Guest");
        order->set_buyer_email("guest@example.org");
        order->set_method(v1::PAYMENT_CASH);
        order->set_cash_tendered_minor(100'000'000);
        const auto created = m_admin.call(create);
        if (!created || !created->has_order())
            return {};
        if (orderId)
            *orderId = QString::fromStdString(created->order().id());
        QList<v1::Ticket> out;
        v1::Envelope get;
        get.mutable_get_order()->set_order_id(created->order().id());
        const bool issued = QTest::qWaitFor(
            [&] {
                const auto read = m_admin.call(get);
                if (!read || read->order().tickets_size() != count)
                    return false;
                out = QList<v1::Ticket>(read->order().tickets().begin(), read->order().tickets().end());
                return true;
            },
            kTimeoutMs);
        return issued ? out : QList<v1::Ticket>{};
    }
    QString code(int i) const { return QString::fromStdString(m_tickets.at(i).code()); }
    QString ticketId(int i) const { return QString::fromStdString(m_tickets.at(i).id()); }
    int serverRows(const QString& where)
    {
        return m_server.query(QStringLiteral("SELECT count(*) FROM check_ins WHERE ") + where).value(0).toInt();
    }
    // Both doors hold the ticket keys (public change log) before they go offline.
    bool keysSynced(Door& door)
    {
        return QTest::qWaitFor([&] { return !door.session->store()->ticketKeys().isEmpty(); }, kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = startDemoServer(m_server, {{kDoorA, QStringLiteral("staff")}, {kDoorB, QStringLiteral("staff")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_admin.open(m_server.wsUrl(), kAdminEmail, kPassword));
        m_event = demoSeatedEvent(m_server);
        QVERIFY(!m_event.isEmpty());
        const auto other = m_server.query(QStringLiteral("SELECT id || '|' || title FROM events WHERE id <> '%1' "
                                                         "ORDER BY starts_at LIMIT 1").arg(m_event)).value(0).split(QLatin1Char('|'));
        m_otherEvent = other.value(0);
        m_otherTitle = other.value(1);
        m_tickets = sell(10);
        QCOMPARE(m_tickets.size(), 10);
        QVERIFY(waitStamped(m_server));
        QVERIFY(m_a.open(m_server.wsUrl(), kDoorA, m_event, QStringLiteral("North door")));
        QVERIFY(m_b.open(m_server.wsUrl(), kDoorB, m_event, QStringLiteral("South door")));
        QVERIFY(keysSynced(m_a));
        QVERIFY(keysSynced(m_b));
        QVERIFY(m_a.service->isOnline());
    }

    void onlineValidThenDuplicate()
    {
        const auto admitted = m_a.scan(code(0));
        QCOMPARE(admitted.outcome, CheckInService::Outcome::Admitted);
        QVERIFY(!admitted.decidedOffline);
        QCOMPARE(admitted.label, QString::fromStdString(m_tickets.at(0).label()));
        const auto again = m_b.scan(code(0));
        QCOMPARE(again.outcome, CheckInService::Outcome::AlreadyAdmitted);
        QCOMPARE(again.first.gate, QStringLiteral("North door"));
        QCOMPARE(again.first.deviceId, m_a.session->store()->ensureDeviceId());
        QVERIFY(CheckInWindow::headlineFor(again).endsWith(QStringLiteral(" at North door")));
        QCOMPARE(serverRows(QStringLiteral("ticket_id = '%1'").arg(ticketId(0))), 1);
    }

    void forgedHostileAndWrongEvent()
    {
        QString forged = code(1);
        forged[forged.size() - 3] = forged[forged.size() - 3] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const QStringList hostile{forged, QString(10 * 1024, QLatin1Char('A')), QStringLiteral("MQT1.\u0000abc"),
                                  QStringLiteral("🎟 ticket"), QStringLiteral("MQT1..")};
        const int before = serverRows(QStringLiteral("true"));
        for (const auto& text : hostile) {
            QCOMPARE(m_a.scan(text).outcome, CheckInService::Outcome::Invalid); // online: the server decides
            QCOMPARE(m_a.service->checkOffline(text).outcome, CheckInService::Outcome::Invalid);
        }
        QCOMPARE(serverRows(QStringLiteral("true")), before);
        QCOMPARE(m_a.outboxCount(), 0);

        m_a.service->setEvent(m_otherEvent);
        const auto online = m_a.scan(code(1));
        QCOMPARE(online.outcome, CheckInService::Outcome::WrongEvent);
        QCOMPARE(online.ticketEventTitle, m_server.query(QStringLiteral("SELECT title FROM events WHERE id = '%1'").arg(m_event)).value(0));
        const auto offline = m_a.service->checkOffline(code(1));
        QCOMPARE(offline.outcome, CheckInService::Outcome::WrongEvent);
        QCOMPARE(offline.ticketEventTitle, online.ticketEventTitle); // from the cached catalog
        QVERIFY(CheckInWindow::headlineFor(offline).contains(online.ticketEventTitle));
        m_a.service->setEvent(m_event);
    }

    void liveSyncBetweenTwoOnlineDoors()
    {
        const int before = m_b.service->admittedCount();
        QCOMPARE(m_a.scan(code(2)).outcome, CheckInService::Outcome::Admitted);
        // B learns it from the WatchCheckIns push, without asking.
        QVERIFY(QTest::qWaitFor([&] { return m_b.service->admittedCount() == before + 1; }, kTimeoutMs));
        QVERIFY(m_b.goOffline());
        const auto offline = m_b.service->checkOffline(code(2));
        QCOMPARE(offline.outcome, CheckInService::Outcome::AlreadyAdmitted);
        QCOMPARE(offline.first.gate, QStringLiteral("North door"));
        QVERIFY(offline.decidedOffline);
        QVERIFY(m_b.goOnline());
    }

    void voidTicketRefusedOnlineAndOffline()
    {
        QString orderId;
        const auto sold = sell(1, &orderId);
        QCOMPARE(sold.size(), 1);
        v1::Envelope cancel;
        cancel.mutable_cancel_order()->set_idempotency_key(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        cancel.mutable_cancel_order()->set_order_id(orderId.toStdString());
        cancel.mutable_cancel_order()->set_reason("requested_by_customer");
        const auto cancelled = m_admin.call(cancel);
        QVERIFY(cancelled && cancelled->has_order());
        const QString id = QString::fromStdString(sold.first().id());
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server.query(QStringLiteral("SELECT voided_at IS NOT NULL FROM tickets WHERE id = '%1'").arg(id)).value(0) == QLatin1String("t"); },
            kTimeoutMs));
        const QString voidCode = QString::fromStdString(sold.first().code());
        QCOMPARE(m_a.scan(voidCode).outcome, CheckInService::Outcome::Void);
        // B hears of the void through its watch (a push) and refuses it offline too.
        QVERIFY(QTest::qWaitFor(
            [&] {
                QSqlQuery known(m_b.session->store()->database());
                known.prepare(QStringLiteral("SELECT 1 FROM check_in_voids WHERE ticket_id = ?"));
                known.addBindValue(id);
                return known.exec() && known.next();
            },
            kTimeoutMs));
        QVERIFY(m_b.goOffline());
        QCOMPARE(m_b.scan(voidCode).outcome, CheckInService::Outcome::Void);
        QVERIFY(m_b.goOnline());
        QCOMPARE(m_b.outboxCount(), 0);
    }

    void offlineQueuedThenUploaded()
    {
        QVERIFY(m_a.goOffline());
        const auto result = m_a.scan(code(3));
        QCOMPARE(result.outcome, CheckInService::Outcome::Admitted);
        QVERIFY(result.decidedOffline);
        QVERIFY(result.queued);
        QCOMPARE(m_a.outboxCount(), 1);
        QCOMPARE(m_a.service->queuedCount(), 1);
        QCOMPARE(serverRows(QStringLiteral("ticket_id = '%1'").arg(ticketId(3))), 0);
        // Scanned again while still offline: this device remembers it.
        QCOMPARE(m_a.scan(code(3)).outcome, CheckInService::Outcome::AlreadyAdmitted);

        QVERIFY(m_a.goOnlineAndUpload());
        QCOMPARE(m_a.outboxCount(), 0);
        QCOMPARE(serverRows(QStringLiteral("ticket_id = '%1' AND offline AND counted AND gate = 'North door'").arg(ticketId(3))), 1);
        QCOMPARE(m_a.scan(code(3)).outcome, CheckInService::Outcome::AlreadyAdmitted);
    }

    void offlineDuplicateFoundOnSync()
    {
        qint64 clock = QDateTime::currentMSecsSinceEpoch();
        m_a.service->setClock([&] { return clock; });
        m_b.service->setClock([&] { return clock + 30'000; }); // B admits half a minute later
        QVERIFY(m_a.goOffline());
        QVERIFY(m_b.goOffline());
        QCOMPARE(m_a.scan(code(4)).outcome, CheckInService::Outcome::Admitted);
        QCOMPARE(m_b.scan(code(4)).outcome, CheckInService::Outcome::Admitted);

        // The later admission syncs first; the earlier one still counts, and B's is flagged.
        QVERIFY(m_b.goOnlineAndUpload());
        QSignalSpy flagsA(m_a.service.get(), &CheckInService::flagsChanged);
        QVERIFY(m_a.goOnlineAndUpload());
        QCOMPARE(serverRows(QStringLiteral("ticket_id = '%1' AND counted AND gate = 'North door'").arg(ticketId(4))), 1);
        QCOMPARE(serverRows(QStringLiteral("ticket_id = '%1' AND duplicate_flagged AND gate = 'South door'").arg(ticketId(4))), 1);
        const auto flaggedAt = [&](Door& door) {
            for (const auto& row : door.service->flaggedDuplicates())
                if (row.ticketId == ticketId(4) && row.gate == QStringLiteral("South door"))
                    return true;
            return false;
        };
        QVERIFY(QTest::qWaitFor([&] { return flaggedAt(m_b); }, kTimeoutMs)); // its own row, flagged by a push
        QVERIFY(QTest::qWaitFor([&] { return flaggedAt(m_a); }, kTimeoutMs));
        m_a.service->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        m_b.service->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
    }

    void replayedUploadChangesNothing()
    {
        QVERIFY(m_a.goOffline());
        QCOMPARE(m_a.scan(code(5)).outcome, CheckInService::Outcome::Admitted);
        const auto entry = m_a.session->store()->outbox(std::nullopt, QStringLiteral("checkin")).value(0);
        QVERIFY(!entry.key.isEmpty());
        QVERIFY(m_a.goOnlineAndUpload());
        const int rows = serverRows(QStringLiteral("true"));
        // The answer was "lost": the same entry is back in the outbox and goes up again.
        QSqlQuery put(m_a.session->store()->database());
        put.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
        for (const QVariant& value : {QVariant(entry.key), QVariant(entry.userId), QVariant(entry.kind), QVariant(entry.entityId),
                                      QVariant(entry.payload), QVariant(entry.createdAt.toMSecsSinceEpoch())})
            put.addBindValue(value);
        QVERIFY(put.exec());
        QSignalSpy uploaded(m_a.service.get(), &CheckInService::uploadFinished);
        m_a.service->uploadQueued();
        QVERIFY(uploaded.wait(kTimeoutMs));
        QCOMPARE(serverRows(QStringLiteral("true")), rows);
        QCOMPARE(m_a.outboxCount(), 0);
        const auto flagged = m_a.service->flaggedDuplicates();
        QVERIFY(std::none_of(flagged.begin(), flagged.end(), [&](const CheckInRow& row) { return row.ticketId == ticketId(5); }));
        QCOMPARE(m_a.scan(code(5)).outcome, CheckInService::Outcome::AlreadyAdmitted);
    }

    void windowFlowOffscreen()
    {
        CheckInWindow window(m_a.service.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.eventBox()->currentData().toString(), m_event);
        QVERIFY(window.scannerInput()->hasFocus());
        QVERIFY(window.countText().contains(QString::number(m_a.service->admittedCount())));

        // A keyboard-wedge scanner types the code and Enter.
        QSignalSpy results(m_a.service.get(), &CheckInService::resultReady);
        QTest::keyClicks(window.scannerInput(), code(6));
        QTest::keyClick(window.scannerInput(), Qt::Key_Return);
        QVERIFY(results.count() > 0 || results.wait(kTimeoutMs));
        QCOMPARE(window.resultHeadline(), QStringLiteral("Admitted"));
        QVERIFY(window.scannerInput()->text().isEmpty());
        QVERIFY(window.scannerInput()->hasFocus());
        screenshot(&window, QStringLiteral("checkin-admitted"));

        results.clear();
        QTest::keyClicks(window.scannerInput(), code(6));
        QTest::keyClick(window.scannerInput(), Qt::Key_Return);
        QVERIFY(results.count() > 0 || results.wait(kTimeoutMs));
        QVERIFY(window.resultHeadline().startsWith(QStringLiteral("Already admitted at ")));
        QVERIFY(window.resultHeadline().endsWith(QStringLiteral(" at North door")));
        screenshot(&window, QStringLiteral("checkin-already"));

        QVERIFY(m_a.goOffline());
        QVERIFY(window.statusText().contains(QStringLiteral("Offline")));
        results.clear();
        QTest::keyClicks(window.scannerInput(), code(7));
        QTest::keyClick(window.scannerInput(), Qt::Key_Return);
        QVERIFY(results.count() > 0 || results.wait(kTimeoutMs));
        QCOMPARE(window.resultHeadline(), QStringLiteral("Admitted"));
        QVERIFY(window.statusText().contains(QStringLiteral("1 check-in")));
        QVERIFY(window.flaggedList()->count() >= 1); // the duplicate of offlineDuplicateFoundOnSync
        screenshot(&window, QStringLiteral("checkin-offline"));

        results.clear();
        QTest::keyClicks(window.scannerInput(), QStringLiteral("not a ticket"));
        QTest::keyClick(window.scannerInput(), Qt::Key_Return);
        QVERIFY(results.count() > 0 || results.wait(kTimeoutMs));
        QCOMPARE(window.resultHeadline(), QStringLiteral("Not a valid ticket"));
        screenshot(&window, QStringLiteral("checkin-invalid"));
        QVERIFY(m_a.goOnlineAndUpload());
    }
};

QTEST_MAIN(TestCheckInServer)
#include "test_checkin_server.moc"
