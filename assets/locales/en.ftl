# Interface strings, English. Every message here must also exist in be.ftl and ru.ftl.

zoom-all = All
zoom-month = Month
zoom-week = Week
zoom-day = Day
zoom-in = Zoom in
zoom-out = Zoom out
zoom-presets = Zoom:
goto-date = Go to date
goto-hint = YYYY-MM-DD
goto-invalid = Not a date: type it as YYYY-MM-DD, for example 2020-08-16.
keys-hint = Wheel: zoom · drag: pan · Left/Right arrow keys: previous/next event · double-click: fit all
details-empty = Select an event on the timeline to read about it. The Left and Right arrow keys step from one event to the next.
details-era = Era
details-category = Category
details-importance = Importance
importance-1 = key event
importance-2 = notable
importance-3 = detail
details-places = Places
details-actors = People and organisations
details-sources = Sources
details-copy-citation = Copy citation
details-copied = Citation copied to the clipboard
details-previous = ‹ Previous
details-next = Next ›
details-translation-missing = Not yet translated: shown in English.
details-month-precision = only the month is known
details-year-precision = only the year is known
details-no-source = No source: this event comes from an imported file, and nothing says where its facts come from.
timeline-no-source = no source
details-filter-by = Show only events with { $name }
image-loading = Loading image…
image-failed = The image could not be shown: { $reason }
image-credit = Image: { $credit } · { $licence }
cluster-tooltip = { $count ->
    [one] { $count } event: click to zoom in
   *[other] { $count } events: click to zoom in
}
lane-toggle = Click to collapse or expand the { $name } lane
errors-title = The events file could not be loaded
errors-hint = Fix these errors in the file and open it again. Each line shows file:line:column.
errors-open = Open another file…
errors-drop = Or drop an events file on this window.
filter-date-invalid = { $field }: “{ $text }” is not a date. Write it as YYYY-MM-DD, like 2020-08-09; the filter keeps its last valid date.
watch-failed = Changes to { $file } are not followed: { $reason }
loading-title = Opening { $file }
loading-reading = Reading the file: { $done } of { $total } MB
loading-checking = Reading and checking the events: { $percent } %
loading-cache = Reading the cache of this file
loading-opened-cache = Opened from the cache in { $seconds } s
path-dialog-open-title = Open an events file
path-dialog-save-title = Save the view as PNG
path-dialog-no-system = No system file dialog is available here: type the file's path.
path-dialog-path = Path
path-dialog-open = Open
path-dialog-save = Save
path-dialog-cancel = Cancel
path-dialog-missing = There is no file at { $path }.
path-dialog-not-file = { $path } is not a regular file.
path-dialog-no-folder = The folder { $folder } does not exist.
path-dialog-empty = Type a path first.
showing-count = showing { $shown } of { $total } events
overview-hint = Drag the window to move, its edges to zoom; click elsewhere to jump.
menu-language = Language
filters-title = Filters
search-hint = Search in any language or spelling
search-focus-hint = Ctrl+F or / to search
search-indexing = Indexing { $count } events for search…
search-results = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
search-hide-others = Hide events that do not match
filter-categories = Categories
filter-importance = Importance
filter-dates = Dates
filter-from = From
filter-to = To
filter-eras = Eras
filter-places = Places
filter-actors = People and organisations
filter-tags = Tags
filter-list-hint = Type to narrow the list
filter-clear-all = Clear all
filter-chip-remove = Remove this filter
menu-theme = Theme
theme-dark = Dark
theme-light = Light
theme-contrast = High contrast
menu-open = Open events file…
open-failed = Could not open the file dialog: { $reason }
reload-errors = The file has errors; still showing the last good version:
present-start = Present (F5)
present-tour = Tour
present-no-tour = Events shown by the filters
present-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
present-progress = { $step } / { $total }
present-keys = Next: Right arrow, PageDown, Space, Enter · Back: Left arrow, PageUp, Backspace · number + Enter: jump · B: blank · N: note · P: presenter window · A: autoplay · Esc: leave
present-save-png = Save view as PNG…
present-saved = Saved { $path }
reloading = Reloading…
menu-file = File
menu-view = View

# The shortcut table's help texts (src/ui/shortcuts.rs).
key-present = Present the chosen tour
key-search = Search
key-next = Next event
key-previous = Previous event
key-first = First event
key-last = Last event
key-clear = Clear the selection
key-zoom-in = Zoom in
key-zoom-out = Zoom out
key-show-selected = Show the selected event
key-leave = Leave the presentation
key-next-step = Next step
key-typed-step = Go to the step whose number was typed (else the next one)
key-previous-step = Previous step
key-first-step = First step
key-last-step = Last step
key-blank = Blank the screen (any key brings it back)
cluster-list-tooltip = { $count } events on the same days: click to list them
list-title = { $count } events
list-close = Close
showing-matches = { $count ->
    [one] { $count } match of { $shown } shown
   *[other] { $count } matches of { $shown } shown
}
key-help = Show or hide this help
help-title = Help
help-window = Keys in the window
help-presenting = Keys while presenting
help-about = About
help-data = Data file
menu-help = Help (F1)
help-legend = How events are drawn
legend-key = A ringed marker or an outlined bar: a key event.
legend-range = A solid bar: an event that lasted from one day to another.
legend-day = A lighter bar: one day whose hour is not known.
legend-month = A faint, hatched bar: only the month is known, not the day.
legend-hidden = A short tick at a lane's foot: a less important event; zoom in to read it.
legend-cluster = A badge with a number: events too close to tell apart; click to zoom in or to list them.
a11y-timeline = Timeline, { $from } to { $to }, { $count ->
    [one] { $count } event shown
   *[other] { $count } events shown
}
a11y-lane = { $name }, { $count ->
    [one] { $count } event
   *[other] { $count } events
}
a11y-cluster = { $count ->
    [one] { $count } event
   *[other] { $count } events
}, { $dates }
a11y-overview = Overview, { $from } to { $to }; shown: { $shown_from } to { $shown_to }
key-lane-up = The nearest event in the lane above
key-lane-down = The nearest event in the lane below
menu-motion = Reduce motion
menu-text-size = Text size
text-smaller = Smaller text
text-larger = Larger text
text-reset = Normal text size
menu-copy-link = Copy link to this view
link-copied = The command line that opens this view is on the clipboard

key-audience-notes = Show or hide the teaching note on the audience screen
key-presenter = Open or close the presenter window (notes, next step, clock)
key-autoplay = Play or pause stepping on by itself (any other key pauses)
presenter-title = Presenter view
presenter-elapsed = Time since the presentation started
presenter-previous = ‹ Previous
presenter-next = Next ›
presenter-audience-notes = Show the note to the audience (N)
presenter-play = Autoplay (A)
presenter-pause = Pause (A)
presenter-next-in = next step in { $seconds } s
presenter-blank = Blank screen (B)
presenter-leave = Leave (Esc)
presenter-steps = Steps
presenter-now = Now showing
presenter-note = Teaching note
presenter-no-note = No teaching note for this step.
presenter-note-shown = The audience sees this note too.
presenter-note-hidden = Only you see this note.
presenter-no-steps = Nothing to present: the filters show no events.
presenter-up-next = Up next
presenter-last = This is the last step.
present-with-presenter = Presenter window when presenting
present-with-presenter-hint = Opens a second window with the teaching notes, the next step and a clock: drag it to your own screen. P toggles it while presenting.
citation-accessed = accessed { $date }
tour-panel-title = Tour: { $title }
tour-panel-present = Present this tour (F5)
tour-panel-close = Stop following this tour
edge-earlier = { $count ->
    [one] { $count } earlier event in { $lane }, off screen: click to go to it
   *[other] { $count } earlier events in { $lane }, off screen: click to go to the nearest
}
edge-later = { $count ->
    [one] { $count } later event in { $lane }, off screen: click to go to it
   *[other] { $count } later events in { $lane }, off screen: click to go to the nearest
}
filter-chip-without = without: { $levels }
menu-map = Map
map-whole-period = Whole period
map-whole-period-hint = Count every event the filters show, not only those in the timeline's visible range
map-play = Play
map-pause = Pause
map-step-back = Step back
map-step-forward = Step forward
map-close = Hide the map
map-speed = Playback speed
play-speed-day = A day per second
play-speed-3days = 3 days per second
play-speed-week = A week per second
play-speed-2weeks = 2 weeks per second
play-speed-month = A month per second
map-marker = { $name }, { $count ->
    [one] { $count } event
   *[other] { $count } events
}
map-more = { $names } and { $count } more
map-click-filter = Click to show only this place's events
map-click-zoom = Click to zoom in and tell these places apart
a11y-map = Map, { $count ->
    [one] { $count } place
   *[other] { $count } places
} with events
key-map = Show or hide the map
key-play = Play or pause: the view sweeps forward through time
key-play-forward = Playback: one step forward
key-play-back = Playback: one step back
key-play-faster = Play faster
key-play-slower = Play slower
