#! Медиацияның басталмағаны туралы хабар: ұсыныс қабылданбады немесе жауапсыз қалды
#! («Медиация туралы» Заңның 20-бабының 5, 6-тармақтары) не дау медиацияға жатпайды (1-бап). Бұл тоқтату емес (26-бап). Пішімі: README.
# ХАБАР: МЕДИАЦИЯ БАСТАЛМАДЫ
# № {number}

{office.village?}, {case.terminated_on}

{if case.regime=civil_court|admin_court}
Сотқа: {case.court_name}, № {case.court_case_no} іс.
{end}
{if case.regime=criminal}
Қылмыстық процесті жүргізетін органға: {case.crim_body}, № {case.crim_case_no} қылмыстық іс.
{end}
{if case.regime=administrative}
Әкімшілік құқық бұзушылық туралы істі жүргізетін органға: {case.adm_authority} ({case.adm_article}).
{end}
{if case.regime=enforcement}
Сот орындаушысына: {case.enf_bailiff?}, № {case.enf_no} атқарушылық іс жүргізу.
{end}
{if case.regime=out_of_court|""}
Дау (жанжал) тараптарына.
{end}

## Тараптар
{each party}
- {party.full_name}
{end}

## Даудың (жанжалдың) нысанасы
{case.subject}

## Медиация неге басталмады
{if case.termination_ground=offer_rejected}
Медиацияға жүгіну туралы ұсыныс {case.terminated_on} ж. қабылданбады. Медиация туралы шарт жасалмады, сондықтан медиация басталған жоқ (Заңның 20-бабының 5-тармағы).
{end}
{if case.termination_ground=offer_unanswered}
{case.offer_sent_on} ж. жіберілген медиацияға жүгіну туралы жазбаша ұсыныс он күнтізбелік күн немесе онда көрсетілген өзге мерзім ішінде қабылданбады және қабылданбаған болып саналады (Заңның 20-бабының 6-тармағы). Медиация туралы шарт жасалмады, медиация басталған жоқ (Заңның 20-бабының 5-тармағы).
{end}
{if case.termination_ground=refused_at_intake}
Дауды (жанжалды) медиация тәртібімен реттеуге болмайды (Заңның 1-бабы). Медиация туралы шарт жасалмады, медиация басталған жоқ.
{end}
{if case.termination_note}

Мән-жайлар:\
{case.termination_note}
{end}
{if case.notice_sent_on}

Хабар {case.notice_sent_on} ж. жіберілді.
{end}

Тараптар сотқа жүгінуге немесе дауды (жанжалды) заңда көзделген өзге тәсілмен реттеуге құқылы.

## Медиатордың қолы
{signatures mediator}
