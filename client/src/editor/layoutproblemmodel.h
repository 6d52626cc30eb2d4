// LayoutProblemModel: the document's validation problems as a list, worded for people
// ("Seats 12 and 13 in row C of Stalls overlap"), with where each one is on the plan.
#pragma once

#include "marquee/core/seating/validation.hpp"

#include <QAbstractListModel>

namespace marquee::client {

class LayoutDocument;

class LayoutProblemModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { ProblemIndexRole = Qt::UserRole + 1 };

    explicit LayoutProblemModel(LayoutDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    const core::seating::LayoutProblem& problem(int row) const;
    // The client's own wording of a problem (the core's message is English-only).
    QString describe(const core::seating::LayoutProblem& problem) const;

private:
    LayoutDocument* m_document;
};

} // namespace marquee::client
