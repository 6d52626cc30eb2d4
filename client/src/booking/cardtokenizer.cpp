// CardTokenizer implementation: one form-encoded POST, Stripe's error shape decoded.
#include "booking/cardtokenizer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace marquee::client {

void CardDetails::wipe()
{
    number.fill(QLatin1Char('0'));
    number.clear();
    cvc.fill(QLatin1Char('0'));
    cvc.clear();
    expMonth = expYear = 0;
}

CardTokenizer::CardTokenizer(QObject* parent) : QObject(parent) {}

void CardTokenizer::setNetworkAccessManager(QNetworkAccessManager* manager) { m_manager = manager; }

void CardTokenizer::tokenize(const QString& providerUrl, const QString& publishableKey, CardDetails& card)
{
    if (m_reply)
        m_reply->abort();
    if (!m_manager)
        m_manager = new QNetworkAccessManager(this);

    QUrlQuery form;
    form.addQueryItem(QStringLiteral("type"), QStringLiteral("card"));
    form.addQueryItem(QStringLiteral("card[number]"), QString(card.number).remove(QLatin1Char(' ')));
    form.addQueryItem(QStringLiteral("card[exp_month]"), QString::number(card.expMonth));
    form.addQueryItem(QStringLiteral("card[exp_year]"), QString::number(card.expYear));
    form.addQueryItem(QStringLiteral("card[cvc]"), card.cvc);
    QByteArray body = form.toString(QUrl::FullyEncoded).toUtf8();
    card.wipe();

    QString base = providerUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest request(QUrl(base + QStringLiteral("/v1/payment_methods")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization", "Bearer " + publishableKey.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply* reply = m_manager->post(request, body);
    body.fill('0'); // the card number must not linger in this process's heap
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void CardTokenizer::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // superseded by a newer request
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 0 || status >= 500) {
        Q_EMIT failed(Failure::Unreachable, QString(), reply->errorString());
        return;
    }
    if (status >= 200 && status < 300) {
        const QString id = json.value(QLatin1String("id")).toString();
        if (!id.startsWith(QLatin1String("pm_"))) {
            Q_EMIT failed(Failure::Refused, QString(), QStringLiteral("no payment method in the provider's answer"));
            return;
        }
        const QJsonObject cardJson = json.value(QLatin1String("card")).toObject();
        Q_EMIT tokenized(CardToken{id, cardJson.value(QLatin1String("brand")).toString(),
                                   cardJson.value(QLatin1String("last4")).toString()});
        return;
    }
    const QJsonObject error = json.value(QLatin1String("error")).toObject();
    const QString type = error.value(QLatin1String("type")).toString();
    QString code = error.value(QLatin1String("decline_code")).toString();
    if (code.isEmpty())
        code = error.value(QLatin1String("code")).toString();
    const QString message = error.value(QLatin1String("message")).toString();
    Q_EMIT failed(type == QLatin1String("card_error") || status == 402 ? Failure::CardError : Failure::Refused, code,
                  message);
}

} // namespace marquee::client
