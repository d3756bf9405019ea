# Link previews and the feed: written into each page's <head> and into
# feed.xml at build time; what WhatsApp, X, Facebook and feed readers show.
# The text of the key moments' preview image.
share-card-key-moments = Los momentos clave, de 2007 a hoy
# The description of a page's preview image (og:image:alt), read to whoever cannot see it.
share-image-alt-event = Tarjeta de la cronología México–Estados Unidos con el título «{ $title }» y la fecha { $date }
share-image-alt-home = Tarjeta de la cronología México y Estados Unidos: cooperación en seguridad, 2007–2026, con el color de cada etapa
share-image-alt-key-moments = Tarjeta de los momentos clave de la cronología México–Estados Unidos, de 2007 a hoy
# The Atom feed of each language: its title (also the name of the link to it in every page) and what it holds.
feed-title = Cronología México–Estados Unidos: eventos y correcciones
feed-subtitle = Los eventos de la cronología de la cooperación en seguridad entre México y Estados Unidos, cada uno con la fecha en que se verificó, y cada corrección que se les hace.
# A feed entry for a correction made to an event.
feed-entry-correction = Corrección: { $title }
