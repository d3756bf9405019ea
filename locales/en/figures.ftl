# The figure of people Mexico sent to the U.S. in groups (transfers).
figure-sent-title = People Mexico sent to the U.S. in groups
figure-sent-people-count =
    { $count ->
        [one] 1 person
       *[other] { NUMBER($count) } people
    }
figure-sent-total = Total
figure-sent-note = Each date links to the event and its sources. Mexico presented them as transfers, not extraditions; many outlets call them extraditions.
