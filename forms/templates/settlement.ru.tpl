#! Соглашение об урегулировании спора (Закон «О медиации», ст. 27). Формат: README.
# СОГЛАШЕНИЕ ОБ УРЕГУЛИРОВАНИИ СПОРА
# № {number}

{case.settlement_place}, {case.signed_on}

## 1. Стороны
{each party}
- {party.full_name}{if party.kind=person}, ИИН {party.iin?}{end}{if party.kind=organisation}, БИН {party.bin?}{end}{if party.role=representative}, представитель: {party.represents}, действует на основании: {party.powers}{end}{if party.address}; адрес: {party.address}{end}
{end}

## 2. Медиатор
{mediator}, {office.name}. Договор о медиации заключён {case.contract_on}.

## 3. Предмет спора
{case.settlement_subject}

## 4. Стороны договорились
{each obligation}
{n}. {obligation.debtor} обязуется:\
{obligation.text}\
Срок: до {obligation.due_on}.{if obligation.manner} Порядок исполнения: {obligation.manner}.{end}

{end}
## 5. Исполнение и последствия неисполнения
Стороны исполняют настоящее соглашение добровольно, в порядке и сроки, которые в нём установлены.

{case.nonperformance}
{if case.settlement_terms}

## 6. Иные условия
{case.settlement_terms}
{end}
{if case.copies}

Составлено в {case.copies} экземплярах, имеющих одинаковую силу.
{end}

## Подписи
{signatures}
