#! Қол қойылған келісімге қосымша келісім. Пішімі: README.
# № {case.addendum_no} ҚОСЫМША КЕЛІСІМ
# {case.signed_on} № {number} дауды (жанжалды) реттеу туралы келісімге

{case.addendum_place}, {case.addendum_on}

{case.signed_on} ж. қол қойылған № {number} дауды (жанжалды) реттеу туралы келісімнің (SHA-256 {signed_fingerprint}) тараптары мен медиатор {mediator} оны төмендегідей өзгертуге келісті. Қалған бөлігінде келісім күшін сақтайды.

## Өзгеріс
{case.addendum_text}

## Тараптар
{each party}
- {party.full_name}{if party.kind=person}, ЖСН {party.iin?}{end}{if party.kind=organisation}, БСН {party.bin?}{end}
{end}

## Қолдар
{signatures}
