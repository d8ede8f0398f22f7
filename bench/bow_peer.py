#!/usr/bin/python3
"""The issue's bag-of-words peer (TF-IDF word 1-2-grams + logistic
regression) run through the same dev-data mimics as credence's figures, so
that its known held-back scores show how far each mimic can be trusted.

Usage: /usr/bin/python3 bench/bow_peer.py conll|pheme|buzzfeed|titles|clickbait
Needs Debian's python3-sklearn (apt-get install python3-sklearn; not a
build or test dependency) and ../shared/data. Deterministic.
"""
import csv
import itertools
import os
import statistics
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "shared", "data")


def load(path, column="text"):
    with open(os.path.join(DATA, path), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return (np.array([r[column] for r in rows], dtype=object),
            np.array([int(r["label"]) for r in rows]), rows)


def fit_predict(x_train, y_train, x_test):
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LogisticRegression(max_iter=2000)
    model.fit(vectorizer.fit_transform(x_train), y_train)
    return model.predict_proba(vectorizer.transform(x_test))[:, 1]


def stratified_cv(x, y, seed):
    oof = np.zeros(len(y))
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    for train, test in folds.split(x, y):
        oof[test] = fit_predict(x[train], y[train], x[test])
    return roc_auc_score(y, oof)


def seeds(x, y):
    return " ".join(f"{stratified_cv(x, y, s):.3f}" for s in range(1, 6))


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "conll":
        x, y, _ = load("conll2010_wiki_uncertainty/"
                       "conll2010_wiki_uncertainty_dev.csv")
        print("CoNLL, 5-fold, seeds 1-5:", seeds(x, y))
    elif which == "buzzfeed":
        x, y, _ = load("fnn_buzzfeed_articles/fnn_buzzfeed_articles_dev.csv")
        print("BuzzFeed articles, 5-fold, seeds 1-5:", seeds(x, y))
    elif which == "clickbait":
        x, y, _ = load("clickbait_chakraborty2016/"
                       "clickbait_chakraborty2016_dev.csv")
        print(f"clickbait, 5-fold, seed 1: {stratified_cv(x, y, 1):.3f}")
    elif which == "titles":
        x, y, _ = load("fakenewsnet_titles/fakenewsnet_titles_dev.csv")
        bx, by, _ = load("fnn_buzzfeed_articles/fnn_buzzfeed_articles_dev.csv",
                         "title")
        print(f"GossipCop, 5-fold, seed 1: {stratified_cv(x, y, 1):.3f}")
        print("trained on GossipCop, on the BuzzFeed titles: "
              f"{roc_auc_score(by, fit_predict(x, y, bx)):.3f}")
    elif which == "pheme":
        x, y, rows = load("pheme_veracity/pheme_veracity_dev.csv")
        event = np.array([r["event"] for r in rows])
        oof = np.zeros(len(y))
        for e in sorted(set(event)):
            held = event == e
            oof[held] = fit_predict(x[~held], y[~held], x[held])
        print(f"PHEME, leave one event out, pooled: {roc_auc_score(y, oof):.3f}")
        for e in sorted(set(event)):
            held = event == e
            if 0 < y[held].sum() < held.sum():
                print(f"  {e}: {roc_auc_score(y[held], oof[held]):.3f}")
        values = []
        for triple in itertools.combinations(sorted(set(event)), 3):
            held = np.isin(event, triple)
            if 0 < y[held].sum() < held.sum():
                values.append(roc_auc_score(y[held], oof[held]))
        print(f"  every three events pooled: {min(values):.3f}-"
              f"{max(values):.3f}, median {statistics.median(values):.3f}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
