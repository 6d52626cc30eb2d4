// RecommendationSettingsDialog: what recommendations may use and where to look. Tracking on
// or off and "Delete my history", interests (taxonomy categories the cache has, free words),
// the user's city and radius, wishlist alert mails and the weekly digest. Shows the cached
// settings offline; saving needs a connection (SetRecommendationSettings).
#pragma once

#include "marquee/core/domain.hpp"
#include "store/recommendrecords.h"

#include <QDialog>
#include <QMessageBox>
#include <QHash>
#include <QPointF>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace marquee::client {

class RecommendService;

class RecommendationSettingsDialog : public QDialog {
    Q_OBJECT
public:
    // cityCentres: the cities of the cached venues with a centre point each (for the radius).
    RecommendationSettingsDialog(RecommendService* service, const QList<core::Category>& categories,
                                 const QHash<QString, QPointF>& cityCentres, QWidget* parent = nullptr);

    // The settings as the form shows them; nullopt (and the problem in statusText) when invalid.
    std::optional<RecommendationSettingsInfo> formSettings();
    void showSettings(const RecommendationSettingsInfo& settings);
    QString statusText() const;

    QCheckBox* trackingBox() const { return m_tracking; }
    QPushButton* deleteHistoryButton() const { return m_deleteHistory; }
    QListWidget* categoryList() const { return m_categories; }
    QLineEdit* wordsEdit() const { return m_words; }
    QComboBox* cityBox() const { return m_city; }
    QSpinBox* radiusBox() const { return m_radius; }
    QCheckBox* sellingOutBox() const { return m_sellingOut; }
    QCheckBox* priceDropBox() const { return m_priceDrop; }
    QCheckBox* scheduleChangeBox() const { return m_scheduleChange; }
    QCheckBox* cancelledBox() const { return m_cancelled; }
    QCheckBox* digestBox() const { return m_digest; }
    QPushButton* saveButton() const { return m_save; }
    // The open "Delete my history?" question (non-modal, so tests can answer it), or null.
    QMessageBox* confirmation() const { return m_confirmation; }

    void save();
    void askToDeleteHistory();

private:
    void updateEnabled();
    void setStatus(const QString& text, bool problem = false);

    RecommendService* m_service;
    QHash<QString, QPointF> m_cityCentres; // lower-case city -> (latitude, longitude)
    RecommendationSettingsInfo m_shown;    // what the form was last filled with
    bool m_dirty = false;
    bool m_showsConnectionProblem = false; // the status says offline / logged out
    QCheckBox* m_tracking;
    QPushButton* m_deleteHistory;
    QListWidget* m_categories;
    QLineEdit* m_words;
    QComboBox* m_city;
    QSpinBox* m_radius;
    QCheckBox* m_sellingOut;
    QCheckBox* m_priceDrop;
    QCheckBox* m_scheduleChange;
    QCheckBox* m_cancelled;
    QCheckBox* m_digest;
    QLabel* m_status;
    QPushButton* m_save;
    QDialogButtonBox* m_buttons;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace marquee::client
