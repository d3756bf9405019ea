# The overview, the filters and the list of events.
overview-heading = Vista general
overview-description = Cada marca es un evento, coloreada y con forma según su tema principal. Arrastra sobre el eje para elegir un periodo, o usa los botones.
overview-description-dense = Hay demasiados eventos para marcarlos uno a uno: las barras muestran cuántos hay cada año. Arrastra sobre el eje para elegir un periodo, o usa los botones.
overview-axis-label = Eventos de { $first } a { $last }
overview-range = Periodo: { $from } a { $to }
overview-range-all = Todo el periodo
overview-zoom-in = Acercar
overview-zoom-out = Alejar
overview-eras-label = Elegir una etapa
overview-mark-label = { $date }: { $title }
filters-heading = Filtros
filters-topics = Temas
filters-actors = Actor
filters-actors-all = Todos los actores
filters-search-label = Buscar en la cronología
filters-search-placeholder = p. ej., fentanilo, Mérida, extradición
filters-clear = Quitar filtros
# The button that opens the filters on phones, with how many are in use.
filters-open =
    { $count ->
        [0] Filtrar
       *[other] Filtrar ({ $count })
    }
# The button that closes the filters on phones, with the events they show.
filters-done =
    { $count ->
        [0] Cerrar: ningún evento
        [one] Ver 1 evento
       *[other] Ver { $count } eventos
    }
filters-key-moments = Solo los momentos clave
results-count =
    { $shown ->
        [0] Ningún evento coincide
        [one] 1 evento
       *[other] { $shown } eventos
    }
results-count-filtered =
    { $shown ->
        [0] Ninguno
       *[other] { $shown }
    } de { NUMBER($total) } eventos { $shown ->
        [0] coincide
        [one] coincide
       *[other] coinciden
    } con los filtros
results-empty = Ningún evento coincide con estos filtros.
events-heading = Eventos
events-show-more =
    { $count ->
        [one] Mostrar 1 evento más
       *[other] Mostrar { $count } eventos más
    }
events-show-earlier =
    { $count ->
        [one] Mostrar 1 evento anterior
       *[other] Mostrar { $count } eventos anteriores
    }
event-key-moment = Momento clave
status-held = Realizado
status-announced = Anunciado
status-unconfirmed = Anunciado, sin confirmar
