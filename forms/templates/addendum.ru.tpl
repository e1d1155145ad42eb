#! Дополнительное соглашение к подписанному соглашению. Формат: README.
# ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № {case.addendum_no}
# к соглашению об урегулировании спора (конфликта) № {number} от {case.signed_on}

{case.addendum_place}, {case.addendum_on}

Стороны соглашения об урегулировании спора (конфликта) № {number}, подписанного {case.signed_on} (SHA-256 {signed_fingerprint}), и медиатор {mediator} договорились изменить его следующим образом. В остальном соглашение сохраняет силу.

## Изменение
{case.addendum_text}

## Стороны
{each party}
- {party.full_name}{if party.kind=person}, ИИН {party.iin?}{end}{if party.kind=organisation}, БИН {party.bin?}{end}
{end}

## Подписи
{signatures}
