#! Тізілімге арналған іс карточкасы. Пішімі: README.
# ІСТІҢ ЕСЕПКЕ АЛУ КАРТОЧКАСЫ
# № {number}

- Кеңсе: {office.name}
- Түскен күні: {case.received_on}
- Кім жолдады: {case.referral_source}
- Дау түрі: {case.category}
- Даудың сатысы: {case.regime}
{if case.village}
- Ауыл немесе қала: {case.village}
{end}
- Даудың мәні: {case.subject}
- Медиатор: {mediator}
- Қазіргі кезең: {stage}

## Тараптар
{each party}
- {party.full_name}{if party.kind=person}, ЖСН {party.iin?}{end}{if party.kind=organisation}, БСН {party.bin?}{end}
{end}

## Рәсімнің барысы
{if case.offer_sent_on}
- Шақыру жіберілді: {case.offer_sent_on}
{end}
{if case.contract_on}
- Медиация туралы шарт: {case.contract_on}
{end}
{each session}
- {n}-кездесу: {session.held_on}, {session.kind}
{end}
{if case.signed_on}
- Келісімге қол қойылды: {case.signed_on}
{end}
{if case.terminated_on}
- Медиация тоқтатылды: {case.terminated_on}, {case.termination_ground?}
{end}
{each obligation}
- {n}-міндеттеме, мерзімі {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.followup_result}
- Бақылау нәтижесі: {case.followup_result}
{end}
