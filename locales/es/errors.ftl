# Loading the data, and what goes wrong.
data-error-title = No pudimos cargar la cronología
data-error-network = No hay conexión con el servidor. Revisa tu conexión a internet e inténtalo de nuevo.
data-error-http = El servidor respondió con un error (código { $status }).
data-error-timeout = El servidor tardó demasiado en responder.
data-error-empty = El archivo de datos está vacío.
data-error-too-large = El archivo de datos es demasiado grande para cargarlo.
data-error-syntax = El archivo de datos está dañado o incompleto (línea { $line }, columna { $column }).
data-error-shape = El archivo de datos no tiene el formato esperado.
data-error-version = El archivo de datos usa una versión de formato que esta página no conoce ({ $version }).
data-error-retry = Reintentar
data-notice-skipped =
    { $count ->
        [one] Un evento no se muestra porque sus datos tienen errores.
       *[other] { $count } eventos no se muestran porque sus datos tienen errores.
    }
