#! Дауды реттеу туралы келісім («Медиация туралы» Заң, 27-бап). Пішімі: README.
# ДАУДЫ РЕТТЕУ ТУРАЛЫ КЕЛІСІМ
# № {number}

{case.settlement_place}, {case.signed_on}

## 1. Тараптар
{each party}
- {party.full_name}{if party.kind=person}, ЖСН {party.iin?}{end}{if party.kind=organisation}, БСН {party.bin?}{end}{if party.role=representative}, өкілі: {party.represents}, негізі: {party.powers}{end}{if party.address}; мекенжайы: {party.address}{end}
{end}

## 2. Медиатор
{mediator}, {office.name}. Медиация туралы шарт {case.contract_on} жасалды.

## 3. Даудың мәні
{case.settlement_subject}

## 4. Тараптар келісті
{each obligation}
{n}. {obligation.debtor} міндеттенеді:\
{obligation.text}\
Мерзімі: {obligation.due_on} дейін.{if obligation.manner} Орындау тәртібі: {obligation.manner}.{end}

{end}
## 5. Орындау және орындамаудың салдары
Тараптар осы келісімді онда белгіленген тәртіппен және мерзімде өз еркімен орындайды.

{case.nonperformance}
{if case.settlement_terms}

## 6. Өзге талаптар
{case.settlement_terms}
{end}
{if case.copies}

Бірдей заңды күші бар {case.copies} данада жасалды.
{end}

## Қолдар
{signatures}
