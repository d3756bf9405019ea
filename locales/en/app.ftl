# The page shell: titles, introduction, footer.
app-title = Mexico and the United States: security cooperation
app-document-title = Mexico and the United States: security cooperation, 2007–2026
app-meta-description = A bilingual, interactive timeline of US–Mexico security cooperation, from the Mérida Initiative to 2026, with sources for every event.
app-skip-link = Skip to the timeline
app-intro-lead = From the 2007 Mérida Initiative to the January 2026 calls between Mexico's Foreign Secretary Juan Ramón de la Fuente and Secretary of State Marco Rubio: almost two decades of agreements, tensions and operations against drug and arms trafficking.
app-intro-why = Security cooperation shapes how both countries confront fentanyl, the guns that cross the border and the cartels, and it tests each side's respect for the other's sovereignty.
app-intro-how = Every event has its date, its status (held, announced or unconfirmed) and its sources. Filter by topic or actor, search for a word, or pick a period on the overview.
app-updated = Data checked as of { $date }
app-loading = Loading the timeline…
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
