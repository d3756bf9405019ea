# Link previews and the feed: written into each page's <head> and into
# feed.xml at build time; what WhatsApp, X, Facebook and feed readers show.
# The text of the key moments' preview image.
share-card-key-moments = The key moments, from 2007 to today
# The description of a page's preview image (og:image:alt), read to whoever cannot see it.
share-image-alt-event = Card from the Mexico–United States timeline with the title “{ $title }” and the date { $date }
share-image-alt-home = Card of the timeline Mexico and the United States: security cooperation, 2007–2026, with each period's colour
share-image-alt-key-moments = Card of the key moments of the Mexico–United States timeline, from 2007 to today
# The Atom feed of each language: its title (also the name of the link to it in every page) and what it holds.
feed-title = Mexico–United States timeline: events and corrections
feed-subtitle = The events of the timeline of security cooperation between Mexico and the United States, each with the day it was checked, and every correction made to them.
# A feed entry for a correction made to an event.
feed-entry-correction = Correction: { $title }
