#! Протокол встреч. Конфиденциальные записи — только по запросу. Формат: README.
# ПРОТОКОЛ ВСТРЕЧ ПО МЕДИАЦИИ
# № {number}

Предмет спора (конфликта): {case.subject}\
Медиатор: {mediator}

{each session}
## Встреча {n}: {session.held_on}
- Вид: {session.kind}{if session.kind=caucus}, со стороной: {session.with_party}{end}
- Как проведена: {session.mode}
{if session.place}
- Место: {session.place}
{end}
{if session.duration_min}
- Продолжительность, минут: {session.duration_min}
{end}
{if session.participants}
- Также присутствовали: {session.participants}
{end}
{if session.summary}

{session.summary}
{end}
{if session.notes}

Конфиденциальные записи: {session.notes}
{end}

{end}
## Подпись
{signatures mediator}
