"""Reads an Atom feed with Python's feedparser (Debian's python3-feedparser)
and prints what it understood as JSON, for end2end/tests/link-preview.spec.ts:
whether the document was well formed (feedparser's `bozo`), the feed's
version, its metadata and its entries."""
import json
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": bool(feed.bozo),
    "bozo_exception": str(feed.get("bozo_exception", "")),
    "version": feed.version,
    "feed": {
        "id": feed.feed.get("id"),
        "title": feed.feed.get("title"),
        "language": feed.feed.get("language"),
        "updated": feed.feed.get("updated"),
        "author": feed.feed.get("author"),
        "links": [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href")} for l in feed.feed.get("links", [])],
    },
    "entries": [{
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "updated": e.get("updated"),
        "summary": e.get("summary"),
    } for e in feed.entries],
}, ensure_ascii=False))
