// Order pricing without a database: fees, tax contained in or added to price + fee, the
// half-up rounding of the basis-point division, the "*" default and the range guard; the order
// code format; the cash provider's answers.
#include "orders/cash_provider.hpp"
#include "orders/order_code.hpp"
#include "orders/pricing.hpp"

#include <QtTest>

#include <set>
#include <stdexcept>

using namespace marquee::server;

class TestOrderPricing : public QObject {
    Q_OBJECT

private slots:
    void priceLine_data() {
        QTest::addColumn<qlonglong>("price");
        QTest::addColumn<qlonglong>("fee");
        QTest::addColumn<uint>("basisPoints");
        QTest::addColumn<bool>("included");
        QTest::addColumn<qlonglong>("tax");
        QTest::addColumn<qlonglong>("total");
        // 19 % contained in 26.50: 2650 * 1900 / 11900 = 423.11
        QTest::newRow("included, rounds down") << 2500LL << 150LL << 1900U << true << 423LL << 2650LL;
        // 4000 * 1900 / 11900 = 638.66
        QTest::newRow("included, rounds up") << 4000LL << 0LL << 1900U << true << 639LL << 4000LL;
        // 105 * 500 / 10500 = 5 exactly
        QTest::newRow("included, exact") << 100LL << 5LL << 500U << true << 5LL << 105LL;
        QTest::newRow("added 7 %") << 2500LL << 100LL << 700U << false << 182LL << 2782LL;
        // 5 * 1000 / 10000 = 0.5: half up
        QTest::newRow("added, half goes up") << 5LL << 0LL << 1000U << false << 1LL << 6LL;
        // 15 * 1000 / 10000 = 1.5
        QTest::newRow("added, 1.5 goes up") << 15LL << 0LL << 1000U << false << 2LL << 17LL;
        // 14 * 1000 / 10000 = 1.4
        QTest::newRow("added, 1.4 goes down") << 14LL << 0LL << 1000U << false << 1LL << 15LL;
        // 21 * 1000 / 11000 = 1.909
        QTest::newRow("included, small") << 21LL << 0LL << 1000U << true << 2LL << 21LL;
        QTest::newRow("no tax") << 2500LL << 0LL << 0U << true << 0LL << 2500LL;
        QTest::newRow("free") << 0LL << 0LL << 1900U << false << 0LL << 0LL;
        QTest::newRow("100 % added") << 999LL << 1LL << 10000U << false << 1000LL << 2000LL;
        // The largest line: products stay inside int64.
        QTest::newRow("largest line") << 999'999'999'999LL << 1LL << 10000U << true << 500'000'000'000LL
                                      << 1'000'000'000'000LL;
    }

    void priceLine() {
        QFETCH(qlonglong, price);
        QFETCH(qlonglong, fee);
        QFETCH(uint, basisPoints);
        QFETCH(bool, included);
        QFETCH(qlonglong, tax);
        QFETCH(qlonglong, total);
        const auto line = orders::priceLine(price, {fee, basisPoints, included});
        QCOMPARE(line.priceMinor, price);
        QCOMPARE(line.feeMinor, fee);
        QCOMPARE(line.taxMinor, tax);
        QCOMPARE(line.totalMinor, total);
    }

    void outOfRangeIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orders::priceLine(-1, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orders::priceLine(0, {-1, 0, true}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orders::priceLine(orders::kMaxLineMinor, {1, 0, true}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orders::priceLine(100, {0, 10001, true}));
    }

    void chargesFallBackToTheDefaultCategory() {
        orders::ChargeTable table;
        QCOMPARE(table.forCategory("pc1").feeMinor, 0LL); // nothing set: no fee, no tax
        table.set("*", {100, 700, false});
        table.set("pc2", {0, 1900, true});
        QCOMPARE(table.forCategory("pc1").feeMinor, 100LL);
        QCOMPARE(table.forCategory("pc2").taxBasisPoints, 1900U);
        QVERIFY(table.forCategory("pc2").taxIncluded);
    }

    void orderCodesAreUnambiguous() {
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i) {
            const auto code = orders::newOrderCode();
            QVERIFY2(orders::isOrderCode(code), code.c_str());
            for (const char c : std::string("01ILOUV")) QVERIFY(code.find(c, 3) == std::string::npos);
            seen.insert(code);
        }
        QVERIFY(seen.size() > 990); // 29^6 codes: collisions in 1000 draws are rare
        QVERIFY(!orders::isOrderCode("MQ-0000AA"));
        QVERIFY(!orders::isOrderCode("MQ-ABCDE"));
        QVERIFY(!orders::isOrderCode("XX-ABCDEF"));
    }

    void cashNeedsEnoughTenderedAndGivesChange() {
        orders::CashProvider cash;
        payments::AuthorizeRequest request;
        request.idempotencyKey = "order-1:authorize";
        request.amountMinor = 5300;
        request.cashTenderedMinor = 5000;
        const auto short_ = cash.authorize(request);
        QCOMPARE(short_.outcome, payments::Outcome::Declined);
        QCOMPARE(short_.declineCode, std::string("insufficient_cash"));
        request.cashTenderedMinor = 10'000;
        const auto paid = cash.authorize(request);
        QCOMPARE(paid.outcome, payments::Outcome::Succeeded);
        QCOMPARE(paid.changeDueMinor, 4700LL);
        QVERIFY(paid.providerReference.rfind("CR-", 0) == 0);
        // The same key answers with the same receipt (a resumed saga), another key with another.
        QCOMPARE(cash.authorize(request).providerReference, paid.providerReference);
        request.idempotencyKey = "order-2:authorize";
        QVERIFY(cash.authorize(request).providerReference != paid.providerReference);
        payments::FollowUpRequest refund;
        refund.idempotencyKey = "order-1:refund:1";
        refund.amountMinor = 2650;
        const auto out = cash.refund(refund);
        QCOMPARE(out.outcome, payments::Outcome::Succeeded);
        QVERIFY(out.message.find("2650") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestOrderPricing)
#include "test_order_pricing.moc"
