// Token bucket and login throttle policy, with a controlled clock.
#include "marquee/core/login_throttle.hpp"
#include "marquee/core/rate_limiter.hpp"

#include <QTest>

using namespace marquee::core;

class TestCoreRateLimit : public QObject {
    Q_OBJECT
private slots:
    void burstThenSteadyRate() {
        TokenBucket bucket(10.0, 5.0);
        for (int i = 0; i < 5; ++i) QVERIFY(bucket.tryTake(0));
        QVERIFY(!bucket.tryTake(0));
        QCOMPARE(bucket.msUntilAvailable(0), std::int64_t{100});
        QVERIFY(!bucket.tryTake(50));
        QVERIFY(bucket.tryTake(100));
        // A long pause refills only up to the burst.
        int taken = 0;
        while (bucket.tryTake(100'000)) ++taken;
        QCOMPARE(taken, 5);
    }

    void clockGoingBackwardsDoesNotMintTokens() {
        TokenBucket bucket(1.0, 1.0);
        QVERIFY(bucket.tryTake(10'000));
        QVERIFY(!bucket.tryTake(5'000));
        QVERIFY(!bucket.tryTake(10'500));
        QVERIFY(bucket.tryTake(11'000));
    }

    void loginThrottle_data() {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("lockout");
        QTest::newRow("0") << 0 << qint64(0);
        QTest::newRow("4") << 4 << qint64(0);
        QTest::newRow("5") << 5 << qint64(1000);
        QTest::newRow("6") << 6 << qint64(2000);
        QTest::newRow("9") << 9 << qint64(16000);
        QTest::newRow("cap") << 40 << qint64(15 * 60 * 1000);
    }
    void loginThrottle() {
        QFETCH(int, failures);
        QFETCH(qint64, lockout);
        QCOMPARE(LoginThrottlePolicy{}.lockoutMs(failures), lockout);
    }
};

QTEST_APPLESS_MAIN(TestCoreRateLimit)
#include "test_core_rate_limit.moc"
