#! Уведомление о прекращении процедуры медиации (Закон «О медиации», ст. 26 в редакции Закона № 84-VII;
#! пп. 3) п. 1 и пп. 5) п. 2 ст. 10; п. 4 ст. 23; п. 6 ст. 24). Формат: README.
# УВЕДОМЛЕНИЕ О ПРЕКРАЩЕНИИ ПРОЦЕДУРЫ МЕДИАЦИИ
# № {number}

{office.village?}, {case.terminated_on}

{if case.regime=civil_court|admin_court}
Суду: {case.court_name}, дело № {case.court_case_no}.
{end}
{if case.regime=criminal}
Органу, ведущему уголовный процесс: {case.crim_body}, уголовное дело № {case.crim_case_no}.
{end}
{if case.regime=administrative}
Органу, ведущему дело об административном правонарушении: {case.adm_authority} ({case.adm_article}).
{end}
{if case.regime=enforcement}
Судебному исполнителю: {case.enf_bailiff?}, исполнительное производство № {case.enf_no}.
{end}
{if case.regime=out_of_court}
Сторонам медиации.
{end}

## Стороны
{each party}
- {party.full_name}{if party.role=representative}, представитель стороны {party.represents}{end}
{end}

## Медиатор
{mediator}, {office.name}

## Договор о медиации
Договор о медиации заключён {case.contract_on}. Предмет спора (конфликта): {case.subject}

## Основание прекращения
{if case.termination_ground=no_settlement}
Медиация прекращена {case.terminated_on} в связи с установлением медиатором обстоятельств, исключающих возможность разрешения спора (конфликта) путём медиации (пп. 2) п. 1 ст. 26 Закона).
{end}
{if case.termination_ground=parties_refused}
Медиация прекращена {case.terminated_on}, со дня подписания письменного отказа стороны (сторон) от медиации (пп. 3) п. 1 ст. 26 Закона).
{end}
{if case.termination_ground=party_refused}
Медиация прекращена {case.terminated_on}, с момента уведомления доступными средствами связи о письменном отказе одной из сторон от продолжения медиации (пп. 4) п. 1 ст. 26 Закона).
{end}
{if case.termination_ground=term_expired}
Медиация прекращена {case.terminated_on} в связи с истечением срока её проведения (пп. 5) п. 1 ст. 26, ст. 23 и 24 Закона).
{end}
{if case.termination_ground=mediator_withdrew}
Медиация прекращена {case.terminated_on}: медиатор отказался от её проведения, поскольку дальнейшие усилия не приведут к разрешению спора (конфликта) между сторонами (пп. 3) п. 1 ст. 10 Закона).
{end}
{if case.termination_ground=ended_by_consent}
Медиация прекращена {case.terminated_on} медиатором с согласия сторон, закреплённого в письменной форме (пп. 3) п. 1 ст. 10 Закона).
{end}
{if case.termination_ground=conflict_of_interest}
Медиация прекращена {case.terminated_on} медиатором в связи с противоречием между его личными интересами и обязанностями, которое может повлиять на его беспристрастность и независимость (пп. 5) п. 2 ст. 10 Закона).
{end}
{if case.termination_note}

Обстоятельства:\
{case.termination_note}
{end}
{if case.notice_requested=yes}

Уведомление выдано по требованию стороны (п. 2 ст. 26 Закона).
{end}
{if case.notice_sent_on}

Уведомление направлено {case.notice_sent_on} (п. 4 ст. 23, п. 6 ст. 24 Закона).
{end}

Прекращение медиации не лишает стороны права обратиться в суд или урегулировать спор (конфликт) иным способом. Сведения, ставшие известными в ходе медиации, остаются конфиденциальными (ст. 8 Закона).

## Подпись медиатора
{signatures mediator}
