#! Тізілімге арналған іс карточкасы. Пішімі: README.
# ІСТІҢ ЕСЕПКЕ АЛУ КАРТОЧКАСЫ
# № {number}

- Кеңсе: {office.name}
- Түскен күні: {case.received_on}
- Кім жолдады: {case.referral_source}
- Дау түрі: {case.category}
- Даудың сатысы: {case.regime?}
{if case.village}
- Ауыл немесе қала: {case.village}
{end}
- Даудың (жанжалдың) нысанасы: {case.subject}
- Медиатор: {mediator}
- Қазіргі кезең: {stage}
{if case.child_report_on}
- Баланың құқықтарын қорғау органына хабарланды: {case.child_report_on}
{end}
{if case.previous_mediator}
- Бұрынғы медиатор: {case.previous_mediator}{if case.mediator_changed_on}, ауыстырылды {case.mediator_changed_on}{end}
{end}

## Тараптар
{each party}
- {party.full_name}{if party.kind=person}, ЖСН {party.iin?}{end}{if party.kind=organisation}, БСН {party.bin?}{end}
{end}

## Рәсімнің барысы
{if case.offer_sent_on}
- Медиацияға жүгіну туралы ұсыныс жіберілді: {case.offer_sent_on}
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
- Медиация тоқтатылды немесе басталмады: {case.terminated_on}, {case.termination_ground?}
{end}
{if case.notice_sent_on}
- Хабарлама жіберілді: {case.notice_sent_on}
{end}
{each obligation}
- {n}-міндеттеме, мерзімі {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.court_notified_on}
- Келісім сотқа, органға немесе сот орындаушысына жіберілді: {case.court_notified_on}
{end}
{if case.court_ruling}
- Соттың ұйғарымы: {case.court_ruling}{if case.court_ruling_on}, {case.court_ruling_on}{end}
{end}
{if case.case_result}
- Істі жүргізетін органның шешімі: {case.case_result}{if case.case_result_on}, {case.case_result_on}{end}
{end}
{if case.enf_ended_on}
- Атқарушылық іс жүргізу тоқтатылды: {case.enf_ended_on}
{end}
{if case.followup_result}
- Бақылау нәтижесі: {case.followup_result}
{end}
