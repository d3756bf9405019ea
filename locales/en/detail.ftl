# The detail of one event.
detail-close = Close
detail-previous = Previous
detail-next = Next
detail-place = Place
detail-actors = Actors
detail-topics = Topics
detail-amount = Amount
detail-caveat = Note on the sources
detail-quotes = Quotes
detail-quote-original =
    { $lang ->
        [es] Original in Spanish
       *[en] Original in English
    }
detail-quote-translation = Translation: { $text }
detail-sources = Sources
# A source's publisher and the language it is written in.
detail-source-meta =
    { $publisher }, { $lang ->
        [es] in Spanish
       *[en] in English
    }
detail-corrections = Corrections
detail-not-found = We could not find the event “{ $id }”. The link may be mistyped, or the event may no longer exist.
detail-not-found-close = See the whole timeline
