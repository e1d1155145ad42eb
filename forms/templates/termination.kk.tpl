#! Медиацияны тоқтату туралы акт («Медиация туралы» Заң, 26-бап). Пішімі: README.
# МЕДИАЦИЯНЫ ТОҚТАТУ ТУРАЛЫ АКТ
# № {number}

{office.village?}, {case.terminated_on}

## Тараптар
{each party}
- {party.full_name}
{end}

## Медиатор
{mediator}, {office.name}

## Даудың мәні
{case.subject}

## Негізі
Медиация {case.terminated_on} мына негіз бойынша тоқтатылды: {case.termination_ground}.
{if case.termination_note}

{case.termination_note}
{end}

Медиацияның тоқтатылуы тараптарды сотқа жүгіну немесе дауды өзге тәсілмен реттеу құқығынан айырмайды. Медиация барысында айтылғандар құпия болып қалады (8-бап).

## Қолы
{signatures mediator}
