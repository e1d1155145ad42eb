#! Акт о прекращении медиации (Закон «О медиации», ст. 26). Формат: README.
# АКТ О ПРЕКРАЩЕНИИ МЕДИАЦИИ
# № {number}

{office.village?}, {case.terminated_on}

## Стороны
{each party}
- {party.full_name}
{end}

## Медиатор
{mediator}, {office.name}

## Предмет спора
{case.subject}

## Основание
Медиация прекращена {case.terminated_on} по основанию: {case.termination_ground}.
{if case.termination_note}

{case.termination_note}
{end}

Прекращение медиации не лишает стороны права обратиться в суд или урегулировать спор иным способом. Сказанное в ходе медиации остаётся конфиденциальным (ст. 8).

## Подпись
{signatures mediator}
