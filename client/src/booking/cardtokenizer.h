// CardTokenizer: sends card details straight to the online payment provider (Stripe-style
// `POST /v1/payment_methods` with the publishable key) and hands back its "pm_…" token. Card
// numbers never reach the Marquee server, are never logged and are not kept here.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace marquee::client {

// What the buyer typed. Cleared (overwritten) by CardTokenizer::tokenize once sent.
struct CardDetails {
    QString number;
    int expMonth = 0;
    int expYear = 0; // four digits
    QString cvc;
    void wipe();
};

struct CardToken {
    QString paymentMethodId; // "pm_…"
    QString brand;
    QString last4;
};

class CardTokenizer : public QObject {
    Q_OBJECT
public:
    explicit CardTokenizer(QObject* parent = nullptr);

    // Tests and the demo inject their own manager; by default one is created.
    void setNetworkAccessManager(QNetworkAccessManager* manager);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // One request at a time; a new one aborts the previous. `card` is wiped when sent.
    void tokenize(const QString& providerUrl, const QString& publishableKey, CardDetails& card);
    bool isBusy() const { return !m_reply.isNull(); }

    enum class Failure {
        Unreachable, // network error, timeout, 5xx
        CardError,   // the provider refused the card: code says why (incorrect_number, ...)
        Refused,     // the key or request was refused (4xx other than a card error)
    };
    Q_ENUM(Failure)

Q_SIGNALS:
    void tokenized(const marquee::client::CardToken& token);
    void failed(marquee::client::CardTokenizer::Failure failure, const QString& code, const QString& message);

private:
    void onFinished(QNetworkReply* reply);

    QNetworkAccessManager* m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    int m_timeoutMs = 20'000;
};

} // namespace marquee::client
Q_DECLARE_METATYPE(marquee::client::CardToken)
