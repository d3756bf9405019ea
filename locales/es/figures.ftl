# The figure of people Mexico sent to the U.S. in groups (transfers).
figure-sent-title = Personas enviadas por México a Estados Unidos en grupo
figure-sent-people-count =
    { $count ->
        [one] 1 persona
       *[other] { NUMBER($count) } personas
    }
figure-sent-total = Total
figure-sent-note = Cada fecha enlaza al evento y sus fuentes. México los presentó como traslados o envíos, no como extradiciones; muchos medios los llaman extradiciones.
