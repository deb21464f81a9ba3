# The reference for `npm run bench -- tags`: scikit-learn's TF-IDF (1-2-grams, 20k features) and
# one LinearSVC per tag (the method of arxiv-sanity-lite), run on the same splits as Papershelf's
# model. Reads the corpus and a plan (JSON) from the command line, prints the figures as JSON.
# A benchmark tool only: Papershelf never runs Python.
import json
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC


def text_of(paper):
    return ' '.join([paper['title'], paper['abstract'], ' '.join(paper['authors'])])


def fit_library(texts):
    vectorizer = TfidfVectorizer(strip_accents='unicode', stop_words='english', ngram_range=(1, 2),
                                 max_features=20000, sublinear_tf=True, min_df=2, max_df=0.5)
    return vectorizer.fit_transform(texts)


def tag_figures(papers, x, train, test):
    binarizer = MultiLabelBinarizer()
    y = binarizer.fit_transform([papers[i]['categories'] for i in train])
    started = time.perf_counter()
    model = OneVsRestClassifier(LinearSVC(C=1.0)).fit(x[train], y)
    train_s = time.perf_counter() - started
    started = time.perf_counter()
    scores = model.decision_function(x[test])
    per_paper_ms = (time.perf_counter() - started) * 1000 / len(test)
    top = np.argsort(-scores, axis=1)[:, :3]
    classes = binarizer.classes_
    r1 = r3 = p3 = 0.0
    for row, i in enumerate(test):
        cats = papers[i]['categories']
        names = [classes[j] for j in top[row]]
        r1 += names[0] == cats[0]
        r3 += cats[0] in names
        p3 += sum(name in cats for name in names) / 3
    n = len(test)
    return {'recall1': r1 / n, 'recall3': r3 / n, 'precision3': p3 / n, 'trainS': train_s, 'suggestMs': per_paper_ms}


def related_precision(papers, x, queries):
    total = 0.0
    for i in queries:
        sims = (x @ x[i].T).toarray().ravel()
        sims[i] = -1
        best = np.argsort(-sims)[:10]
        total += sum(papers[j]['categories'][0] == papers[i]['categories'][0] for j in best) / 10
    return total / len(queries)


def for_you_precision(papers, x, profiles, test):
    total = 0.0
    for profile in profiles:
        kept, dismissed = profile['kept'], profile['dismissed']
        y = np.zeros(x.shape[0])
        y[kept] = 1
        # arxiv-sanity-lite: the kept papers against every other paper of the library
        svm = LinearSVC(class_weight='balanced', C=0.01, max_iter=10000, tol=1e-6).fit(x, y)
        scores = svm.decision_function(x[test])
        best = [test[j] for j in np.argsort(-scores)[:10]]
        total += sum(papers[j]['categories'][0] == profile['category'] for j in best) / 10
    return total / len(profiles)


def main():
    corpus, plan_path = sys.argv[1], sys.argv[2]
    papers = [json.loads(line) for line in open(corpus, encoding='utf-8')]
    plan = json.load(open(plan_path, encoding='utf-8'))
    x = fit_library([text_of(p) for p in papers])
    out = {'split': tag_figures(papers, x, plan['train'], plan['test'])}
    if plan.get('only') == 'split':
        print(json.dumps(out))
        return
    folds = [tag_figures(papers, x, f['train'], f['test']) for f in plan['folds']]
    out['folds'] = {k: sum(f[k] for f in folds) / len(folds) for k in folds[0]}
    out['relatedP10'] = related_precision(papers, x, plan['relatedQueries'])
    out['forYouP10'] = for_you_precision(papers, x, plan['profiles'], plan['test'])
    print(json.dumps(out))


main()
