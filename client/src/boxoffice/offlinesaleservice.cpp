// OfflineSaleService implementation (see offlinesaleservice.h).
#include "boxoffice/offlinesaleservice.h"

#include "boxoffice/devicekeyservice.h"
#include "boxoffice/leaseservice.h"
#include "models/eventformat.h"
#include "net/bookingcodec.h"
#include "net/boxofficecodec.h"
#include "net/syncclient.h"
#include "services/accountservice.h"
#include "services/seatingservice.h"
#include "store/localstore.h"

#include "marquee/core/seating/layout.hpp"
#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/v1/envelope.pb.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcOfflineSale, "marquee.boxoffice.offlinesale")

namespace {

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

// The order-code alphabet of the server (orders/order_code.hpp): no 0/O, 1/I/L, U/V.
constexpr char kCodeAlphabet[] = "23456789ABCDEFGHJKMNPQRSTWXYZ";

const LeasedSeatInfo* findSeat(const LeaseInfo& lease, const QString& seatId)
{
    for (const LeasedSeatInfo& s : lease.seats)
        if (s.seatId == seatId)
            return &s;
    return nullptr;
}

} // namespace

OfflineSaleService::OfflineSaleService(LocalStore* store, SyncClient* sync, AccountService* account,
                                       DeviceKeyService* deviceKeys, LeaseService* leases, SeatingService* seating,
                                       QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_account(account), m_deviceKeys(deviceKeys), m_leases(leases),
      m_seating(seating), m_now([] { return QDateTime::currentMSecsSinceEpoch(); }), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        if (!m_reconciling)
            return;
        if (!m_sync->isConnected()) {
            m_reconciling = false; // the next connect starts over
            return;
        }
        uploadNextBatch();
    });
    connect(m_sync, &SyncClient::connected, this, &OfflineSaleService::onConnected);
    connect(m_sync, &SyncClient::boxOfficeAnswered, this, &OfflineSaleService::onAnswer);
    connect(m_sync, &SyncClient::requestFailed, this, &OfflineSaleService::onFailed);
    connect(m_sync, &SyncClient::deviceRevoked, this, &OfflineSaleService::onDeviceRevoked);
    connect(m_leases, &LeaseService::returnFinished, this, &OfflineSaleService::onReturnFinished);
}

void OfflineSaleService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

void OfflineSaleService::setUploadBatchSize(int sales) { m_batchSize = std::clamp(sales, 1, kMaxUploadBatch); }

QString OfflineSaleService::newOfflineOrderCode()
{
    QString code = QStringLiteral("MQ-O");
    constexpr auto alphabetSize = static_cast<quint32>(sizeof(kCodeAlphabet) - 1);
    for (int i = 0; i < 6; ++i)
        code += QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(alphabetSize)]);
    return code;
}

QString OfflineSaleService::seatLabel(const QString& eventId, const QString& seatId) const
{
    for (const LeaseInfo& lease : m_leases->activeLeases(eventId))
        if (const LeasedSeatInfo* s = findSeat(lease, seatId))
            return s->label;
    // Not leased: name it as the seat map does, row and seat ("B12").
    if (const auto layout = m_seating->layoutForEvent(eventId)) {
        const std::string id = seatId.toStdString();
        for (const auto& area : layout->areas)
            for (const auto& row : area.rows)
                for (const auto& seat : row.seats)
                    if (seat.id == id)
                        return QString::fromStdString(row.label + seat.label);
    }
    return seatId;
}

QString OfflineSaleService::noLeaseReason(const QString& eventId) const
{
    // activeLeases() leaves expired leases out; say so when that is why there is none.
    qint64 expiredAt = 0;
    for (const LeaseInfo& lease : m_store->leases(eventId, true))
        if (lease.deviceId == m_leases->deviceId())
            expiredAt = std::max(expiredAt, lease.expiresAtMs);
    if (expiredAt > 0)
        return tr("This device's lease for this event expired on %1: connect to return it and lease seats again.")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(expiredAt), QLocale::ShortFormat));
    return tr("This device has no lease for this event.");
}

QString OfflineSaleService::refusal(const QString& eventId, const QString& seatId) const
{
    const QList<LeaseInfo> leases = m_leases->activeLeases(eventId);
    if (leases.isEmpty())
        return noLeaseReason(eventId);
    for (const LeaseInfo& lease : leases) {
        const LeasedSeatInfo* s = findSeat(lease, seatId);
        if (!s)
            continue;
        switch (s->state) {
        case LeasedSeatState::Available:
            return {};
        case LeasedSeatState::Sold:
        case LeasedSeatState::SoldOffline:
            return tr("Seat %1 was already sold from this device's lease.").arg(s->label);
        case LeasedSeatState::Returning:
            return tr("Seat %1 is being returned to general sale and cannot be sold offline.").arg(s->label);
        case LeasedSeatState::Returned:
        case LeasedSeatState::Unspecified:
            break;
        }
        return tr("Seat %1 was returned to general sale and cannot be sold offline.").arg(s->label);
    }
    return tr("Seat %1 is not in this device's lease.").arg(seatLabel(eventId, seatId));
}

QStringList OfflineSaleService::pickSeats(const QString& eventId, std::uint32_t count, const QString& priceCategoryId) const
{
    QStringList best;
    if (count == 0)
        return best;
    for (const LeaseInfo& lease : m_leases->activeLeases(eventId)) {
        QList<const LeasedSeatInfo*> free;
        for (const LeasedSeatInfo& s : lease.seats)
            if (s.state == LeasedSeatState::Available && (priceCategoryId.isEmpty() || s.priceCategoryId == priceCategoryId))
                free.append(&s);
        std::sort(free.begin(), free.end(), [](auto* a, auto* b) { return a->seatIndex < b->seatIndex; });
        if (free.size() < static_cast<qsizetype>(count)) {
            if (free.size() > best.size()) {
                best.clear();
                for (const LeasedSeatInfo* s : free)
                    best << s->seatId;
            }
            continue;
        }
        // Side by side: consecutive seat indices (a row's seats are numbered in order).
        qsizetype start = 0;
        for (qsizetype i = 0; i + static_cast<qsizetype>(count) <= free.size(); ++i) {
            const qsizetype last = i + static_cast<qsizetype>(count) - 1;
            if (free[last]->seatIndex - free[i]->seatIndex == count - 1) {
                start = i;
                break;
            }
        }
        QStringList picked;
        for (qsizetype i = start; i < start + static_cast<qsizetype>(count); ++i)
            picked << free[i]->seatId;
        return picked;
    }
    return best;
}

qint64 OfflineSaleService::priceOf(const QString& eventId, const QStringList& seatIds) const
{
    qint64 total = 0;
    for (const LeaseInfo& lease : m_leases->activeLeases(eventId))
        for (const QString& id : seatIds)
            if (const LeasedSeatInfo* s = findSeat(lease, id))
                total += s->totalMinor;
    return total;
}

OfflineSaleOutcome OfflineSaleService::sell(const OfflineSaleRequest& request)
{
    OfflineSaleOutcome out;
    auto fail = [&out](const QString& message) {
        out.error = message;
        return out;
    };
    if (!m_account->isLoggedIn() || !isBoxOfficeRole(m_account->role()))
        return fail(tr("Sign in as box-office staff to sell offline."));
    // The server refuses the whole upload for these, after the tickets were printed: check first.
    if (const QString why = invalidBuyerOrReference(request); !why.isEmpty())
        return fail(why);
    const QList<LeaseInfo> leases = m_leases->activeLeases(request.eventId);
    if (leases.isEmpty())
        return fail(noLeaseReason(request.eventId));

    QStringList seatIds = request.seatIds;
    if (seatIds.isEmpty()) {
        if (request.count == 0)
            return fail(tr("Choose seats or how many to sell."));
        seatIds = pickSeats(request.eventId, request.count, request.priceCategoryId);
        if (seatIds.size() < static_cast<qsizetype>(request.count))
            return fail(seatIds.isEmpty() ? tr("No seats are left in this device's lease.")
                                          : tr("Only %n seat(s) left together in this device's lease.", "",
                                               static_cast<int>(seatIds.size())));
    }
    seatIds.removeDuplicates();
    for (const QString& id : seatIds)
        if (const QString why = refusal(request.eventId, id); !why.isEmpty())
            return fail(why);
    // Every seat of one sale comes from one lease (the upload names the lease).
    const LeaseInfo* lease = nullptr;
    for (const LeaseInfo& l : leases)
        if (findSeat(l, seatIds.first()))
            lease = &l;
    for (const QString& id : seatIds)
        if (!findSeat(*lease, id))
            return fail(tr("Seats %1 and %2 come from different leases: sell them separately.")
                            .arg(seatLabel(request.eventId, seatIds.first()), seatLabel(request.eventId, id)));

    const qint64 now = m_now();
    if (m_deviceKeys->isRevoked())
        return fail(tr("This device was revoked by an admin: it can no longer sell offline."));
    const auto key = m_deviceKeys->signingKey();
    if (!key || !m_deviceKeys->isCertified(now))
        return fail(tr("This device's ticket key is not certified (or the certificate expired): connect once while "
                       "signed in as staff."));

    v1::Order order;
    const QString orderId = newId();
    const QString code = newOfflineOrderCode();
    order.set_id(orderId.toStdString());
    order.set_code(code.toStdString());
    order.set_event_id(request.eventId.toStdString());
    order.set_user_id(m_account->userId());
    order.set_sold_by_user_id(m_account->userId());
    order.set_device_id(m_leases->deviceId().toStdString());
    order.set_status(v1::ORDER_PENDING); // until the server confirms the upload
    order.set_currency(lease->currency.toStdString());
    order.set_buyer_name(request.buyerName.toStdString());
    order.set_buyer_email(request.buyerEmail.trimmed().toStdString());
    order.set_created_at_ms(now);
    order.set_updated_at_ms(now);
    order.set_event_title(lease->eventTitle.toStdString());
    order.set_event_starts_at_ms(lease->eventStartsAtMs);
    order.set_event_time_zone(lease->eventTimeZone.toStdString());
    order.set_venue_name(lease->venueName.toStdString());
    order.set_venue_address(lease->venueAddress.toStdString());
    qint64 subtotal = 0, fees = 0, tax = 0, total = 0;
    std::uint32_t lineNo = 0;
    for (const QString& id : seatIds) {
        const LeasedSeatInfo* seat = findSeat(*lease, id);
        v1::OrderLine* line = order.add_lines();
        if (!line->ParseFromArray(seat->line.constData(), static_cast<int>(seat->line.size())))
            return fail(tr("The lease's price for seat %1 is unreadable; lease the seats again.").arg(seat->label));
        line->set_line_no(++lineNo);
        subtotal += line->price_minor();
        fees += line->fee_minor();
        total += line->total_minor();
        // Tax added on top is in total_minor already; contained tax is reported, not added.
        tax += line->tax_minor();

        core::tickets::TicketClaims claims;
        claims.ticketId = newId().toStdString();
        claims.eventId = request.eventId.toLower().toStdString();
        claims.lineNo = lineNo;
        claims.issuedAtMs = now;
        claims.keyId = key->keyId;
        v1::Ticket* ticket = order.add_tickets();
        ticket->set_id(claims.ticketId);
        ticket->set_order_id(orderId.toStdString());
        ticket->set_event_id(request.eventId.toStdString());
        ticket->set_line_no(lineNo);
        ticket->set_seat_id(line->seat_id());
        ticket->set_label(line->label());
        ticket->set_price_category_name(line->price_category_name());
        ticket->set_holder_name(request.buyerName.toStdString());
        try {
            ticket->set_code(core::tickets::signTicket(claims, *key));
        } catch (const std::exception& e) {
            return fail(tr("The ticket could not be signed: %1").arg(QString::fromUtf8(e.what())));
        }
        ticket->set_issued_at_ms(now);
    }
    order.set_subtotal_minor(subtotal);
    order.set_fees_minor(fees);
    order.set_tax_minor(tax);
    order.set_total_minor(total);

    v1::Payment* payment = order.mutable_payment();
    payment->set_method(static_cast<v1::PaymentMethodKind>(request.method));
    payment->set_status(v1::PAYMENT_CAPTURED);
    payment->set_amount_minor(total);
    if (request.method == PaymentMethod::Cash) {
        if (request.tenderedMinor < total)
            return fail(tr("Not enough cash: %1 tendered, %2 due.")
                            .arg(format::money(request.tenderedMinor, lease->currency), format::money(total, lease->currency)));
        payment->set_tendered_minor(request.tenderedMinor);
        payment->set_change_due_minor(request.tenderedMinor - total);
        payment->set_provider_reference(code.toStdString());
    } else if (request.method == PaymentMethod::CardTerminal) {
        if (request.terminalReference.trimmed().isEmpty())
            return fail(tr("Enter the card terminal's authorisation reference."));
        payment->set_provider_reference(request.terminalReference.trimmed().toStdString());
    } else {
        return fail(tr("Offline, only cash and the card terminal can be taken."));
    }

    v1::OfflineSale upload;
    const QString idempotencyKey = newId();
    upload.set_idempotency_key(idempotencyKey.toStdString());
    upload.set_lease_id(lease->id.toStdString());
    upload.set_order_id(orderId.toStdString());
    upload.set_order_code(code.toStdString());
    *upload.mutable_lines() = order.lines();
    *upload.mutable_tickets() = order.tickets();
    upload.set_method(payment->method());
    *upload.mutable_payment() = *payment;
    upload.set_buyer_name(request.buyerName.toStdString());
    upload.set_buyer_email(request.buyerEmail.trimmed().toStdString());
    upload.set_sold_at_ms(now);
    upload.set_staff_user_id(m_account->userId());

    out.order = fromProto(order);
    OfflineSaleWrite write;
    write.seatIds = seatIds;
    const std::string uploadBytes = upload.SerializeAsString();
    write.uploadPayload = QByteArray(uploadBytes.data(), static_cast<qsizetype>(uploadBytes.size()));
    OfflineSaleInfo& sale = write.sale;
    sale.idempotencyKey = idempotencyKey;
    sale.orderId = orderId;
    sale.orderCode = code;
    sale.leaseId = lease->id;
    sale.eventId = request.eventId;
    sale.soldAtMs = now;
    sale.staffUserId = m_account->userId();
    sale.method = request.method;
    sale.totalMinor = total;
    sale.buyerName = request.buyerName;
    sale.orderPayload = out.order.encoded;
    QString refused;
    if (!m_store->recordOfflineSale(write, &refused))
        return fail(refused.isEmpty() ? tr("The sale could not be saved on this device: %1").arg(m_store->lastError())
                                      : refusal(request.eventId, refused));
    out.ok = true;
    out.sale = sale;
    qCInfo(lcOfflineSale) << "offline sale" << code << "of" << seatIds.size() << "seats from lease" << lease->id;
    Q_EMIT saleRecorded(sale);
    Q_EMIT pendingCountChanged(pendingCount());
    if (m_sync->isConnected() && isBoxOfficeRole(m_sync->hello().role))
        reconcile(false); // online after all: upload at once, keep the lease
    return out;
}

QString OfflineSaleService::invalidBuyerOrReference(const OfflineSaleRequest& request)
{
    const QString email = request.buyerEmail.trimmed();
    if (!email.isEmpty() && !core::isValidEmail(email.toStdString()))
        return tr("The buyer's e-mail address \"%1\" is not valid: correct it or leave it empty.").arg(email);
    if (request.buyerName.toUtf8().size() > kMaxBuyerNameBytes)
        return tr("The buyer's name is too long (at most %n bytes; accented letters take two).", "", kMaxBuyerNameBytes);
    if (request.method == PaymentMethod::CardTerminal && request.terminalReference.trimmed().toUtf8().size() > kMaxTerminalReferenceBytes)
        return tr("The card terminal's reference is too long (at most %n bytes; accented letters take two).", "", kMaxTerminalReferenceBytes);
    return {};
}

int OfflineSaleService::pendingCount() const
{
    return static_cast<int>(m_store->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind)).size());
}

QList<OfflineSaleInfo> OfflineSaleService::rejectedSales() const
{
    return m_store->offlineSales(OfflineSaleStatus::Rejected);
}

QList<OfflineSaleInfo> OfflineSaleService::sales(const QString& eventId) const
{
    return m_store->offlineSales(std::nullopt, eventId);
}

void OfflineSaleService::onConnected(const HelloInfo& hello)
{
    if (isBoxOfficeRole(hello.role))
        reconcile(m_returnOnReconnect);
}

bool OfflineSaleService::reconcile(bool returnLeases)
{
    if (!m_sync->isConnected())
        return false;
    m_returnAfterUpload = m_returnAfterUpload || returnLeases;
    if (m_reconciling)
        return true;
    m_reconciling = true;
    m_uploadTotal = pendingCount();
    m_uploaded = m_confirmed = m_rejected = m_returnedSeats = 0;
    uploadNextBatch();
    return true;
}

void OfflineSaleService::uploadNextBatch()
{
    const QList<OutboxEntry> entries =
        m_store->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind), m_batchSize);
    if (entries.isEmpty()) {
        if (std::exchange(m_returnAfterUpload, false))
            returnLeases();
        else
            finish();
        return;
    }
    v1::Envelope env;
    v1::UploadOfflineSales* upload = env.mutable_upload_offline_sales();
    m_uploadKeys.clear();
    QList<OutboxEntry> unreadable;
    for (const OutboxEntry& e : entries) {
        if (!upload->add_sales()->ParseFromArray(e.payload.constData(), static_cast<int>(e.payload.size()))) {
            upload->mutable_sales()->RemoveLast();
            unreadable << e;
            continue;
        }
        m_uploadKeys << e.key;
    }
    if (!unreadable.isEmpty()
        && !rejectOnDevice(unreadable, QStringLiteral("unreadable_on_device"),
                           tr("This sale's record on the device is damaged and could not be uploaded: check the "
                              "printed tickets and enter the sale by hand."))) {
        m_reconciling = false;
        Q_EMIT reconcileFailed(tr("Damaged offline sales on this device could not be set aside: %1").arg(m_store->lastError()));
        return;
    }
    if (m_uploadKeys.isEmpty()) { // only damaged entries: they left the outbox, go on with the rest
        uploadNextBatch();
        return;
    }
    m_uploadRequest = m_sync->sendBoxOffice(env);
}

bool OfflineSaleService::rejectOnDevice(const QList<OutboxEntry>& entries, const QString& reason,
                                        const QString& message)
{
    QList<OfflineSaleResultInfo> results;
    for (const OutboxEntry& e : entries) {
        qCWarning(lcOfflineSale) << "offline sale not uploadable, flagged for staff:" << e.key << reason;
        OfflineSaleResultInfo r;
        r.idempotencyKey = e.key;
        r.reason = reason;
        r.message = message;
        results << r;
    }
    if (!m_store->applyOfflineSaleResults(results))
        return false;
    m_uploadTotal = std::max(0, m_uploadTotal - static_cast<int>(entries.size()));
    const QList<OfflineSaleInfo> rejected = m_store->offlineSales(OfflineSaleStatus::Rejected);
    for (const OfflineSaleResultInfo& r : results)
        for (const OfflineSaleInfo& sale : rejected)
            if (sale.idempotencyKey == r.idempotencyKey) {
                ++m_rejected;
                Q_EMIT saleRejected(sale);
            }
    Q_EMIT pendingCountChanged(pendingCount());
    return true;
}

void OfflineSaleService::onAnswer(quint64 requestId, std::shared_ptr<const v1::Envelope> answer)
{
    if (requestId == 0 || requestId != m_uploadRequest)
        return;
    m_uploadRequest = 0;
    m_retryDelayMs = 0;
    QList<OfflineSaleResultInfo> results;
    if (answer->has_offline_sale_results())
        for (const v1::OfflineSaleResult& r : answer->offline_sale_results().results())
            if (m_uploadKeys.contains(QString::fromStdString(r.idempotency_key())))
                results.append(fromProto(r));
    if (results.isEmpty() || !m_store->applyOfflineSaleResults(results)) {
        m_reconciling = false;
        Q_EMIT reconcileFailed(results.isEmpty() ? tr("The server answered the upload without results.")
                                                 : tr("The upload's results could not be saved: %1").arg(m_store->lastError()));
        return;
    }
    const QList<OfflineSaleInfo> all = m_store->offlineSales();
    for (const OfflineSaleResultInfo& r : results) {
        const auto sale = std::find_if(all.cbegin(), all.cend(), [&](const OfflineSaleInfo& s) { return s.idempotencyKey == r.idempotencyKey; });
        if (sale == all.cend())
            continue;
        if (r.confirmed) {
            ++m_confirmed;
            Q_EMIT saleConfirmed(*sale);
        } else {
            ++m_rejected;
            qCWarning(lcOfflineSale) << "offline sale" << sale->orderCode << "rejected:" << r.reason << r.message;
            Q_EMIT saleRejected(*sale);
        }
    }
    m_uploaded += static_cast<int>(results.size());
    Q_EMIT uploadProgress(m_uploaded, std::max(m_uploaded, m_uploadTotal));
    Q_EMIT pendingCountChanged(pendingCount());
    uploadNextBatch();
}

void OfflineSaleService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == 0 || requestId != m_uploadRequest)
        return;
    m_uploadRequest = 0;
    // The entries stay in the outbox; a retry (or the next connect) sends them again with the
    // same keys, so the server answers a batch it already stored as a replay.
    qCWarning(lcOfflineSale) << "UploadOfflineSales failed:" << error.message;
    const bool transient = error.code == ErrorCode::Timeout || error.code == ErrorCode::Unavailable
        || error.code == ErrorCode::ResourceExhausted || error.code == ErrorCode::Internal;
    if (transient && m_sync->isConnected()) {
        m_retryDelayMs = m_retryDelayMs == 0 ? m_firstRetryDelayMs : std::min(2 * m_retryDelayMs, kMaxRetryDelayMs);
        m_retry->start(m_retryDelayMs);
        return;
    }
    m_reconciling = false;
    m_retryDelayMs = 0;
    Q_EMIT reconcileFailed(tr("The offline sales could not be uploaded yet: %1").arg(error.message));
}

void OfflineSaleService::onDeviceRevoked()
{
    // The server refuses every upload from a revoked device and no longer lets it connect, so
    // the waiting sales are flagged here instead of waiting forever. A batch the server stored
    // just before its answer was lost is among them, so the text doesn't claim a refusal: an
    // admin looks the order codes up before anyone refunds.
    m_retry->stop();
    m_uploadRequest = 0;
    m_returning.clear();
    m_returnAfterUpload = false;
    m_uploaded = m_confirmed = m_rejected = m_returnedSeats = 0;
    const QList<OutboxEntry> entries = m_store->outbox(std::nullopt, QLatin1String(LocalStore::kOfflineSaleOutboxKind));
    m_uploadTotal = static_cast<int>(entries.size());
    m_reconciling = false;
    if (!entries.isEmpty()
        && !rejectOnDevice(entries, QStringLiteral("device_revoked"),
                           tr("Not confirmed: this device was revoked by an admin before the server confirmed the sale. "
                              "Ask an admin to look the order code up on the server: if the order is there, the sale "
                              "stands; if not, its tickets are refused at the door, so refund the buyer or sell the "
                              "seats again on another till."))) {
        Q_EMIT reconcileFailed(tr("The offline sales of this revoked device could not be set aside: %1").arg(m_store->lastError()));
        return;
    }
    Q_EMIT reconcileFinished(m_confirmed, m_rejected, m_returnedSeats);
}

void OfflineSaleService::returnLeases()
{
    // LeaseService names the seats (those still Available here, marked Returning meanwhile);
    // a lease with none left has nothing to give back.
    for (const LeaseInfo& lease : m_leases->activeLeases())
        if (lease.countIn(LeasedSeatState::Available) > 0)
            m_returning.insert(lease.id);
    if (m_returning.isEmpty()) {
        finish();
        return;
    }
    for (const QString& id : QStringList(m_returning.cbegin(), m_returning.cend()))
        m_leases->returnLease(id);
}

void OfflineSaleService::onReturnFinished(const QString& leaseId, bool ok, int seats)
{
    if (!m_returning.remove(leaseId))
        return;
    if (ok)
        m_returnedSeats += seats;
    if (m_returning.isEmpty())
        finish();
}

void OfflineSaleService::finish()
{
    // Sales recorded while the return was in flight go up now, not at the next connect.
    if (m_sync->isConnected() && m_uploadRequest == 0 && pendingCount() > 0) {
        uploadNextBatch();
        return;
    }
    m_reconciling = false;
    Q_EMIT reconcileFinished(m_confirmed, m_rejected, m_returnedSeats);
}

} // namespace marquee::client
