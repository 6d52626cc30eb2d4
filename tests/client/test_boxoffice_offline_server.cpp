// Offline selling end to end, offscreen, against the real server (PostgreSQL fixture) and the
// real client: the box-office window leases seats on the map, the server stops, the window sells
// three seats from the lease (cash with change, the card terminal's offline reference), the
// server restarts and the device reconciles: the sales are confirmed with the device's ticket
// codes, the unsold seats are back in general sale, nothing is sold twice. Two devices offline
// with separate leases; a seat outside the lease refused locally; a replayed upload (the
// acknowledgement lost) changes nothing on the server.
#include "boxofficehelpers.h"

#include "boxoffice/boxofficewindow.h"
#include "boxoffice/leasepanel.h"
#include "boxoffice/salepanel.h"
#include "models/eventformat.h"
#include "store/localstore.h"

#include "marquee/v1/boxoffice.pb.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUuid>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using marquee::testing::TestServer;

namespace {

const QString kClerk = QStringLiteral("clerk@example.org");
const QString kClerk2 = QStringLiteral("clerk2@example.org");

} // namespace

class TestBoxOfficeOfflineServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    QTemporaryDir m_clerkDir, m_clerk2Dir, m_pdfDir;
    std::unique_ptr<ClientSession> m_clerk, m_clerk2;
    QString m_event;

    bool restartAndReconcile(QList<ClientSession*> sessions, QList<QList<QVariant>>* finished)
    {
        QList<std::shared_ptr<QSignalSpy>> spies;
        for (ClientSession* s : sessions)
            spies << std::make_shared<QSignalSpy>(s->offlineSales(), &OfflineSaleService::reconcileFinished);
        QString error;
        if (!m_server.restart(&error)) {
            qWarning() << "restart failed:" << error;
            return false;
        }
        const bool done = QTest::qWaitFor(
            [&] { return std::all_of(spies.cbegin(), spies.cend(), [](const auto& spy) { return !spy->isEmpty(); }); }, kTimeoutMs);
        for (const auto& spy : spies)
            if (!spy->isEmpty())
                finished->append(spy->first());
        return done;
    }

    // A cash sale of the seats from the clerk's lease, €500 handed over.
    OfflineSaleRequest cashFor(const QStringList& seats) const { return cashSaleOf(m_event, seats); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString staff = QStringLiteral("staff");
        const QString error = startDemoSessions(
            m_server, {{kClerk, staff, m_clerkDir.path(), &m_clerk}, {kClerk2, staff, m_clerk2Dir.path(), &m_clerk2}}, &m_event);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void devicesRegisterTheirKeys()
    {
        // A box-office role registers the device's own key when it connects.
        QVERIFY(waitCertified(*m_clerk));
        QVERIFY(waitCertified(*m_clerk2));
        const DeviceKeyInfo key = m_clerk->deviceKeys()->key();
        QCOMPARE(m_server.query(QStringLiteral("SELECT device_id FROM device_keys WHERE key_id = '%1'").arg(key.keyId)).value(0),
                 m_clerk->leases()->deviceId());
        QVERIFY(key.validUntilMs > QDateTime::currentMSecsSinceEpoch() + 20LL * 86'400'000);
        QVERIFY(m_clerk2->deviceKeys()->key().keyId != key.keyId);
    }

    void leaseStopSellThreeRestartReconcile()
    {
        BoxOfficeWindow window(m_clerk.get());
        QVERIFY(showBoxOffice(window, m_event, m_pdfDir.path()));
        QVERIFY(window.isOnline());

        // 1. Lease six seats chosen on the map.
        const QStringList leased = seatIdsOf(*m_clerk, m_event, 400, 6);
        window.selectSeats(leased);
        QCOMPARE(window.selectedSeatIds().size(), 6);
        LeasePanel* leasePanel = window.leasePanel();
        QSignalSpy leaseChanged(m_clerk->leases(), &LeaseService::leaseChanged);
        QVERIFY(leasePanel->leaseSelectedButton()->isEnabled());
        leasePanel->leaseSelectedButton()->click();
        QVERIFY2(leaseChanged.wait(kTimeoutMs), qPrintable(leasePanel->messageLabel()->text()));
        const LeaseInfo lease = leaseChanged.first().first().value<LeaseInfo>();
        QCOMPARE(lease.status, LeaseStatus::Active);
        QCOMPARE(lease.countIn(LeasedSeatState::Available), 6);
        QVERIFY(lease.seats.first().totalMinor > 0); // priced by the server at lease time
        QCOMPARE(serverClaims(m_server, m_event, QStringLiteral("leased")), 6);
        // Leased seats show as leased on every live map.
        QVERIFY(QTest::qWaitFor([&] {
            return window.seatMap()->seatStatus(*window.seatMap()->geometry().index().indexOf(leased.first().toStdString()))
                == core::seating::SeatStatus::Leased;
        }, kTimeoutMs));
        QVERIFY2(window.bannerText().contains(QStringLiteral("6 of 6 seats left")), qPrintable(window.bannerText()));
        window.tabs()->setCurrentWidget(leasePanel);
        screenshot(&window, QStringLiteral("boxoffice-online-lease"));

        // 2. The server goes away.
        QVERIFY(stopServer(m_server, *m_clerk, m_clerk2.get()));
        QVERIFY(QTest::qWaitFor([&] { return !window.isOnline(); }, kTimeoutMs));
        QCOMPARE(window.bannerText(), QStringLiteral("Offline — selling from this device's lease: 6 of 6 seats left"));
        // Offline, only the lease's seats can be picked.
        const QString outside = seatIdsOf(*m_clerk, m_event, 900, 1).first();
        window.selectSeats({outside});
        QVERIFY(window.selectedSeatIds().isEmpty());
        OfflineSaleRequest refused;
        refused.eventId = m_event;
        refused.seatIds = {outside};
        refused.tenderedMinor = 100'000;
        QCOMPARE(m_clerk->offlineSales()->sell(refused).error,
                 QStringLiteral("Seat %1 is not in this device's lease.").arg(rowAndSeat(*m_clerk, m_event, outside)));

        // 3. Sell three seats: two for cash with change, one on the card terminal.
        SalePanel* sale = window.salePanel();
        window.tabs()->setCurrentWidget(sale);
        window.selectSeats(leased.mid(0, 2));
        const qint64 due = sale->amountDueMinor();
        QCOMPARE(due, lease.seats.at(0).totalMinor + lease.seats.at(1).totalMinor);
        sale->cashButton()->setChecked(true);
        sale->quickCashButtons().at(5)->click(); // +€100
        QVERIFY2(sale->changeDueLabel()->text().endsWith(QStringLiteral("short")) || due <= 10'000,
                 qPrintable(sale->changeDueLabel()->text()));
        sale->quickCashButtons().at(5)->click(); // another €100 note
        QCOMPARE(sale->tenderedEdit()->text(), QStringLiteral("200.00"));
        QVERIFY(due <= 20'000);
        QCOMPARE(sale->changeDueLabel()->text(), format::money(20'000 - due, QStringLiteral("EUR")));
        sale->nameEdit()->setText(QStringLiteral("Ada Walkup"));
        sale->sellButton()->click();
        const OrderInfo cashOrder = sale->lastOrder();
        QVERIFY2(cashOrder.isValid(), qPrintable(sale->messageLabel()->text()));
        QVERIFY(cashOrder.code.startsWith(QStringLiteral("MQ-O")));
        QCOMPARE(cashOrder.payment.changeDueMinor, 20'000 - due);
        QVERIFY(sale->resultLabel()->text().contains(format::money(20'000 - due, QStringLiteral("EUR"))));
        QVERIFY(sale->printTickets());
        QVERIFY(QFileInfo(sale->lastFiles().first()).size() > 1000);

        sale->bestCount()->setValue(1);
        sale->bestButton()->click();
        QCOMPARE(window.selectedSeatIds().size(), 1);
        sale->terminalButton()->setChecked(true);
        sale->terminalReferenceEdit()->setText(QStringLiteral("OFFLINE-AUTH-7731"));
        sale->sellButton()->click();
        const OrderInfo terminalOrder = sale->lastOrder();
        QVERIFY2(terminalOrder.id != cashOrder.id, qPrintable(sale->messageLabel()->text()));
        QCOMPARE(terminalOrder.payment.method, PaymentMethod::CardTerminal);
        QCOMPARE(window.bannerText(),
                 QStringLiteral("Offline — selling from this device's lease: 3 of 6 seats left (sales waiting to upload: 2)"));
        screenshot(&window, QStringLiteral("boxoffice-offline-sold"));

        // 4./5. The server comes back; the device reconciles by itself.
        QList<QList<QVariant>> finished;
        QVERIFY(restartAndReconcile({m_clerk.get()}, &finished));
        QCOMPARE(finished.first().at(0).toInt(), 2); // sales confirmed
        QCOMPARE(finished.first().at(1).toInt(), 0); // rejected
        QCOMPARE(finished.first().at(2).toInt(), 3); // seats returned
        QCOMPARE(serverOrderStatus(m_server, cashOrder.id), QStringLiteral("confirmed"));
        QCOMPARE(serverOrderStatus(m_server, terminalOrder.id), QStringLiteral("confirmed"));
        // The server keeps the tickets exactly as the device signed them.
        for (const TicketInfo& t : cashOrder.tickets)
            QCOMPARE(m_server.query(QStringLiteral("SELECT code FROM tickets WHERE id = '%1'").arg(t.id)).value(0), t.code);
        QCOMPARE(m_server.query(QStringLiteral("SELECT code FROM orders WHERE id = '%1'").arg(cashOrder.id)).value(0), cashOrder.code);
        // Unsold seats are back in general sale; the sold ones are sold once.
        QCOMPARE(serverClaims(m_server, m_event, QStringLiteral("leased")), 0);
        for (const QString& seat : leased.mid(3))
            QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id = '%2'")
                                        .arg(m_event, seat)).value(0),
                     QStringLiteral("0"));
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
        QCOMPARE(m_clerk->offlineSales()->pendingCount(), 0);
        QCOMPARE(m_clerk->store()->offlineSale(cashOrder.id)->status, OfflineSaleStatus::Confirmed);
        QVERIFY(m_clerk->leases()->activeLeases(m_event).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return window.isOnline(); }, kTimeoutMs));
        screenshot(&window, QStringLiteral("boxoffice-reconciled"));
    }

    void twoDevicesOfflineWithSeparateLeases()
    {
        const QStringList seatsA = seatIdsOf(*m_clerk, m_event, 500, 3);
        const QStringList seatsB = seatIdsOf(*m_clerk2, m_event, 510, 3);
        QVERIFY(leaseSeats(*m_clerk, m_event, seatsA).isValid());
        QVERIFY(leaseSeats(*m_clerk2, m_event, seatsB).isValid());
        // A seat of one device's lease is out of reach for the other.
        QString failure;
        QVERIFY(!leaseSeats(*m_clerk2, m_event, {seatsA.first()}, &failure).isValid());
        QVERIFY2(failure.startsWith(QStringLiteral("These seats are no longer free")), qPrintable(failure));

        QVERIFY(stopServer(m_server, *m_clerk, m_clerk2.get()));
        auto sell = [this](ClientSession& s, const QStringList& seats) {
            OfflineSaleRequest r;
            r.eventId = m_event;
            r.seatIds = seats;
            r.method = PaymentMethod::Cash;
            r.tenderedMinor = 100'000;
            return s.offlineSales()->sell(r);
        };
        QVERIFY(sell(*m_clerk, seatsA.mid(0, 2)).ok);
        QVERIFY(sell(*m_clerk2, seatsB.mid(0, 2)).ok);
        // Device A cannot sell B's seat, nor its own seat twice.
        QCOMPARE(sell(*m_clerk, {seatsB.at(2)}).error,
                 QStringLiteral("Seat %1 is not in this device's lease.").arg(rowAndSeat(*m_clerk, m_event, seatsB.at(2))));
        QVERIFY(sell(*m_clerk, {seatsA.at(0)}).error.contains(QStringLiteral("already sold")));

        QList<QList<QVariant>> finished;
        QVERIFY(restartAndReconcile({m_clerk.get(), m_clerk2.get()}, &finished));
        for (const auto& f : finished) {
            QCOMPARE(f.at(0).toInt(), 1);
            QCOMPARE(f.at(1).toInt(), 0);
            QCOMPARE(f.at(2).toInt(), 1);
        }
        QCOMPARE(serverClaims(m_server, m_event, QStringLiteral("leased")), 0);
        QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND kind = 'sold' "
                                               "AND seat_id IN ('%2','%3','%4','%5')")
                                    .arg(m_event, seatsA.at(0), seatsA.at(1), seatsB.at(0), seatsB.at(1))).value(0),
                 QStringLiteral("4"));
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
    }

    void aReplayedUploadChangesNothing()
    {
        const QStringList seats = seatIdsOf(*m_clerk, m_event, 600, 2);
        QVERIFY(leaseSeats(*m_clerk, m_event, seats).isValid());
        QVERIFY(stopServer(m_server, *m_clerk, m_clerk2.get()));
        const OfflineSaleOutcome sold = m_clerk->offlineSales()->sell(cashFor({seats.first()}));
        QVERIFY2(sold.ok, qPrintable(sold.error));
        const OutboxEntry entry = m_clerk->store()->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind)).first();

        QList<QList<QVariant>> finished;
        QVERIFY(restartAndReconcile({m_clerk.get(), m_clerk2.get()}, &finished));
        QCOMPARE(serverOrderStatus(m_server, sold.sale.orderId), QStringLiteral("confirmed"));
        const auto serverCounts = [&] {
            return m_server.query(QStringLiteral("SELECT (SELECT count(*) FROM orders WHERE event_id = '%1') || '/' || "
                                                 "(SELECT count(*) FROM tickets WHERE event_id = '%1') || '/' || "
                                                 "(SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND kind = 'sold')")
                                      .arg(m_event)).value(0);
        };
        const QString before = serverCounts();

        // The acknowledgement is lost: the device never stored the answer and uploads again.
        QSqlQuery q(m_clerk->store()->database());
        q.prepare(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES (?,?,?,?,?,?)"));
        q.addBindValue(entry.key);
        q.addBindValue(entry.userId);
        q.addBindValue(entry.kind);
        q.addBindValue(entry.entityId);
        q.addBindValue(entry.payload);
        q.addBindValue(entry.createdAt.toMSecsSinceEpoch());
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("UPDATE offline_sales SET status = 0 WHERE order_id = '%1'").arg(sold.sale.orderId)));
        QCOMPARE(m_clerk->offlineSales()->pendingCount(), 1);
        QSignalSpy done(m_clerk->offlineSales(), &OfflineSaleService::reconcileFinished);
        QSignalSpy confirmed(m_clerk->offlineSales(), &OfflineSaleService::saleConfirmed);
        QVERIFY(m_clerk->offlineSales()->reconcile(false));
        QVERIFY(done.wait(kTimeoutMs));
        QCOMPARE(done.first().at(0).toInt(), 1); // confirmed again: the stored answer
        QCOMPARE(confirmed.first().first().value<OfflineSaleInfo>().orderId, sold.sale.orderId);
        QCOMPARE(serverCounts(), before);
        QCOMPARE(m_clerk->offlineSales()->pendingCount(), 0);
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
    }

    // An upload that times out while the device stays connected is retried (same keys, with
    // back-off) instead of stopping the reconcile until the next connect.
    void aTimedOutUploadIsRetried()
    {
        const QStringList seats = seatIdsOf(*m_clerk, m_event, 760, 1);
        QVERIFY(leaseSeats(*m_clerk, m_event, seats).isValid());
        SyncClient* sync = m_clerk->syncClient();
        const SyncClient::Options normal = sync->options();
        SyncClient::Options hasty = normal;
        hasty.requestTimeoutMs = 0; // the answer cannot beat it
        OfflineSaleService* sales = m_clerk->offlineSales();
        sales->setFirstRetryDelayMs(20);
        int timeouts = 0;
        const auto restore = connect(sync, &SyncClient::requestFailed, this, [&](quint64, const ErrorInfo& error) {
            if (error.code == ErrorCode::Timeout && ++timeouts == 2)
                sync->setOptions(normal); // the second retry gets through
        });
        QSignalSpy done(sales, &OfflineSaleService::reconcileFinished);
        QSignalSpy failed(sales, &OfflineSaleService::reconcileFailed);
        sync->setOptions(hasty);
        const OfflineSaleOutcome sold = sales->sell(cashFor(seats)); // online: uploads at once
        QVERIFY2(sold.ok, qPrintable(sold.error));
        QVERIFY(done.wait(kTimeoutMs));
        disconnect(restore);
        sync->setOptions(normal);
        QCOMPARE(timeouts, 2);
        QVERIFY(failed.isEmpty());
        QCOMPARE(done.first().at(0).toInt(), 1); // confirmed (a replay if the first try arrived)
        QCOMPARE(serverOrderStatus(m_server, sold.sale.orderId), QStringLiteral("confirmed"));
        QCOMPARE(sales->pendingCount(), 0);
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
    }

    // The return names its seats: a seat whose offline sale the server rejected (a signed
    // ticket for it exists) stays leased, and a damaged outbox entry is set aside for staff
    // instead of blocking the reconcile.
    void aRejectedSalesSeatIsNeverReturned()
    {
        const QStringList seats = seatIdsOf(*m_clerk, m_event, 700, 3);
        const LeaseInfo lease = leaseSeats(*m_clerk, m_event, seats);
        QVERIFY(lease.isValid());
        QVERIFY(stopServer(m_server, *m_clerk, m_clerk2.get()));
        const OfflineSaleOutcome sold = m_clerk->offlineSales()->sell(cashFor({seats.first()}));
        QVERIFY2(sold.ok, qPrintable(sold.error));
        // The upload names a lease the server does not know: it rejects the sale.
        const OutboxEntry entry = m_clerk->store()->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind)).first();
        v1::OfflineSale upload;
        QVERIFY(upload.ParseFromArray(entry.payload.constData(), static_cast<int>(entry.payload.size())));
        upload.set_lease_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
        const std::string tampered = upload.SerializeAsString();
        QSqlQuery q(m_clerk->store()->database());
        q.prepare(QStringLiteral("UPDATE outbox SET payload = ? WHERE key = ?"));
        q.addBindValue(QByteArray(tampered.data(), static_cast<qsizetype>(tampered.size())));
        q.addBindValue(entry.key);
        QVERIFY(q.exec());
        // And a damaged entry (its sale row is there, its upload unreadable).
        const QString damagedKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString damagedOrder = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO offline_sales(idempotency_key,order_id,order_code,lease_id,event_id,status,reason,"
                                      "message,sold_at,staff_user_id,method,total,buyer_name,order_payload) VALUES "
                                      "('%1','%2','MQ-OZZZZZZ','%3','%4',0,'','',%5,%6,1,0,'',x'00')")
                           .arg(damagedKey, damagedOrder, lease.id, m_event)
                           .arg(entry.createdAt.toMSecsSinceEpoch() + 1)
                           .arg(entry.userId)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox(key,user_id,kind,entity_id,payload,created_at) VALUES "
                                      "('%1',%2,'%3','%4',x'ffffffff0a',%5)")
                           .arg(damagedKey)
                           .arg(entry.userId)
                           .arg(QLatin1String(LocalStore::kOfflineSaleOutboxKind), damagedOrder)
                           .arg(entry.createdAt.toMSecsSinceEpoch() + 1)));
        QCOMPARE(m_clerk->offlineSales()->pendingCount(), 2);

        QList<QList<QVariant>> finished;
        QVERIFY(restartAndReconcile({m_clerk.get(), m_clerk2.get()}, &finished));
        QCOMPARE(finished.first().at(0).toInt(), 0); // confirmed
        QCOMPARE(finished.first().at(1).toInt(), 2); // rejected: the tampered one and the damaged one
        QCOMPARE(finished.first().at(2).toInt(), 2); // returned: only the two unsold seats
        QCOMPARE(m_clerk->offlineSales()->pendingCount(), 0);
        QCOMPARE(m_clerk->store()->offlineSale(damagedOrder)->reason, QStringLiteral("unreadable_on_device"));
        QCOMPARE(m_clerk->store()->offlineSale(sold.sale.orderId)->status, OfflineSaleStatus::Rejected);
        // The rejected sale's seat is still leased to this device on the server, the others are free.
        QCOMPARE(m_server.query(QStringLiteral("SELECT kind FROM seat_claims WHERE event_id = '%1' AND seat_id = '%2'")
                                    .arg(m_event, seats.first())).value(0),
                 QStringLiteral("leased"));
        for (const QString& seat : seats.mid(1))
            QCOMPARE(m_server.query(QStringLiteral("SELECT count(*) FROM seat_claims WHERE event_id = '%1' AND seat_id = '%2'")
                                        .arg(m_event, seat)).value(0),
                     QStringLiteral("0"));
        const LeaseInfo after = *m_clerk->store()->lease(lease.id);
        QCOMPARE(after.countIn(LeasedSeatState::SoldOffline), 1);
        QCOMPARE(after.countIn(LeasedSeatState::Returned), 2);
        QCOMPARE(after.countIn(LeasedSeatState::Returning), 0);
    }
};

QTEST_MAIN(TestBoxOfficeOfflineServer)
#include "test_boxoffice_offline_server.moc"
