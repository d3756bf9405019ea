# The overview, the filters and the list of events.
overview-heading = Overview
overview-description = Each mark is an event, coloured and shaped by its main topic. Drag across the axis to choose a period, or use the buttons.
overview-description-dense = There are too many events to mark one by one: the bars show how many there are each year. Drag across the axis to choose a period, or use the buttons.
overview-axis-label = Events from { $first } to { $last }
overview-range = Period: { $from } to { $to }
overview-range-all = Whole period
overview-zoom-in = Zoom in
overview-zoom-out = Zoom out
overview-eras-label = Choose a period
overview-mark-label = { $date }: { $title }
filters-heading = Filters
filters-topics = Topics
filters-actors = Actor
filters-actors-all = All actors
filters-search-label = Search the timeline
filters-search-placeholder = e.g. fentanyl, Mérida, extradition
filters-clear = Clear filters
# The button that opens the filters on phones, with how many are in use.
filters-open =
    { $count ->
        [0] Filter
       *[other] Filter ({ $count })
    }
# The button that closes the filters on phones, with the events they show.
filters-done =
    { $count ->
        [0] Close: no events
        [one] Show 1 event
       *[other] Show { $count } events
    }
filters-key-moments = Key moments only
results-count =
    { $shown ->
        [0] No events match
        [one] 1 event
       *[other] { $shown } events
    }
results-count-filtered =
    { $shown ->
        [0] None
       *[other] { $shown }
    } of { NUMBER($total) } events { $shown ->
        [one] matches
       *[other] match
    } the filters
results-empty = No events match these filters.
events-heading = Events
events-show-more =
    { $count ->
        [one] Show 1 more event
       *[other] Show { $count } more events
    }
events-show-earlier =
    { $count ->
        [one] Show 1 earlier event
       *[other] Show { $count } earlier events
    }
event-key-moment = Key moment
status-held = Held
status-announced = Announced
status-unconfirmed = Announced, not confirmed
