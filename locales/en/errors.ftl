# Loading the data, and what goes wrong.
data-error-title = We could not load the timeline
data-error-network = The server cannot be reached. Check your internet connection and try again.
data-error-http = The server answered with an error (code { $status }).
data-error-timeout = The server took too long to answer.
data-error-empty = The data file is empty.
data-error-too-large = The data file is too large to load.
data-error-syntax = The data file is damaged or incomplete (line { $line }, column { $column }).
data-error-shape = The data file is not in the expected format.
data-error-version = The data file uses a format version this page does not know ({ $version }).
data-error-retry = Try again
data-notice-skipped =
    { $count ->
        [one] One event is not shown because its data has errors.
       *[other] { $count } events are not shown because their data has errors.
    }
