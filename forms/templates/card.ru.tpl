#! Учётная карточка дела для реестра. Формат: README.
# УЧЁТНАЯ КАРТОЧКА ДЕЛА
# № {number}

- Офис: {office.name}
- Дата поступления: {case.received_on}
- Кем направлено: {case.referral_source}
- Вид спора: {case.category}
- Стадия спора: {case.regime}
{if case.village}
- Село или город: {case.village}
{end}
- Предмет спора: {case.subject}
- Медиатор: {mediator}
- Текущий этап: {stage}

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
- Медиация прекращена: {case.terminated_on}, {case.termination_ground?}
{end}
{each obligation}
- Обязательство {n}, срок {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.followup_result}
- Результат контроля: {case.followup_result}
{end}
