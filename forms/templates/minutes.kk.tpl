#! Кездесулер хаттамасы. Құпия жазбалар — тек сұралғанда. Пішімі: README.
# МЕДИАЦИЯ КЕЗДЕСУЛЕРІНІҢ ХАТТАМАСЫ
# № {number}

Даудың (жанжалдың) нысанасы: {case.subject}\
Медиатор: {mediator}

{each session}
## {n}-кездесу: {session.held_on}
- Түрі: {session.kind}{if session.kind=caucus}, тарап: {session.with_party}{end}
- Қалай өткізілді: {session.mode}
{if session.place}
- Орны: {session.place}
{end}
{if session.duration_min}
- Ұзақтығы, минут: {session.duration_min}
{end}
{if session.participants}
- Сондай-ақ қатысқандар: {session.participants}
{end}
{if session.summary}

{session.summary}
{end}
{if session.notes}

Құпия жазбалар: {session.notes}
{end}

{end}
## Қолы
{signatures mediator}
