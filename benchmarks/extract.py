"""Throughput and memory of extraction, against plain tokenisation as the yardstick.

    python benchmarks/extract.py [--n 300] [--seed 1] [--repeat 3] [--input FILE ...]

The corpus: the articles in ``examples/*.txt`` and ``examples/*.jsonl`` when
there are any, topped up to ``--n`` with articles generated from the templates
below (varied towns, actors, numbers, dates), so the script runs offline with
nothing but the repository. Every generated article reports violence: the worst
case for extraction, which stops early on articles without a trigger word. With
``--input`` the corpus is the first ``--n`` articles of the given files instead
(text, HTML or JSON Lines, as ``marsad extract`` reads them), e.g. a sample of
ordinary news. Prints, from one run:

- cold start: the first ``extract_article`` call (it loads the knowledge base);
- (a) ``make_doc`` articles/s, (b) ``extract_article`` articles/s, and their ratio. With
  ``--repeat N`` the two passes take turns N times and each reports its fastest pass (a shared
  machine slows whole passes down at random); the first extraction pass, which also fills the
  per-process caches on words it has not seen, is printed too;
- (c) peak memory: tracemalloc peak during extraction, and the process's max RSS.

An article whose extraction raises is counted and reported, not fatal: the
figures are then for a pipeline that stopped early on those articles.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import sys
import time
import tracemalloc
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "benchmarks"))  # also when tests load this file by path

from marsad.model import Article  # noqa: E402
from peakmem import self_peak_mb  # noqa: E402  (benchmarks/peakmem.py)

TOWNS = ["إدلب", "حلب", "دير الزور", "الرقة", "الحسكة", "درعا", "حمص", "حماة", "اللاذقية", "القامشلي",
         "الموصل", "كركوك", "تكريت", "الرمادي", "الفلوجة", "بعقوبة", "سامراء", "تلعفر",
         "تعز", "مأرب", "الحديدة", "عدن", "صعدة", "البيضاء", "سرت", "بنغازي", "درنة", "مصراتة",
         "رفح", "خان يونس", "جنين", "نابلس", "الفاشر", "نيالا", "كادوقلي", "العريش"]
COUNTRIES = {"إدلب": "سوريا", "حلب": "سوريا", "الموصل": "العراق", "تعز": "اليمن", "سرت": "ليبيا",
             "رفح": "فلسطين", "الفاشر": "السودان", "العريش": "مصر"}
DIRECTIONS = ["شمال", "جنوب", "شرق", "غرب", "ريف", "أطراف", "وسط", "محيط"]
ACTORS = ["قوات النظام السوري", "قوات سوريا الديمقراطية", "تنظيم الدولة الإسلامية", "هيئة تحرير الشام",
          "الجيش الوطني السوري", "القوات الروسية", "التحالف الدولي", "الجيش العراقي", "الحشد الشعبي",
          "جماعة الحوثي", "قوات التحالف بقيادة السعودية", "الجيش الوطني الليبي", "قوات الدعم السريع",
          "الجيش السوداني", "مسلحون مجهولون", "الجيش الإسرائيلي", "حركة حماس", "القوات التركية"]
VICTIMS = ["مدنيين", "عناصر", "مقاتلين", "جنود", "أطفال", "أشخاص"]
NUMBER_WORDS = ["اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "أحد عشر",
                "عشرات", "نحو عشرين", "أكثر من ثلاثين", "ما لا يقل عن خمسة عشر"]
WEAPONS = ["قصف مدفعي", "غارة جوية", "قصف صاروخي", "هجوم بطائرة مسيرة", "انفجار عبوة ناسفة",
           "اشتباكات عنيفة", "هجوم مسلح", "سيارة مفخخة", "قصف بقذائف الهاون"]
DAYS = ["اليوم", "أمس", "فجر اليوم", "مساء أمس", "يوم الثلاثاء", "يوم الجمعة", "صباح الأحد",
        "في الخامس من الشهر الجاري", "ليل السبت الأحد"]
SOURCES = ["بحسب مصدر محلي", "وفق المرصد السوري لحقوق الإنسان", "بحسب وكالة الأنباء الرسمية",
           "وفقاً لمصادر طبية", "بحسب ما أفاد ناشطون", "وفق بيان للجيش"]
FILLER = [
    "وتشهد المنطقة توتراً أمنياً متصاعداً منذ أسابيع وسط تبادل للاتهامات بين الأطراف.",
    "وأضاف المصدر أن فرق الإسعاف نقلت الجرحى إلى المستشفى الوطني في المدينة.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى ساعة إعداد هذا التقرير.",
    "وكانت المدينة قد شهدت هجمات مماثلة خلال الأشهر الماضية أسفرت عن خسائر بشرية ومادية.",
    "ودعت منظمات إنسانية إلى حماية المدنيين وفتح ممرات آمنة لإيصال المساعدات.",
    "في سياق آخر، ارتفعت أسعار المواد الغذائية في الأسواق المحلية بنسبة 15 بالمئة.",
    "وقال شاهد عيان إن أصوات الانفجارات سمعت في أرجاء واسعة من المدينة.",
    "وتأتي هذه التطورات بعد يومين من اجتماع عقده مسؤولون لبحث الوضع الأمني في المحافظة.",
]


def generated_article(rng: random.Random, index: int) -> Article:
    town = rng.choice(TOWNS)
    country = COUNTRIES.get(town, "سوريا")
    a1, a2 = rng.sample(ACTORS, 2)
    n_killed = rng.choice([str(rng.randint(2, 60)), rng.choice(NUMBER_WORDS)])
    n_injured = rng.choice([str(rng.randint(1, 90)), rng.choice(NUMBER_WORDS)])
    lead = rng.choice([
        f"قتل {n_killed} {rng.choice(VICTIMS)} {rng.choice(DAYS)} في {rng.choice(WEAPONS)} نفذته {a1} على "
        f"{rng.choice(DIRECTIONS)} مدينة {town} في {country}، {rng.choice(SOURCES)}.",
        f"اندلعت {rng.choice(DAYS)} اشتباكات بين {a1} و{a2} في {rng.choice(DIRECTIONS)} {town}، ما أسفر عن "
        f"مقتل {n_killed} من الطرفين وإصابة {n_injured} آخرين، {rng.choice(SOURCES)}.",
        f"أعلنت {a1} {rng.choice(DAYS)} سيطرتها على قرى في {rng.choice(DIRECTIONS)} {town} بعد معارك مع "
        f"{a2} استمرت {rng.randint(2, 9)} أيام.",
        f"تظاهر مئات الأشخاص {rng.choice(DAYS)} في مدينة {town} احتجاجاً على تردي الأوضاع المعيشية، "
        f"{rng.choice(SOURCES)}.",
    ])
    body = [lead]
    for _ in range(rng.randint(6, 16)):
        if rng.random() < 0.3:
            body.append(f"وأصيب {n_injured} آخرون بجروح متفاوتة نقلوا إلى مستشفى {rng.choice(TOWNS)}.")
        else:
            body.append(rng.choice(FILLER))
    title = f"{rng.choice(WEAPONS)} على {town}"
    text = title + "\n\n" + "\n".join(" ".join(body[i:i + 2]) for i in range(0, len(body), 2))
    day = rng.randint(1, 28)
    from datetime import date
    return Article(text=text, id=f"gen-{index}", published=date(2021, rng.randint(1, 12), day),
                   source="generated", language="ar", origin=f"generated:{index}")


def generated_rows(n: int, seed: int, source=None) -> list[dict]:
    """``n`` generated articles as JSON Lines rows (id, text, published, source): the input the
    store tests and benchmarks ingest. ``source`` maps an article's index to its outlet name
    (default: the article's own, "generated")."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        a = generated_article(rng, i)
        rows.append({"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else None,
                     "source": source(i) if source is not None else a.source})
    return rows


def example_articles() -> list[Article]:
    from marsad.readers import read_inputs
    paths = sorted(glob.glob(os.path.join(REPO, "examples", "*.txt"))
                   + glob.glob(os.path.join(REPO, "examples", "*.jsonl")))
    if not paths:
        return []
    return [a for a in read_inputs(paths) if isinstance(a, Article)]


def build_corpus(n: int, seed: int) -> tuple[list[Article], int]:
    examples = example_articles()[:n]
    rng = random.Random(seed)
    generated = [generated_article(rng, i) for i in range(n - len(examples))]
    return examples + generated, len(examples)


def timed_run(func, corpus: list[Article]) -> tuple[float, Counter, int]:
    failures: Counter = Counter()
    produced = 0
    start = time.perf_counter()
    for article in corpus:
        try:
            result = func(article)
            produced += len(result) if isinstance(result, list) else 0
        except Exception as exc:  # an unfinished stage: count it, keep measuring
            failures[f"{type(exc).__name__}: {exc}"] += 1
    return time.perf_counter() - start, failures, produced


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the generated articles")
    parser.add_argument("--repeat", type=int, default=3, help="passes of each stage, fastest reported (default 3)")
    parser.add_argument("--input", nargs="+", metavar="FILE", help="read the corpus from these files instead")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be 1 or more")

    from marsad.arabic.tokenise import make_doc
    from marsad.pipeline import extract_article

    if args.input:
        from marsad.readers import read_inputs
        corpus = [a for a in read_inputs(args.input) if isinstance(a, Article)][:args.n]
        if not corpus:
            print(f"no readable article in {', '.join(args.input)}", file=sys.stderr)
            return 2
        chars = sum(len(a.text) for a in corpus)
        print(f"corpus: {len(corpus)} articles from {', '.join(os.path.basename(p) for p in args.input)}, "
              f"{chars:,} characters, {chars / len(corpus):,.0f} per article")
    else:
        corpus, n_examples = build_corpus(args.n, args.seed)
        chars = sum(len(a.text) for a in corpus)
        print(f"corpus: {len(corpus)} articles ({n_examples} from examples/, {len(corpus) - n_examples} generated), "
              f"{chars:,} characters, {chars / len(corpus):,.0f} per article")

    start = time.perf_counter()
    try:
        extract_article(corpus[0])
        cold_note = ""
    except Exception as exc:
        cold_note = f"  (raised {type(exc).__name__}: {exc})"
    cold = time.perf_counter() - start
    print(f"cold start: first extract_article call {cold * 1000:,.0f} ms{cold_note}")
    make_doc(corpus[0].text)  # warm-up of the tokeniser as well

    tok_runs: list[float] = []
    ext_runs: list[float] = []
    for _ in range(args.repeat):
        tok_time, tok_failures, _ = timed_run(lambda a: make_doc(a.text), corpus)
        ext_time, ext_failures, events = timed_run(extract_article, corpus)
        tok_runs.append(tok_time)
        ext_runs.append(ext_time)
    tok_time, ext_time = min(tok_runs), min(ext_runs)
    tok_rate = len(corpus) / tok_time if tok_time else float("inf")
    ext_rate = len(corpus) / ext_time if ext_time else float("inf")
    if args.repeat > 1:
        print(f"passes (s): tokenise {', '.join(f'{t:.3f}' for t in tok_runs)}; "
              f"extract {', '.join(f'{t:.3f}' for t in ext_runs)} (first extraction pass "
              f"{len(corpus) / ext_runs[0]:,.1f} articles/s)")
    print(f"(a) tokenise (make_doc):  {tok_rate:10,.1f} articles/s  ({tok_time * 1000 / len(corpus):.2f} ms each, "
          f"{chars / tok_time / 1e6:.2f} M chars/s)")
    print(f"(b) extract_article:      {ext_rate:10,.1f} articles/s  ({ext_time * 1000 / len(corpus):.2f} ms each, "
          f"{events} events)")
    print(f"    ratio extract/tokenise: {ext_time / tok_time:.2f}x the time per article")

    tracemalloc.start()
    timed_run(extract_article, corpus)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"(c) memory: tracemalloc peak during extraction {peak / 1e6:.1f} MB; "
          f"peak RSS of the process {self_peak_mb():.1f} MB")

    for label, failures in (("tokenise", tok_failures), ("extract", ext_failures)):
        if failures:
            total = sum(failures.values())
            print(f"WARNING: {label} raised on {total} of {len(corpus)} articles; figures are not meaningful "
                  f"for them:")
            for message, count in failures.most_common(3):
                print(f"    {count} x {message[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
