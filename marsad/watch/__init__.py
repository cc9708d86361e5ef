"""``marsad watch``: follow news feeds and sitemaps, ingest new reports as they appear, alert on them.

The parts, each usable alone:

* :mod:`marsad.watch.sources`: the feeds and sitemaps followed (a YAML file, ``marsad sources``),
  kept in the database with their polling state;
* :mod:`marsad.watch.fetch`: polite HTTP (robots.txt, conditional GET, per-host rate limit,
  retries with backoff and jitter honouring ``Retry-After``, size and time limits, encodings);
* :mod:`marsad.watch.feeds`: RSS, Atom (feedparser), JSON Feed and (news) sitemaps into entries;
* :mod:`marsad.watch.rounds`: one round of polling, fetching, extracting and storing (through
  :func:`marsad.ingest.ingest`), resumable at any point, and the loop of ``marsad watch``;
* :mod:`marsad.watch.matching`: whether an event record passes a saved filter;
* :mod:`marsad.watch.alerts`: watch lists, and each matching event's delivery (webhook, email).
"""
