#! Учётная карточка дела для реестра. Формат: README.
# УЧЁТНАЯ КАРТОЧКА ДЕЛА
# № {number}

- Офис: {office.name}
- Дата поступления: {case.received_on}
- Кем направлено: {case.referral_source}
- Вид спора: {case.category}
- Стадия спора: {case.regime?}
{if case.village}
- Село или город: {case.village}
{end}
- Предмет спора (конфликта): {case.subject}
- Медиатор: {mediator}
- Текущий этап: {stage}
{if case.child_report_on}
- Сообщено в орган по защите прав ребёнка: {case.child_report_on}
{end}
{if case.previous_mediator}
- Прежний медиатор: {case.previous_mediator}{if case.mediator_changed_on}, замена {case.mediator_changed_on}{end}
{end}

## Стороны
{each party}
- {party.full_name}{if party.kind=person}, ИИН {party.iin?}{end}{if party.kind=organisation}, БИН {party.bin?}{end}
{end}

## Ход процедуры
{if case.offer_sent_on}
- Предложение направлено: {case.offer_sent_on}
{end}
{if case.contract_on}
- Договор о медиации: {case.contract_on}
{end}
{each session}
- Встреча {n}: {session.held_on}, {session.kind}
{end}
{if case.signed_on}
- Соглашение подписано: {case.signed_on}
{end}
{if case.terminated_on}
- Медиация прекращена или не начата: {case.terminated_on}, {case.termination_ground?}
{end}
{if case.notice_sent_on}
- Уведомление направлено: {case.notice_sent_on}
{end}
{each obligation}
- Обязательство {n}, срок {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.court_notified_on}
- Соглашение направлено в суд, орган или судебному исполнителю: {case.court_notified_on}
{end}
{if case.court_ruling}
- Определение суда: {case.court_ruling}{if case.court_ruling_on}, {case.court_ruling_on}{end}
{end}
{if case.case_result}
- Решение органа, ведущего дело: {case.case_result}{if case.case_result_on}, {case.case_result_on}{end}
{end}
{if case.enf_ended_on}
- Исполнительное производство прекращено: {case.enf_ended_on}
{end}
{if case.followup_result}
- Результат контроля: {case.followup_result}
{end}
