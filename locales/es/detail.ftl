# The detail of one event.
detail-close = Cerrar
detail-previous = Anterior
detail-next = Siguiente
detail-place = Lugar
detail-actors = Actores
detail-topics = Temas
detail-amount = Monto
detail-caveat = Nota sobre las fuentes
detail-quotes = Citas
detail-quote-original =
    { $lang ->
        [es] Original en español
       *[en] Original en inglés
    }
detail-quote-translation = Traducción: { $text }
detail-sources = Fuentes
# A source's publisher and the language it is written in.
detail-source-meta =
    { $publisher }, { $lang ->
        [es] en español
       *[en] en inglés
    }
detail-corrections = Correcciones
detail-not-found = No encontramos el evento «{ $id }». Puede que el enlace esté mal escrito o que el evento ya no exista.
detail-not-found-close = Ver toda la cronología
