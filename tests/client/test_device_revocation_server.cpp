// Device revocation end to end with the real client against the real server (PostgreSQL
// fixture): a till leases and sells (one sale uploaded, one kept offline), an admin revokes it in
// the box-office window's Devices tab (confirmation with a reason; rendered offscreen), the
// server returns the lease's unsold seats, a door device learns the revoked key at its next sync
// and then, online and offline, admits the uploaded sale's ticket but refuses the unuploaded one
// and a backdated forgery; the till itself stops selling and its upload is rejected.
#include "boxofficehelpers.h"

#include "boxoffice/boxofficewindow.h"
#include "boxoffice/devicespanel.h"
#include "checkin/checkinservice.h"
#include "store/localstore.h"

#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/v1/order.pb.h"

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QUuid>

using namespace marquee;
using namespace marquee::client;
using namespace marquee::client::testing;
using marquee::testing::TestServer;

namespace {

const QString kTill = QStringLiteral("till@example.org");
const QString kDoor = QStringLiteral("door@example.org");

// The first ticket code of an offline sale as the till printed it.
QString ticketCodeOf(const OfflineSaleOutcome& sold)
{
    v1::Order order;
    if (!order.ParseFromArray(sold.order.encoded.constData(), static_cast<int>(sold.order.encoded.size()))
        || order.tickets_size() == 0)
        return {};
    return QString::fromStdString(order.tickets(0).code());
}

bool savePng(QWidget& widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARQUEE_TEST_PNG_DIR");
    return dir.isEmpty() || widget.grab().save(dir + QLatin1Char('/') + name);
}

} // namespace

class TestDeviceRevocationServer : public QObject {
    Q_OBJECT

    TestServer m_server;
    QTemporaryDir m_tillDir, m_doorDir, m_adminDir;
    std::unique_ptr<ClientSession> m_till, m_door, m_admin;
    std::unique_ptr<CheckInService> m_doorService;
    QString m_event;

    OfflineSaleRequest cashFor(const QStringList& seats) const { return cashSaleOf(m_event, seats); }
    int doorCatalogSize()
    {
        QSqlQuery q(m_door->store()->database());
        return q.exec(QStringLiteral("SELECT count(*) FROM check_in_confirmed_codes")) && q.next() ? q.value(0).toInt()
                                                                                                   : -1;
    }
    CheckInService::Result scanOnline(const QString& code)
    {
        QSignalSpy results(m_doorService.get(), &CheckInService::resultReady);
        if (!m_doorService->scan(code) || !(results.count() > 0 || results.wait(kTimeoutMs)))
            return {};
        return results.first().first().value<CheckInService::Result>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
        const QString error = startDemoServer(m_server, {{kTill, QStringLiteral("staff")}, {kDoor, QStringLiteral("staff")}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_till = loggedInSession(m_tillDir.path(), m_server.wsUrl(), kTill);
        m_door = loggedInSession(m_doorDir.path(), m_server.wsUrl(), kDoor);
        m_admin = loggedInSession(m_adminDir.path(), m_server.wsUrl(), kAdminEmail);
        QVERIFY(m_till && m_door && m_admin);
        m_event = demoSeatedEvent(m_server);
        QVERIFY(!m_event.isEmpty());
        m_doorService = std::make_unique<CheckInService>(m_door->store(), m_door->syncClient());
        m_doorService->setDeviceId(m_door->store()->ensureDeviceId());
        m_doorService->setStaffUserId(m_door->account()->userId());
        m_doorService->setGate(QStringLiteral("Main door"));
        m_doorService->setEvent(m_event);
        QVERIFY(waitCertified(*m_till));
    }

    void aRevokedTillIsStoppedEverywhere()
    {
        // The till leases four seats and keeps its lease across reconnects.
        OfflineSaleService* sales = m_till->offlineSales();
        sales->setReturnLeasesOnReconnect(false);
        const QStringList seats = seatIdsOf(*m_till, m_event, 1200, 4);
        const LeaseInfo lease = leaseSeats(*m_till, m_event, seats);
        QVERIFY(lease.isValid());
        // One sale while connected: uploaded and confirmed at once.
        QSignalSpy reconciled(sales, &OfflineSaleService::reconcileFinished);
        const OfflineSaleOutcome uploaded = sales->sell(cashFor({seats.at(0)}));
        QVERIFY2(uploaded.ok, qPrintable(uploaded.error));
        QVERIFY(reconciled.wait(kTimeoutMs));
        QCOMPARE(serverOrderStatus(m_server, uploaded.sale.orderId), QStringLiteral("confirmed"));
        const QString confirmedCode = ticketCodeOf(uploaded);
        QVERIFY(!confirmedCode.isEmpty());
        // One sale offline that never reaches the server, and a forgery the thief signs later
        // with the till's key, backdated to before the theft.
        m_till->syncClient()->stop();
        QVERIFY(QTest::qWaitFor([&] { return !m_till->syncClient()->isConnected(); }, kTimeoutMs));
        const OfflineSaleOutcome pending = sales->sell(cashFor({seats.at(1)}));
        QVERIFY2(pending.ok, qPrintable(pending.error));
        const QString pendingCode = ticketCodeOf(pending);
        const auto tillKey = m_till->deviceKeys()->signingKey();
        QVERIFY(tillKey);
        core::tickets::TicketClaims claims{QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(),
                                           m_event.toStdString(), 1, QDateTime::currentMSecsSinceEpoch() - 86'400'000,
                                           tillKey->keyId};
        const QString forgedCode = QString::fromStdString(core::tickets::signTicket(claims, *tillKey));
        const QString tillKeyId = QString::fromStdString(tillKey->keyId);
        const QString tillDevice = m_till->leases()->deviceId();

        // Before the revocation the door trusts the till's certified key.
        QVERIFY(QTest::qWaitFor([&] { return m_door->store()->ticketKey(tillKeyId).has_value(); }, kTimeoutMs));
        QCOMPARE(m_door->store()->ticketKey(tillKeyId)->revokedAtMs, 0);
        QVERIFY(m_doorService->isOnline());

        // The admin revokes it in the box-office window's Devices tab.
        BoxOfficeWindow window(m_admin.get());
        window.resize(1400, 900);
        window.setEvent(m_event);
        window.show();
        DevicesPanel* panel = window.devicesPanel();
        auto* tabs = window.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(panel)));
        tabs->setCurrentWidget(panel);
        QTableWidget* table = panel->deviceTable();
        QVERIFY(QTest::qWaitFor([&] { return table->rowCount() > 0; }, kTimeoutMs));
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->toolTip().contains(tillDevice))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(table->item(row, 4)->text(), QStringLiteral("1 (1)"));
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("Active"));
        QVERIFY(table->item(row, 3)->text() != QStringLiteral("none")); // the uploaded sale
        QVERIFY(!panel->revokeButton()->isEnabled());
        table->selectRow(row);
        QVERIFY(panel->revokeButton()->isEnabled());
        QVERIFY(savePng(window, QStringLiteral("devices_tab.png")));
        panel->revokeButton()->click();
        QDialog* confirmation = panel->confirmation();
        QVERIFY(confirmation && confirmation->isVisible());
        QVERIFY(!panel->confirmRevokeButton()->isEnabled()); // a reason is required
        panel->reasonEdit()->setText(QStringLiteral("Stolen from the North box office"));
        QVERIFY(panel->confirmRevokeButton()->isEnabled());
        QVERIFY(savePng(*confirmation, QStringLiteral("devices_confirm.png")));
        QSignalSpy revoked(panel->service(), &DeviceAdminService::revoked);
        panel->confirmRevokeButton()->click();
        QVERIFY(revoked.wait(kTimeoutMs));
        const DeviceRow device = revoked.first().first().value<DeviceRow>();
        QVERIFY(device.isRevoked());
        QCOMPARE(device.seatsReturned, 3); // the server never saw the offline sale: its seat too
        QVERIFY(panel->messageLabel()->text().contains(QStringLiteral("3 unsold leased seat")));
        // The revoked device leaves the list unless asked for.
        QVERIFY(QTest::qWaitFor([&] {
            for (int r = 0; r < table->rowCount(); ++r)
                if (table->item(r, 0)->toolTip().contains(tillDevice))
                    return false;
            return true;
        }, kTimeoutMs));
        panel->showRevokedBox()->setChecked(true);
        QVERIFY(QTest::qWaitFor([&] {
            for (int r = 0; r < table->rowCount(); ++r)
                if (table->item(r, 0)->toolTip().contains(tillDevice))
                    return table->item(r, 1)->text().contains(QStringLiteral("Stolen from the North box office"));
            return false;
        }, kTimeoutMs));
        QVERIFY(table->selectedItems().isEmpty() || !panel->revokeButton()->isEnabled());
        QVERIFY(savePng(window, QStringLiteral("devices_revoked.png")));
        QCOMPARE(m_server.query(QStringLiteral("SELECT status FROM seat_leases WHERE id = '%1'").arg(lease.id)).value(0),
                 QStringLiteral("closed"));
        QCOMPARE(serverClaims(m_server, m_event, QStringLiteral("leased")), 0);

        // The door learns it at its next sync: the key marked revoked, the catalog of the one
        // confirmed sale's ticket through the check-in feed.
        QVERIFY(QTest::qWaitFor([&] { return m_door->store()->ticketKey(tillKeyId)->revokedAtMs > 0; }, kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return doorCatalogSize() == 1; }, kTimeoutMs));
        // Online, the server decides.
        QCOMPARE(scanOnline(forgedCode).outcome, CheckInService::Outcome::Invalid);
        QCOMPARE(scanOnline(pendingCode).outcome, CheckInService::Outcome::Invalid);
        // Offline, the door decides the same way.
        m_door->syncClient()->stop();
        QVERIFY(QTest::qWaitFor([&] { return !m_doorService->isOnline(); }, kTimeoutMs));
        const auto forged = m_doorService->checkOffline(forgedCode);
        QCOMPARE(forged.outcome, CheckInService::Outcome::Invalid);
        QVERIFY(forged.detail.contains(QStringLiteral("revoked")));
        QCOMPARE(m_doorService->checkOffline(pendingCode).outcome, CheckInService::Outcome::Invalid);
        const auto admitted = m_doorService->checkOffline(QStringLiteral("  ") + confirmedCode + QStringLiteral("\n"));
        QCOMPARE(admitted.outcome, CheckInService::Outcome::Admitted);
        QCOMPARE(m_doorService->checkOffline(confirmedCode).outcome, CheckInService::Outcome::AlreadyAdmitted);

        // The till comes back: its offline sale is rejected (device_revoked), it learns it is
        // revoked and sells nothing more.
        QSignalSpy tillReconciled(sales, &OfflineSaleService::reconcileFinished);
        m_till->syncClient()->start();
        QVERIFY(tillReconciled.wait(kTimeoutMs));
        QCOMPARE(tillReconciled.first().at(1).toInt(), 1); // rejected
        QCOMPARE(serverOrderStatus(m_server, pending.sale.orderId), QString());
        QVERIFY(QTest::qWaitFor([&] { return m_till->deviceKeys()->isRevoked(); }, kTimeoutMs));
        QVERIFY(!m_till->deviceKeys()->isCertified());
        const OfflineSaleOutcome refused = sales->sell(cashFor({seats.at(2)}));
        QVERIFY(!refused.ok);
        QVERIFY(refused.error.contains(QStringLiteral("revoked")));
        QCOMPARE(serverSeatsSoldTwice(m_server, m_event), 0);
    }

    void staffDoNotSeeTheDevicesTab()
    {
        BoxOfficeWindow window(m_door.get());
        window.show();
        auto* tabs = window.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(window.devicesPanel())));
    }
};

QTEST_MAIN(TestDeviceRevocationServer)
#include "test_device_revocation_server.moc"
