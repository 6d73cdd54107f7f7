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
present-keys = Next: Right arrow, PageDown, Space, Enter · Back: Left arrow, PageUp, Backspace · number + Enter: jump · B: blank · Esc: leave
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
