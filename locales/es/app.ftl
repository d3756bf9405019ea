# The page shell: titles, introduction, footer.
app-title = México y Estados Unidos: cooperación en seguridad
app-document-title = México y Estados Unidos: cooperación en seguridad, 2007–2026
app-meta-description = Cronología bilingüe e interactiva de la cooperación en seguridad entre México y Estados Unidos, de la Iniciativa Mérida a 2026, con fuentes para cada hecho.
# The title and description of the key-moments view (?key=1) for search engines and link previews.
app-key-moments-document-title = Los momentos clave · Cronología México–Estados Unidos
app-key-moments-meta-description = Los momentos clave de la cooperación en seguridad entre México y Estados Unidos, de la Iniciativa Mérida a hoy, con fuentes para cada hecho.
app-skip-link = Saltar a la cronología
app-intro-lead = De la Iniciativa Mérida de 2007 a las llamadas de enero de 2026 entre el canciller Juan Ramón de la Fuente y el secretario de Estado Marco Rubio: casi dos décadas de acuerdos, tensiones y operaciones contra el narcotráfico y el tráfico de armas.
app-intro-why = La cooperación en seguridad define cómo ambos países enfrentan el fentanilo, las armas que cruzan la frontera y los cárteles, y pone a prueba el respeto a la soberanía de cada uno.
app-intro-how = Cada evento tiene su fecha, su estado (realizado, anunciado o sin confirmar) y sus fuentes. Filtra por tema o actor, busca una palabra o elige un periodo en la vista general.
# How current the record is: the date of the newest fact it covers, and the
# day the record was last reviewed. $newest-form and $reviewed-form are each
# date's precision: "day", "month" or "year".
app-record-dates = Hechos hasta { $newest-form ->
        [day] el { $newest }
       *[other] { $newest }
    } · revisado { $reviewed-form ->
        [day] el { $reviewed }
       *[other] en { $reviewed }
    }
# Shown after app-record-dates when the sources the editors could read stop
# before the review: readers should not take the months between for quiet ones.
app-sources-until = Las fuentes de prensa consultadas llegan hasta { $sources-form ->
        [day] el { $sources }
       *[other] { $sources }
    }; lo ocurrido después no está registrado aquí.
# The title of one event's page, for browser tabs, search results and link previews.
app-event-document-title = { $title } · Cronología México–Estados Unidos
app-subtitle = Acuerdos, tensiones y operaciones de 2007 a 2026, con fuentes para cada hecho.
app-intro-more = Más sobre esta cronología
app-key-moments = ¿Poco tiempo? Los momentos clave de la historia, de 2007 a hoy
# Shown when JavaScript is off or the app cannot start: the page stays readable.
app-no-app = Los filtros, la búsqueda y la vista interactiva no están disponibles en este navegador. La cronología completa se puede leer aquí, y cada evento tiene su propia página con sus fuentes.
# The page for addresses that do not exist (404.html), in both languages.
not-found-title = Página no encontrada
not-found-message = No hay ninguna página en esta dirección. Puede que el enlace esté mal escrito o que la página se haya movido.
not-found-home = Ir a la cronología en español
# The name of this language, in this language (the language switch).
language-name = Español
language-switch-label = Idioma
footer-sources-policy = Cada hecho cita al menos una fuente publicada. Cuando las fuentes no coinciden en una fecha o una circunstancia, el evento lo indica. Un evento anunciado cuya realización no confirma ninguna fuente se muestra como «sin confirmar».
footer-data = Datos abiertos: descarga la cronología en JSON
footer-privacy = Esta página no usa cookies de terceros, analítica ni rastreo.
# Se muestra si la página falla (un error de programación): deja de responder.
app-panic-title = Algo salió mal
app-panic-message = Un error detuvo esta página. Recargarla suele resolver el problema.
app-panic-reload = Recargar la página
