// DevicesPanel: the box-office window's "Devices" tab for admins: every
// registered device (name, who registered it, last seen and upload, leases, certificate expiry,
// revocation) and revoking a lost or stolen one after a confirmation that names the effects.
#pragma once

#include "boxoffice/deviceadminservice.h"

#include <QWidget>

class QCheckBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace marquee::client {

class ClientSession;

class DevicesPanel : public QWidget {
    Q_OBJECT
public:
    explicit DevicesPanel(ClientSession* session, QWidget* parent = nullptr);

    DeviceAdminService* service() const { return m_service; }
    QTableWidget* deviceTable() const { return m_table; }
    QCheckBox* showRevokedBox() const { return m_showRevoked; }
    QPushButton* revokeButton() const { return m_revoke; }
    QLabel* messageLabel() const { return m_message; }
    // The confirmation of "Revoke…" while it is open (nullptr otherwise), its reason field and
    // its confirming button.
    QDialog* confirmation() const { return m_confirmation; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* confirmRevokeButton() const { return m_confirmRevoke; }

public Q_SLOTS:
    void refresh();

private:
    void showDevices(const QList<DeviceRow>& devices);
    void askToRevoke();
    void updateButtons();
    int selectedDeviceRow() const; // -1: none

    ClientSession* m_session;
    DeviceAdminService* m_service;
    QList<DeviceRow> m_devices;

    QTableWidget* m_table;
    QCheckBox* m_showRevoked;
    QPushButton* m_refresh;
    QPushButton* m_revoke;
    QLabel* m_message;
    QDialog* m_confirmation = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_confirmRevoke = nullptr;
};

} // namespace marquee::client
