// RecommendationSettingsDialog implementation.
#include "recommend/recommendationsettingsdialog.h"

#include "recommend/recommendservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client {

namespace {

constexpr int kCategoryIdRole = Qt::UserRole + 1;

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#5f6368;"));
    return label;
}

// Parents first, each followed by its children, by name.
QList<core::Category> taxonomyOrder(QList<core::Category> categories)
{
    const auto byName = [](const core::Category& a, const core::Category& b) { return a.name < b.name; };
    std::sort(categories.begin(), categories.end(), byName);
    QList<core::Category> out;
    for (const core::Category& top : categories) {
        const bool hasParent = std::any_of(categories.cbegin(), categories.cend(),
                                           [&](const core::Category& c) { return c.id == top.parentId; });
        if (hasParent)
            continue;
        out << top;
        for (const core::Category& child : categories)
            if (child.parentId == top.id)
                out << child;
    }
    return out;
}

} // namespace

RecommendationSettingsDialog::RecommendationSettingsDialog(RecommendService* service, const QList<core::Category>& categories,
                                                           const QHash<QString, QPointF>& cityCentres, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("Recommendation Settings"));
    for (auto it = cityCentres.cbegin(); it != cityCentres.cend(); ++it)
        m_cityCentres.insert(it.key().toLower(), it.value());
    auto* layout = new QVBoxLayout(this);

    // What may be recorded.
    auto* privacy = new QGroupBox(tr("Your activity"), this);
    auto* privacyLayout = new QVBoxLayout(privacy);
    m_tracking = new QCheckBox(tr("Use the events I open and search for to recommend events"), privacy);
    privacyLayout->addWidget(m_tracking);
    privacyLayout->addWidget(note(tr("When this is off, nothing you do is recorded, and your orders are not used "
                                     "for recommendations."),
                                  privacy));
    m_deleteHistory = new QPushButton(tr("Delete My History…"), privacy);
    connect(m_deleteHistory, &QPushButton::clicked, this, &RecommendationSettingsDialog::askToDeleteHistory);
    auto* deleteRow = new QHBoxLayout;
    deleteRow->addWidget(m_deleteHistory);
    deleteRow->addStretch(1);
    privacyLayout->addLayout(deleteRow);
    layout->addWidget(privacy);

    // Interests and area side by side.
    auto* middle = new QHBoxLayout;
    auto* interests = new QGroupBox(tr("Interests"), this);
    auto* interestsLayout = new QVBoxLayout(interests);
    m_categories = new QListWidget(interests);
    m_categories->setMinimumHeight(150);
    for (const core::Category& c : taxonomyOrder(categories)) {
        const bool child = !c.parentId.empty()
            && std::any_of(categories.cbegin(), categories.cend(), [&](const core::Category& p) { return p.id == c.parentId; });
        auto* item = new QListWidgetItem(QString::fromStdString(c.name), m_categories);
        item->setData(kCategoryIdRole, QString::fromStdString(c.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        if (child) {
            item->setText(QStringLiteral("    ") + item->text());
        } else {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    interestsLayout->addWidget(m_categories, 1);
    interestsLayout->addWidget(new QLabel(tr("Other interests (comma-separated):"), interests));
    m_words = new QLineEdit(interests);
    m_words->setPlaceholderText(tr("e.g. jazz, stand-up, chamber music"));
    interestsLayout->addWidget(m_words);
    middle->addWidget(interests, 3);

    auto* area = new QGroupBox(tr("Your area"), this);
    auto* areaLayout = new QFormLayout(area);
    m_city = new QComboBox(area);
    m_city->setEditable(true);
    m_city->addItem(QString());
    QStringList cities;
    for (auto it = cityCentres.cbegin(); it != cityCentres.cend(); ++it)
        cities << it.key();
    cities.sort(Qt::CaseInsensitive);
    m_city->addItems(cities);
    m_city->lineEdit()->setPlaceholderText(tr("Anywhere"));
    m_radius = new QSpinBox(area);
    m_radius->setRange(0, 500);
    m_radius->setSingleStep(5);
    m_radius->setSuffix(tr(" km"));
    m_radius->setSpecialValueText(tr("Only this city"));
    areaLayout->addRow(tr("City:"), m_city);
    areaLayout->addRow(tr("Within:"), m_radius);
    areaLayout->addRow(note(tr("\"Trending near you\" and \"For you\" look here. A distance searches around the "
                               "city's centre."),
                            area));
    middle->addWidget(area, 2);
    layout->addLayout(middle, 1);

    auto* alerts = new QGroupBox(tr("E-mail me about events on my wishlist when they…"), this);
    auto* alertsLayout = new QGridLayout(alerts);
    m_sellingOut = new QCheckBox(tr("are about to sell out"), alerts);
    m_priceDrop = new QCheckBox(tr("drop in price"), alerts);
    m_scheduleChange = new QCheckBox(tr("change date or venue"), alerts);
    m_cancelled = new QCheckBox(tr("are cancelled"), alerts);
    m_digest = new QCheckBox(tr("Also send me a weekly digest of recommended events"), alerts);
    alertsLayout->addWidget(m_sellingOut, 0, 0);
    alertsLayout->addWidget(m_priceDrop, 0, 1);
    alertsLayout->addWidget(m_scheduleChange, 1, 0);
    alertsLayout->addWidget(m_cancelled, 1, 1);
    alertsLayout->addWidget(m_digest, 2, 0, 1, 2);
    layout->addWidget(alerts);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = m_buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &RecommendationSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    const auto markDirty = [this] { m_dirty = true; };
    for (QCheckBox* box : {m_tracking, m_sellingOut, m_priceDrop, m_scheduleChange, m_cancelled, m_digest})
        connect(box, &QCheckBox::toggled, this, markDirty);
    connect(m_categories, &QListWidget::itemChanged, this, markDirty);
    connect(m_words, &QLineEdit::textEdited, this, markDirty);
    connect(m_city, &QComboBox::editTextChanged, this, markDirty);
    connect(m_radius, &QSpinBox::valueChanged, this, markDirty);

    connect(m_service, &RecommendService::settingsChanged, this, [this](const RecommendationSettingsInfo& s) {
        if (!m_dirty)
            showSettings(s); // fresh from the server; never over the user's edits
        updateEnabled();
    });
    connect(m_service, &RecommendService::settingsSaved, this, [this](const RecommendationSettingsInfo& s) {
        showSettings(s);
        setStatus(tr("Saved."));
        updateEnabled();
    });
    connect(m_service, &RecommendService::settingsFailed, this, [this](const QString& message) {
        setStatus(message, true);
        updateEnabled();
    });
    connect(m_service, &RecommendService::historyDeleted, this, [this](int count) {
        setStatus(tr("Your history was deleted (%n recorded action(s)).", nullptr, count));
        updateEnabled();
    });
    connect(m_service, &RecommendService::historyDeleteFailed, this, [this](const QString& message) {
        setStatus(message, true);
        updateEnabled();
    });
    connect(m_service, &RecommendService::onlineChanged, this, &RecommendationSettingsDialog::updateEnabled);

    showSettings(m_service->settings());
    m_service->refreshSettings();
    updateEnabled();
    resize(640, 600);
}

void RecommendationSettingsDialog::showSettings(const RecommendationSettingsInfo& s)
{
    m_shown = s;
    m_tracking->setChecked(s.tracking);
    for (int i = 0; i < m_categories->count(); ++i) {
        QListWidgetItem* item = m_categories->item(i);
        item->setCheckState(s.interestCategories.contains(item->data(kCategoryIdRole).toString()) ? Qt::Checked
                                                                                                   : Qt::Unchecked);
    }
    m_words->setText(s.interestWords.join(QStringLiteral(", ")));
    m_city->setEditText(s.city);
    m_radius->setValue(static_cast<int>(s.radiusKm + 0.5));
    m_sellingOut->setChecked(s.alertSellingOut);
    m_priceDrop->setChecked(s.alertPriceDrop);
    m_scheduleChange->setChecked(s.alertScheduleChange);
    m_cancelled->setChecked(s.alertCancelled);
    m_digest->setChecked(s.weeklyDigest);
    m_dirty = false;
}

std::optional<RecommendationSettingsInfo> RecommendationSettingsDialog::formSettings()
{
    RecommendationSettingsInfo s = m_shown;
    s.tracking = m_tracking->isChecked();
    s.interestCategories.clear();
    for (int i = 0; i < m_categories->count(); ++i)
        if (m_categories->item(i)->checkState() == Qt::Checked)
            s.interestCategories << m_categories->item(i)->data(kCategoryIdRole).toString();
    s.interestWords.clear();
    for (const QString& word : m_words->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString w = word.simplified(); !w.isEmpty() && !s.interestWords.contains(w, Qt::CaseInsensitive))
            s.interestWords << w;
    if (s.interestWords.size() > 50 || std::any_of(s.interestWords.cbegin(), s.interestWords.cend(),
                                                   [](const QString& w) { return w.toUtf8().size() > 100; })) {
        setStatus(tr("Up to 50 other interests, each at most 100 characters."), true);
        return std::nullopt;
    }
    s.city = m_city->currentText().simplified();
    if (s.city.toUtf8().size() > 100) {
        setStatus(tr("The city name is too long."), true);
        return std::nullopt;
    }
    s.radiusKm = m_radius->value();
    if (s.radiusKm > 0) {
        const auto centre = m_cityCentres.constFind(s.city.toLower());
        if (centre != m_cityCentres.cend()) {
            s.latitude = centre->x();
            s.longitude = centre->y();
        } else if (s.city.compare(m_shown.city, Qt::CaseInsensitive) != 0 || m_shown.radiusKm <= 0) {
            // No centre known for it (and none saved before): the distance has nothing to start from.
            setStatus(tr("Pick a city from the list to search within a distance of it."), true);
            return std::nullopt;
        }
    } else {
        s.latitude = 0;
        s.longitude = 0;
    }
    s.alertSellingOut = m_sellingOut->isChecked();
    s.alertPriceDrop = m_priceDrop->isChecked();
    s.alertScheduleChange = m_scheduleChange->isChecked();
    s.alertCancelled = m_cancelled->isChecked();
    s.weeklyDigest = m_digest->isChecked();
    return s;
}

void RecommendationSettingsDialog::save()
{
    const auto settings = formSettings();
    if (!settings)
        return;
    if (m_service->saveSettings(*settings))
        setStatus(tr("Saving…"));
    updateEnabled();
}

void RecommendationSettingsDialog::askToDeleteHistory()
{
    if (m_confirmation)
        return;
    m_confirmation = new QMessageBox(QMessageBox::Warning, tr("Delete My History"),
                                     tr("Delete everything Marquee has recorded about the events you opened, searched "
                                        "for, saved and booked for your recommendations?"),
                                     QMessageBox::Cancel, this);
    m_confirmation->setInformativeText(tr("\"For you\" starts over from your interests. Your orders, tickets and "
                                          "wishlist stay. This cannot be undone."));
    QPushButton* yes = m_confirmation->addButton(tr("Delete History"), QMessageBox::DestructiveRole);
    m_confirmation->setDefaultButton(QMessageBox::Cancel);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton* button) {
        if (button != yes)
            return;
        if (m_service->deleteHistory())
            setStatus(tr("Deleting your history…"));
        updateEnabled();
    });
    m_confirmation->open();
}

void RecommendationSettingsDialog::updateEnabled()
{
    const bool online = m_service->isOnline() && m_service->isLoggedIn();
    m_save->setEnabled(online && !m_service->isSavingSettings());
    m_deleteHistory->setEnabled(online);
    if (!m_service->isLoggedIn()) {
        setStatus(tr("Log in to change your recommendation settings."), true);
        m_showsConnectionProblem = true;
    } else if (!m_service->isOnline()) {
        setStatus(tr("Offline — showing your settings as last saved; changes need a connection."), true);
        m_showsConnectionProblem = true;
    } else if (m_showsConnectionProblem) {
        setStatus(QString()); // connected again
    }
}

void RecommendationSettingsDialog::setStatus(const QString& text, bool problem)
{
    m_showsConnectionProblem = false;
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color:#b03a2e;") : QString());
}

QString RecommendationSettingsDialog::statusText() const { return m_status->text(); }

} // namespace marquee::client
