// Text helpers of client search: folding like the indexes do (accents, case, punctuation),
// the words of a query with their alternatives, and highlights on the original text.
#pragma once

#include "store/searchtypes.h"

#include <QString>
#include <QStringList>

namespace marquee::client {

// Lower case without accents, letters and digits separated by single spaces.
QString foldForSearch(const QString& text);

// One query word and what it may match (folded).
struct SearchWord {
    QString text;
    bool prefix = false;   // also words starting with it
    QStringList typos;     // vocabulary words within the typo budget
    bool matches(const QString& foldedWord) const;
};

// The query's words (at most 10); the last one is a prefix while it is being typed (no
// trailing space), every word of 3+ characters is a prefix too. Typos are filled in later.
QList<SearchWord> searchWords(const QString& query);

// `text` with the ranges of its words that any of `words` matches.
HighlightedString highlightWords(const QString& text, const QList<SearchWord>& words);
// A short excerpt of `text` around its first match (or its start), highlighted.
HighlightedString snippetAround(const QString& text, const QList<SearchWord>& words, int maxChars = 160);

} // namespace marquee::client
