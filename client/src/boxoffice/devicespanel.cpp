// DevicesPanel implementation (see devicespanel.h).
#include "boxoffice/devicespanel.h"

#include "net/syncclient.h"
#include "services/clientsession.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

// Status second: the tab is narrow and whether a device is revoked matters most.
enum Column { Name, Status, LastSeen, LastUpload, Leases, Certificate, Registered, ColumnCount };

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}

} // namespace

DevicesPanel::DevicesPanel(ClientSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_service(new DeviceAdminService(session->syncClient(), this))
{
    auto* intro = new QLabel(tr("Box-office devices that registered a ticket-signing key. Revoke a lost or stolen "
                                "device: its unsold leased seats go back on sale and the doors stop trusting "
                                "tickets it did not upload."),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Device"), tr("Status"), tr("Last seen"), tr("Last upload"),
                                        tr("Leases (active)"), tr("Certificate until"), tr("Registered by")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // A revocation's reason can be long: the status keeps a fixed width, the full text is its tooltip.
    m_table->horizontalHeader()->setSectionResizeMode(Status, QHeaderView::Interactive);
    m_table->setColumnWidth(Status, 240);
    m_table->setAccessibleName(tr("Registered devices"));

    m_showRevoked = new QCheckBox(tr("Show revoked devices"), this);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_revoke = new QPushButton(tr("Revoke…"), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showRevoked);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_revoke);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_service, &DeviceAdminService::devicesListed, this, &DevicesPanel::showDevices);
    connect(m_service, &DeviceAdminService::revoked, this, [this](const DeviceRow& device) {
        m_message->setText(tr("“%1” is revoked. %n unsold leased seat(s) went back on sale.", nullptr,
                              device.seatsReturned)
                               .arg(device.name.isEmpty() ? device.deviceId : device.name));
        refresh();
    });
    connect(m_service, &DeviceAdminService::failed, m_message, &QLabel::setText);
    connect(m_showRevoked, &QCheckBox::toggled, this, &DevicesPanel::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DevicesPanel::refresh);
    connect(m_revoke, &QPushButton::clicked, this, &DevicesPanel::askToRevoke);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DevicesPanel::updateButtons);
    updateButtons();
}

void DevicesPanel::refresh()
{
    m_service->listDevices(m_showRevoked->isChecked());
}

void DevicesPanel::showDevices(const QList<DeviceRow>& devices)
{
    const int selectedRow = selectedDeviceRow();
    const QString selected = selectedRow >= 0 ? m_devices.at(selectedRow).deviceId : QString();
    m_devices = devices;
    m_table->setRowCount(static_cast<int>(devices.size()));
    int reselect = -1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = 0; row < devices.size(); ++row) {
        const DeviceRow& d = devices.at(row);
        // Several tills often share a host name: the start of the device id tells them apart.
        auto* name = new QTableWidgetItem(d.name.isEmpty() || d.name == d.deviceId
                                              ? d.deviceId
                                              : tr("%1 (%2)").arg(d.name, d.deviceId.left(8)));
        name->setToolTip(tr("Device id %1, key %2").arg(d.deviceId, d.keyId));
        QString status;
        if (d.isRevoked())
            status = tr("Revoked %1 by %2: %3").arg(when(d.revokedAtMs), d.revokedBy, d.revocationReason);
        else if (d.validUntilMs <= now)
            status = tr("Certificate expired");
        else
            status = tr("Active");
        const QStringList cells{name->text(),
                                status,
                                d.lastSeenMs > 0 ? when(d.lastSeenMs) : tr("never"),
                                d.lastUploadMs > 0 ? when(d.lastUploadMs) : tr("none"),
                                tr("%1 (%2)").arg(d.leases).arg(d.activeLeases),
                                when(d.validUntilMs),
                                d.registeredBy.isEmpty() ? when(d.registeredAtMs)
                                                         : tr("%1 on %2").arg(d.registeredBy, when(d.registeredAtMs))};
        m_table->setItem(row, Name, name);
        for (int c = Status; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        m_table->item(row, Status)->setToolTip(status);
        if (d.isRevoked())
            for (int c = 0; c < ColumnCount; ++c)
                m_table->item(row, c)->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        if (d.deviceId == selected)
            reselect = row;
    }
    // Rows removed under the current one would leave another device selected: only the one
    // staff picked stays picked.
    m_table->selectionModel()->clear();
    if (reselect >= 0)
        m_table->selectRow(reselect);
    if (devices.isEmpty())
        m_message->setText(tr("No device has registered a key yet."));
    updateButtons();
}

int DevicesPanel::selectedDeviceRow() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    return row < m_devices.size() ? row : -1;
}

void DevicesPanel::updateButtons()
{
    const int row = selectedDeviceRow();
    m_revoke->setEnabled(row >= 0 && !m_devices.at(row).isRevoked());
}

void DevicesPanel::askToRevoke()
{
    const int row = selectedDeviceRow();
    if (row < 0 || m_devices.at(row).isRevoked())
        return;
    const DeviceRow device = m_devices.at(row);
    delete m_confirmation;
    m_confirmation = new QDialog(this);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation->setWindowTitle(tr("Revoke device"));
    auto* text = new QLabel(
        tr("Revoke “%1” (%2) for good?\n\n"
           "• Its %n active lease(s) are returned: unsold seats go back on sale.\n"
           "• It can no longer register, lease, upload sales or check tickets in.\n"
           "• Tickets it sold offline and has not uploaded will be refused at the doors; "
           "sell those buyers new tickets at the counter.\n\nThis cannot be undone.",
           nullptr, device.activeLeases)
            .arg(device.name.isEmpty() ? device.deviceId : device.name, device.deviceId),
        m_confirmation);
    text->setWordWrap(true);
    m_reason = new QLineEdit(m_confirmation);
    m_reason->setPlaceholderText(tr("Why (required), e.g. “Stolen from the North box office”"));
    m_reason->setMaxLength(500);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, m_confirmation);
    m_confirmRevoke = buttons->addButton(tr("Revoke device"), QDialogButtonBox::DestructiveRole);
    m_confirmRevoke->setEnabled(false);
    auto* layout = new QVBoxLayout(m_confirmation);
    layout->addWidget(text);
    layout->addWidget(new QLabel(tr("Reason:"), m_confirmation));
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    connect(m_reason, &QLineEdit::textChanged, m_confirmRevoke,
            [this](const QString& reason) { m_confirmRevoke->setEnabled(!reason.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::rejected, m_confirmation, &QDialog::reject);
    connect(m_confirmRevoke, &QPushButton::clicked, m_confirmation, [this, id = device.deviceId] {
        if (m_service->revoke(id, m_reason->text()))
            m_message->setText(tr("Revoking…"));
        m_confirmation->accept();
    });
    connect(m_confirmation, &QObject::destroyed, this, [this] {
        m_confirmation = nullptr;
        m_reason = nullptr;
        m_confirmRevoke = nullptr;
    });
    m_confirmation->open();
}

} // namespace marquee::client
