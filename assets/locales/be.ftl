# Радкі інтэрфейсу, беларуская мова.

zoom-all = Усё
zoom-month = Месяц
zoom-week = Тыдзень
zoom-day = Дзень
zoom-in = Наблізіць
zoom-out = Аддаліць
zoom-presets = Маштаб:
goto-date = Перайсці да даты
goto-hint = ГГГГ-ММ-ДД
goto-invalid = Гэта не дата: увядзіце яе як ГГГГ-ММ-ДД, напрыклад 2020-08-16.
keys-hint = Кола мышы: маштаб · перацягванне: зрух · стрэлкі ўлева/ўправа: папярэдняя/наступная падзея · падвойны пстрык: усё
details-empty = Абярыце падзею на шкале, каб прачытаць пра яе. Клавішы-стрэлкі ўлева і ўправа пераходзяць ад падзеі да падзеі.
details-era = Перыяд
details-category = Катэгорыя
details-importance = Значнасць
importance-1 = ключавая падзея
importance-2 = важная
importance-3 = дэталь
details-places = Месцы
details-actors = Людзі і арганізацыі
details-sources = Крыніцы
details-copy-citation = Скапіяваць цытаванне
details-copied = Цытаванне скапіявана ў буфер абмену
details-previous = ‹ Папярэдняя
details-next = Наступная ›
details-translation-missing = Яшчэ не перакладзена: паказана па-англійску.
details-month-precision = вядомы толькі месяц
details-year-precision = вядомы толькі год
details-no-source = Няма крыніцы: гэтая падзея з імпартаванага файла, і нішто не паказвае, адкуль яе факты.
timeline-no-source = няма крыніцы
details-filter-by = Паказаць толькі падзеі з { $name }
image-loading = Выява загружаецца…
image-failed = Выяву немагчыма паказаць: { $reason }
image-credit = Выява: { $credit } · { $licence }
cluster-tooltip = { $count ->
    [one] { $count } падзея: націсніце, каб наблізіць
    [few] { $count } падзеі: націсніце, каб наблізіць
   *[many] { $count } падзей: націсніце, каб наблізіць
}
lane-toggle = Націсніце, каб згарнуць або разгарнуць радок «{ $name }»
errors-title = Файл падзей не атрымалася загрузіць
errors-hint = Выпраўце гэтыя памылкі ў файле і адкрыйце яго зноў. Кожны радок паказвае файл:радок:слупок.
errors-open = Адкрыць іншы файл…
errors-drop = Або перацягніце файл з падзеямі ў гэтае акно.
filter-date-invalid = { $field }: «{ $text }» — не дата. Пішыце ГГГГ-ММ-ДД, напрыклад 2020-08-09; фільтр захоўвае апошнюю правільную дату.
watch-failed = Змены ў { $file } не адсочваюцца: { $reason }
loading-title = Адкрываецца { $file }
loading-reading = Чытаецца файл: { $done } з { $total } МБ
loading-checking = Чытаюцца і правяраюцца падзеі: { $percent } %
loading-cache = Чытаецца кэш гэтага файла
loading-opened-cache = Адкрыта з кэша за { $seconds } с
path-dialog-open-title = Адкрыць файл з падзеямі
path-dialog-save-title = Захаваць выгляд як PNG
path-dialog-no-system = Сістэмнага дыялогу выбару файлаў тут няма: увядзіце шлях да файла.
path-dialog-path = Шлях
path-dialog-open = Адкрыць
path-dialog-save = Захаваць
path-dialog-cancel = Скасаваць
path-dialog-missing = Па шляху { $path } няма файла.
path-dialog-not-file = { $path } — не звычайны файл.
path-dialog-no-folder = Папкі { $folder } не існуе.
path-dialog-empty = Спачатку ўвядзіце шлях.
showing-count = паказана { $shown } з { $total } падзей
overview-hint = Перацягніце акно, каб рухацца, яго краі — каб змяніць маштаб; пстрыкніце ў іншым месцы, каб перайсці.
menu-language = Мова
filters-title = Фільтры
search-hint = Пошук на любой мове
search-focus-hint = Ctrl+F або / для пошуку
search-indexing = Індэксуюцца падзеі для пошуку ({ $count })…
search-results = { $count ->
    [one] { $count } супадзенне
    [few] { $count } супадзенні
   *[many] { $count } супадзенняў
}
search-hide-others = Хаваць падзеі, якія не супадаюць
filter-categories = Катэгорыі
filter-importance = Значнасць
filter-dates = Даты
filter-from = Ад
filter-to = Да
filter-eras = Перыяды
filter-places = Месцы
filter-actors = Людзі і арганізацыі
filter-tags = Тэгі
filter-list-hint = Пішыце, каб звузіць спіс
filter-clear-all = Ачысціць усё
filter-chip-remove = Прыбраць гэты фільтр
menu-theme = Тэма
theme-dark = Цёмная
theme-light = Светлая
theme-contrast = Высокі кантраст
menu-open = Адкрыць файл падзей…
open-failed = Не ўдалося адкрыць акно выбару файла: { $reason }
reload-errors = У файле памылкі; паказваецца апошняя правільная версія:
present-start = Паказ (F5)
present-tour = Тур
present-no-tour = Падзеі паводле фільтраў
present-steps = { $count ->
    [one] { $count } крок
    [few] { $count } крокі
   *[many] { $count } крокаў
}
present-progress = { $step } / { $total }
present-keys = Наперад: стрэлка ўправа, PageDown, прабел, Enter · Назад: стрэлка ўлева, PageUp, Backspace · нумар + Enter: пераход · B: чорны экран · N: нататка · P: акно выкладчыка · A: аўтапрагляд · Esc: выйсці
present-save-png = Захаваць выгляд як PNG…
present-saved = Захавана { $path }
reloading = Перачытваецца…
menu-file = Файл
menu-view = Выгляд

# The shortcut table's help texts (src/ui/shortcuts.rs).
key-present = Паказаць выбраны тур
key-search = Пошук
key-next = Наступная падзея
key-previous = Папярэдняя падзея
key-first = Першая падзея
key-last = Апошняя падзея
key-clear = Зняць выбар
key-zoom-in = Наблізіць
key-zoom-out = Аддаліць
key-show-selected = Паказаць выбраную падзею
key-leave = Выйсці з прэзентацыі
key-next-step = Наступны крок
key-typed-step = Перайсці да кроку з набраным нумарам (інакш — да наступнага)
key-previous-step = Папярэдні крок
key-first-step = Першы крок
key-last-step = Апошні крок
key-blank = Зацямніць экран (любая клавіша вяртае)
cluster-list-tooltip = { $count ->
    [one] { $count } падзея ў тыя ж дні: пстрыкніце, каб убачыць спіс
    [few] { $count } падзеі ў тыя ж дні: пстрыкніце, каб убачыць спіс
   *[other] { $count } падзей у тыя ж дні: пстрыкніце, каб убачыць спіс
}
list-title = { $count ->
    [one] { $count } падзея
    [few] { $count } падзеі
   *[other] { $count } падзей
}
list-close = Закрыць
showing-matches = { $count ->
    [one] { $count } супадзенне з { $shown } паказаных
    [few] { $count } супадзенні з { $shown } паказаных
   *[other] { $count } супадзенняў з { $shown } паказаных
}
key-help = Паказаць або схаваць гэтую даведку
help-title = Даведка
help-window = Клавішы ў акне
help-presenting = Клавішы падчас паказу
help-about = Пра праграму
help-data = Файл даных
menu-help = Даведка (F1)
help-legend = Як паказаны падзеі
legend-key = Маркер з абводай або абведзеная палоска: ключавая падзея.
legend-range = Суцэльная палоска: падзея, якая доўжылася ад аднаго дня да іншага.
legend-day = Больш светлая палоска: адзін дзень, гадзіна якога невядомая.
legend-month = Бледная заштрыхаваная палоска: вядомы толькі месяц, не дзень.
legend-hidden = Кароткая рыска ўнізе дарожкі: менш важная падзея; наблізьце, каб прачытаць.
legend-cluster = Значок з лікам: падзеі, якія немагчыма адрозніць пры гэтым маштабе; пстрыкніце, каб наблізіць або ўбачыць спіс.
a11y-timeline = Храналогія, з { $from } па { $to }, { $count ->
    [one] паказана { $count } падзея
    [few] паказана { $count } падзеі
   *[many] паказана { $count } падзей
}
a11y-lane = { $name }, { $count ->
    [one] { $count } падзея
    [few] { $count } падзеі
   *[many] { $count } падзей
}
a11y-cluster = { $count ->
    [one] { $count } падзея
    [few] { $count } падзеі
   *[many] { $count } падзей
}, { $dates }
a11y-overview = Агляд, з { $from } па { $to }; паказана: з { $shown_from } па { $shown_to }
key-lane-up = Бліжэйшая падзея ў радку вышэй
key-lane-down = Бліжэйшая падзея ў радку ніжэй
menu-motion = Менш руху
menu-text-size = Памер тэксту
text-smaller = Драбнейшы тэкст
text-larger = Буйнейшы тэкст
text-reset = Звычайны памер тэксту
menu-copy-link = Скапіяваць спасылку на гэты выгляд
link-copied = Каманда, якая адкрывае гэты выгляд, скапіявана ў буфер абмену

key-audience-notes = Паказаць або схаваць настаўніцкую нататку на экране для класа
key-presenter = Адкрыць або закрыць акно выкладчыка (нататкі, наступны крок, час)
key-autoplay = Запусціць або спыніць аўтапрагляд (любая іншая клавіша спыняе)
presenter-title = Акно выкладчыка
presenter-elapsed = Час ад пачатку паказу
presenter-previous = ‹ Папярэдні
presenter-next = Наступны ›
presenter-audience-notes = Паказаць нататку класу (N)
presenter-play = Аўтапрагляд (A)
presenter-pause = Паўза (A)
presenter-next-in = наступны крок праз { $seconds } с
presenter-blank = Чорны экран (B)
presenter-leave = Выйсці (Esc)
presenter-steps = Крокі
presenter-now = Зараз на экране
presenter-note = Нататка для настаўніка
presenter-no-note = Для гэтага кроку нататкі няма.
presenter-note-shown = Клас таксама бачыць гэтую нататку.
presenter-note-hidden = Гэтую нататку бачыце толькі вы.
presenter-no-steps = Няма чаго паказваць: фільтры не пакідаюць ніводнай падзеі.
presenter-up-next = Далей
presenter-last = Гэта апошні крок.
present-with-presenter = Акно выкладчыка падчас паказу
present-with-presenter-hint = Адкрывае другое акно з нататкамі, наступным крокам і гадзіннікам: перацягніце яго на свой экран. Падчас паказу P адкрывае і закрывае яго.
citation-accessed = дата звароту: { $date }
tour-panel-title = Тур: { $title }
tour-panel-present = Паказаць гэты тур (F5)
tour-panel-close = Не сачыць за гэтым турам
edge-earlier = { $count ->
    [one] { $count } ранейшая падзея ў «{ $lane }» за краем экрана: націсніце, каб перайсці
    [few] { $count } ранейшыя падзеі ў «{ $lane }» за краем экрана: націсніце, каб перайсці да бліжэйшай
   *[many] { $count } ранейшых падзей у «{ $lane }» за краем экрана: націсніце, каб перайсці да бліжэйшай
}
edge-later = { $count ->
    [one] { $count } пазнейшая падзея ў «{ $lane }» за краем экрана: націсніце, каб перайсці
    [few] { $count } пазнейшыя падзеі ў «{ $lane }» за краем экрана: націсніце, каб перайсці да бліжэйшай
   *[many] { $count } пазнейшых падзей у «{ $lane }» за краем экрана: націсніце, каб перайсці да бліжэйшай
}
filter-chip-without = без: { $levels }
menu-map = Карта
map-whole-period = Увесь перыяд
map-whole-period-hint = Лічыць усе падзеі, якія паказваюць фільтры, а не толькі бачныя на часавай шкале
map-play = Прайграць
map-pause = Паўза
map-step-back = Крок назад
map-step-forward = Крок наперад
map-close = Схаваць карту
map-speed = Хуткасць прайгравання
play-speed-day = Дзень за секунду
play-speed-3days = 3 дні за секунду
play-speed-week = Тыдзень за секунду
play-speed-2weeks = 2 тыдні за секунду
play-speed-month = Месяц за секунду
map-marker = { $name }, { $count ->
    [one] { $count } падзея
    [few] { $count } падзеі
   *[many] { $count } падзей
}
map-more = { $names } і яшчэ { $count }
map-click-filter = Націсніце, каб паказаць толькі падзеі гэтага месца
map-click-zoom = Націсніце, каб наблізіць і развесці гэтыя месцы
a11y-map = Карта, { $count ->
    [one] { $count } месца
    [few] { $count } месцы
   *[many] { $count } месцаў
} з падзеямі
key-map = Паказаць або схаваць карту
key-play = Прайграць або спыніць: від рухаецца наперад у часе
key-play-forward = Прайграванне: крок наперад
key-play-back = Прайграванне: крок назад
key-play-faster = Прайграваць хутчэй
key-play-slower = Прайграваць павольней
