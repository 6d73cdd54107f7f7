# Строки интерфейса, русский язык.

zoom-all = Всё
zoom-month = Месяц
zoom-week = Неделя
zoom-day = День
zoom-in = Приблизить
zoom-out = Отдалить
zoom-presets = Масштаб:
goto-date = Перейти к дате
goto-hint = ГГГГ-ММ-ДД
goto-invalid = Это не дата: введите её как ГГГГ-ММ-ДД, например 2020-08-16.
keys-hint = Колесо мыши: масштаб · перетаскивание: сдвиг · стрелки влево/вправо: предыдущее/следующее событие · двойной щелчок: всё
details-empty = Выберите событие на шкале, чтобы прочитать о нём. Клавиши-стрелки влево и вправо переходят от события к событию.
details-era = Период
details-category = Категория
details-importance = Значимость
importance-1 = ключевое событие
importance-2 = важное
importance-3 = деталь
details-places = Места
details-actors = Люди и организации
details-sources = Источники
details-copy-citation = Скопировать цитату
details-copied = Цитата скопирована в буфер обмена
details-previous = ‹ Предыдущее
details-next = Следующее ›
details-translation-missing = Ещё не переведено: показано по-английски.
details-month-precision = известен только месяц
details-year-precision = известен только год
details-no-source = Нет источника: это событие из импортированного файла, и ничто не указывает, откуда его факты.
timeline-no-source = нет источника
details-filter-by = Показать только события с { $name }
image-loading = Изображение загружается…
image-failed = Изображение невозможно показать: { $reason }
image-credit = Изображение: { $credit } · { $licence }
cluster-tooltip = { $count ->
    [one] { $count } событие: нажмите, чтобы приблизить
    [few] { $count } события: нажмите, чтобы приблизить
   *[many] { $count } событий: нажмите, чтобы приблизить
}
lane-toggle = Нажмите, чтобы свернуть или развернуть строку «{ $name }»
errors-title = Файл событий не удалось загрузить
errors-hint = Исправьте эти ошибки в файле и откройте его снова. Каждая строка показывает файл:строка:столбец.
errors-open = Открыть другой файл…
errors-drop = Или перетащите файл с событиями в это окно.
filter-date-invalid = { $field }: «{ $text }» — не дата. Пишите ГГГГ-ММ-ДД, например 2020-08-09; фильтр сохраняет последнюю правильную дату.
watch-failed = Изменения в { $file } не отслеживаются: { $reason }
loading-title = Открывается { $file }
loading-reading = Читается файл: { $done } из { $total } МБ
loading-checking = Читаются и проверяются события: { $percent } %
loading-cache = Читается кэш этого файла
loading-opened-cache = Открыто из кэша за { $seconds } с
path-dialog-open-title = Открыть файл с событиями
path-dialog-save-title = Сохранить вид как PNG
path-dialog-no-system = Системного диалога выбора файлов здесь нет: введите путь к файлу.
path-dialog-path = Путь
path-dialog-open = Открыть
path-dialog-save = Сохранить
path-dialog-cancel = Отмена
path-dialog-missing = По пути { $path } нет файла.
path-dialog-not-file = { $path } — не обычный файл.
path-dialog-no-folder = Папки { $folder } не существует.
path-dialog-empty = Сначала введите путь.
showing-count = показано { $shown } из { $total } событий
overview-hint = Перетащите окно, чтобы двигаться, его края — чтобы изменить масштаб; щёлкните в другом месте, чтобы перейти.
menu-language = Язык
filters-title = Фильтры
search-hint = Поиск на любом языке
search-focus-hint = Ctrl+F или / для поиска
search-indexing = Индексируются события для поиска ({ $count })…
search-results = { $count ->
    [one] { $count } совпадение
    [few] { $count } совпадения
   *[many] { $count } совпадений
}
search-hide-others = Скрывать несовпадающие события
filter-categories = Категории
filter-importance = Значимость
filter-dates = Даты
filter-from = С
filter-to = По
filter-eras = Периоды
filter-places = Места
filter-actors = Люди и организации
filter-tags = Теги
filter-list-hint = Печатайте, чтобы сузить список
filter-clear-all = Очистить всё
filter-chip-remove = Убрать этот фильтр
menu-theme = Тема
theme-dark = Тёмная
theme-light = Светлая
theme-contrast = Высокий контраст
menu-open = Открыть файл событий…
open-failed = Не удалось открыть окно выбора файла: { $reason }
reload-errors = В файле ошибки; показана последняя правильная версия:
present-start = Показ (F5)
present-tour = Тур
present-no-tour = События по фильтрам
present-steps = { $count ->
    [one] { $count } шаг
    [few] { $count } шага
   *[many] { $count } шагов
}
present-progress = { $step } / { $total }
present-keys = Вперёд: стрелка вправо, PageDown, пробел, Enter · Назад: стрелка влево, PageUp, Backspace · номер + Enter: переход · B: чёрный экран · N: заметка · P: окно преподавателя · A: автопоказ · Esc: выйти
present-save-png = Сохранить вид как PNG…
present-saved = Сохранено { $path }
reloading = Перечитывается…
menu-file = Файл
menu-view = Вид

# The shortcut table's help texts (src/ui/shortcuts.rs).
key-present = Показать выбранный тур
key-search = Поиск
key-next = Следующее событие
key-previous = Предыдущее событие
key-first = Первое событие
key-last = Последнее событие
key-clear = Снять выбор
key-zoom-in = Приблизить
key-zoom-out = Отдалить
key-show-selected = Показать выбранное событие
key-leave = Выйти из презентации
key-next-step = Следующий шаг
key-typed-step = Перейти к шагу с набранным номером (иначе — к следующему)
key-previous-step = Предыдущий шаг
key-first-step = Первый шаг
key-last-step = Последний шаг
key-blank = Затемнить экран (любая клавиша возвращает)
cluster-list-tooltip = { $count ->
    [one] { $count } событие в те же дни: щёлкните, чтобы увидеть список
    [few] { $count } события в те же дни: щёлкните, чтобы увидеть список
   *[other] { $count } событий в те же дни: щёлкните, чтобы увидеть список
}
list-title = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[other] { $count } событий
}
list-close = Закрыть
showing-matches = { $count ->
    [one] { $count } совпадение из { $shown } показанных
    [few] { $count } совпадения из { $shown } показанных
   *[other] { $count } совпадений из { $shown } показанных
}
key-help = Показать или скрыть эту справку
help-title = Справка
help-window = Клавиши в окне
help-presenting = Клавиши во время показа
help-about = О программе
help-data = Файл данных
menu-help = Справка (F1)
help-legend = Как показаны события
legend-key = Маркер с обводкой или обведённая полоска: ключевое событие.
legend-range = Сплошная полоска: событие, длившееся от одного дня до другого.
legend-day = Более светлая полоска: один день, час которого неизвестен.
legend-month = Бледная заштрихованная полоска: известен только месяц, не день.
legend-hidden = Короткая черта внизу дорожки: менее важное событие; приблизьте, чтобы прочитать.
legend-cluster = Значок с числом: события, которые нельзя различить при этом масштабе; щёлкните, чтобы приблизить или увидеть список.
a11y-timeline = Хронология, с { $from } по { $to }, { $count ->
    [one] показано { $count } событие
    [few] показано { $count } события
   *[many] показано { $count } событий
}
a11y-lane = { $name }, { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
a11y-cluster = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}, { $dates }
a11y-overview = Обзор, с { $from } по { $to }; показано: с { $shown_from } по { $shown_to }
key-lane-up = Ближайшее событие в строке выше
key-lane-down = Ближайшее событие в строке ниже
menu-motion = Уменьшить движение
menu-text-size = Размер текста
text-smaller = Текст мельче
text-larger = Текст крупнее
text-reset = Обычный размер текста
menu-copy-link = Скопировать ссылку на этот вид
link-copied = Команда, открывающая этот вид, скопирована в буфер обмена

key-audience-notes = Показать или скрыть заметку учителя на экране для класса
key-presenter = Открыть или закрыть окно преподавателя (заметки, следующий шаг, время)
key-autoplay = Запустить или остановить автопоказ (любая другая клавиша останавливает)
presenter-title = Окно преподавателя
presenter-elapsed = Время с начала показа
presenter-previous = ‹ Предыдущий
presenter-next = Следующий ›
presenter-audience-notes = Показать заметку классу (N)
presenter-play = Автопоказ (A)
presenter-pause = Пауза (A)
presenter-next-in = следующий шаг через { $seconds } с
presenter-blank = Чёрный экран (B)
presenter-leave = Выйти (Esc)
presenter-steps = Шаги
presenter-now = Сейчас на экране
presenter-note = Заметка для учителя
presenter-no-note = Для этого шага заметки нет.
presenter-note-shown = Класс тоже видит эту заметку.
presenter-note-hidden = Эту заметку видите только вы.
presenter-no-steps = Нечего показывать: фильтры не оставляют ни одного события.
presenter-up-next = Далее
presenter-last = Это последний шаг.
present-with-presenter = Окно преподавателя во время показа
present-with-presenter-hint = Открывает второе окно с заметками, следующим шагом и часами: перетащите его на свой экран. Во время показа P открывает и закрывает его.
citation-accessed = дата обращения: { $date }
tour-panel-title = Тур: { $title }
tour-panel-present = Показать этот тур (F5)
tour-panel-close = Не следить за этим туром
edge-earlier = { $count ->
    [one] { $count } более раннее событие в «{ $lane }» за краем экрана: нажмите, чтобы перейти
    [few] { $count } более ранних события в «{ $lane }» за краем экрана: нажмите, чтобы перейти к ближайшему
   *[many] { $count } более ранних событий в «{ $lane }» за краем экрана: нажмите, чтобы перейти к ближайшему
}
edge-later = { $count ->
    [one] { $count } более позднее событие в «{ $lane }» за краем экрана: нажмите, чтобы перейти
    [few] { $count } более поздних события в «{ $lane }» за краем экрана: нажмите, чтобы перейти к ближайшему
   *[many] { $count } более поздних событий в «{ $lane }» за краем экрана: нажмите, чтобы перейти к ближайшему
}
filter-chip-without = без: { $levels }
menu-map = Карта
map-whole-period = Весь период
map-whole-period-hint = Считать все события, которые показывают фильтры, а не только видимые на временной шкале
map-play = Воспроизвести
map-pause = Пауза
map-step-back = Шаг назад
map-step-forward = Шаг вперёд
map-close = Скрыть карту
map-speed = Скорость воспроизведения
play-speed-day = День в секунду
play-speed-3days = 3 дня в секунду
play-speed-week = Неделя в секунду
play-speed-2weeks = 2 недели в секунду
play-speed-month = Месяц в секунду
map-marker = { $name }, { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
map-more = { $names } и ещё { $count }
map-click-filter = Нажмите, чтобы показать только события этого места
map-click-zoom = Нажмите, чтобы приблизить и развести эти места
a11y-map = Карта, { $count ->
    [one] { $count } место
    [few] { $count } места
   *[many] { $count } мест
} с событиями
key-map = Показать или скрыть карту
key-play = Воспроизвести или приостановить: вид движется вперёд во времени
key-play-forward = Воспроизведение: шаг вперёд
key-play-back = Воспроизведение: шаг назад
key-play-faster = Воспроизводить быстрее
key-play-slower = Воспроизводить медленнее
