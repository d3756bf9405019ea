# The page shell: titles, introduction, footer.
app-title = Mexico and the United States: security cooperation
app-document-title = Mexico and the United States: security cooperation, 2007–2026
app-meta-description = A bilingual, interactive timeline of US–Mexico security cooperation, from the Mérida Initiative to 2026, with sources for every event.
# The title and description of the key-moments view (?key=1) for search engines and link previews.
app-key-moments-document-title = The key moments · US–Mexico security timeline
app-key-moments-meta-description = The key moments of US–Mexico security cooperation, from the Mérida Initiative to today, with sources for every event.
app-skip-link = Skip to the timeline
app-intro-lead = From the 2007 Mérida Initiative to the January 2026 calls between Mexico's Foreign Secretary Juan Ramón de la Fuente and Secretary of State Marco Rubio: almost two decades of agreements, tensions and operations against drug and arms trafficking.
app-intro-why = Security cooperation shapes how both countries confront fentanyl, the guns that cross the border and the cartels, and it tests each side's respect for the other's sovereignty.
app-intro-how = Every event has its date, its status (held, announced or unconfirmed) and its sources. Filter by topic or actor, search for a word, or pick a period on the overview.
# How current the record is: the date of the newest fact it covers, and the
# day the record was last reviewed. $newest-form and $reviewed-form are each
# date's precision: "day", "month" or "year".
app-record-dates = Events through { $newest-form ->
        [day] { $newest }
       *[other] { $newest }
    } · reviewed { $reviewed-form ->
        [day] on { $reviewed }
       *[other] in { $reviewed }
    }
# Shown after app-record-dates when the sources the editors could read stop
# before the review: readers should not take the months between for quiet ones.
app-sources-until = The press sources consulted run through { $sources-form ->
        [day] { $sources }
       *[other] { $sources }
    }; later events are not recorded here.
# The title of one event's page, for browser tabs, search results and link previews.
app-event-document-title = { $title } · US–Mexico security timeline
app-subtitle = Agreements, tensions and operations from 2007 to 2026, with sources for every event.
app-intro-more = More about this timeline
app-key-moments = Short on time? The key moments of the story, 2007 to today
# Shown when JavaScript is off or the app cannot start: the page stays readable.
app-no-app = Filters, search and the interactive overview are not available in this browser. The whole timeline can be read here, and every event has its own page with its sources.
# The page for addresses that do not exist (404.html), in both languages.
not-found-title = Page not found
not-found-message = There is no page at this address. The link may be mistyped, or the page may have moved.
not-found-home = Go to the timeline in English
# The name of this language, in this language (the language switch).
language-name = English
language-switch-label = Language
footer-sources-policy = Every fact cites at least one published source. Where sources disagree on a date or a circumstance, the event says so. An announced event that no source confirms took place is shown as "unconfirmed".
footer-data = Open data: download the timeline as JSON
footer-privacy = This page uses no third-party cookies, analytics or tracking.
# Shown if the page breaks (a bug): the page stops responding.
app-panic-title = Something went wrong
app-panic-message = An error stopped this page. Reloading it usually fixes the problem.
app-panic-reload = Reload the page
