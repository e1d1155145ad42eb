#! Сообщение о том, что медиация не начата: предложение отклонено или оставлено без ответа
#! (п. 5, 6 ст. 20 Закона «О медиации») либо спор не подлежит медиации (ст. 1). Это не прекращение (ст. 26). Формат: README.
# СООБЩЕНИЕ: МЕДИАЦИЯ НЕ НАЧАТА
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
{if case.regime=out_of_court|""}
Сторонам спора (конфликта).
{end}

## Стороны
{each party}
- {party.full_name}
{end}

## Предмет спора (конфликта)
{case.subject}

## Почему медиация не начата
{if case.termination_ground=offer_rejected}
Предложение обратиться к медиации отклонено {case.terminated_on}. Договор о медиации не заключён, поэтому медиация не начиналась (п. 5 ст. 20 Закона).
{end}
{if case.termination_ground=offer_unanswered}
Письменное предложение обратиться к медиации, направленное {case.offer_sent_on}, не принято в течение десяти календарных дней или иного указанного в нём срока и считается отклонённым (п. 6 ст. 20 Закона). Договор о медиации не заключён, медиация не начиналась (п. 5 ст. 20 Закона).
{end}
{if case.termination_ground=refused_at_intake}
Спор (конфликт) не подлежит урегулированию в порядке медиации (ст. 1 Закона). Договор о медиации не заключён, медиация не начиналась.
{end}
{if case.termination_note}

Обстоятельства:\
{case.termination_note}
{end}
{if case.notice_sent_on}

Сообщение направлено {case.notice_sent_on}.
{end}

Стороны вправе обратиться в суд или урегулировать спор (конфликт) иным способом, предусмотренным законом.

## Подпись медиатора
{signatures mediator}
