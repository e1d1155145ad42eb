#! Медиация рәсімінің тоқтатылғаны туралы хабарлама («Медиация туралы» Заң, 26-бап, № 84-VII Заңның редакциясында;
#! 10-баптың 1-тармағының 3) және 2-тармағының 5) тармақшалары; 23-баптың 4-тармағы; 24-баптың 6-тармағы). Пішімі: README.
# МЕДИАЦИЯ РӘСІМІНІҢ ТОҚТАТЫЛҒАНЫ ТУРАЛЫ ХАБАРЛАМА
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
{if case.regime=out_of_court}
Медиация тараптарына.
{end}

## Тараптар
{each party}
- {party.full_name}{if party.role=representative}, {party.represents} тарапының өкілі{end}
{end}

## Медиатор
{mediator}, {office.name}

## Медиация туралы шарт
Медиация туралы шарт {case.contract_on} ж. жасалған. Даудың (жанжалдың) нысанасы: {case.subject}

## Тоқтату негізі
{if case.termination_ground=no_settlement}
Медиация {case.terminated_on} ж. медиатор дауды (жанжалды) медиация арқылы шешу мүмкіндігін жоққа шығаратын мән-жайларды анықтауына байланысты тоқтатылды (Заңның 26-бабы 1-тармағының 2) тармақшасы).
{end}
{if case.termination_ground=parties_refused}
Медиация {case.terminated_on} ж., тараптың (тараптардың) медиациядан жазбаша бас тартуына қол қойылған күннен бастап тоқтатылды (Заңның 26-бабы 1-тармағының 3) тармақшасы).
{end}
{if case.termination_ground=party_refused}
Медиация {case.terminated_on} ж., тараптардың бірінің медиацияны жалғастырудан жазбаша бас тартуы туралы хабарланған сәттен бастап тоқтатылды (Заңның 26-бабы 1-тармағының 4) тармақшасы).
{end}
{if case.termination_ground=term_expired}
Медиация {case.terminated_on} ж. оны жүргізу мерзімінің өтуіне байланысты тоқтатылды (Заңның 26-бабы 1-тармағының 5) тармақшасы, 23 және 24-баптары).
{end}
{if case.termination_ground=mediator_withdrew}
Медиация {case.terminated_on} ж. тоқтатылды: медиатор одан әрі күш салу тараптар арасындағы дауды (жанжалды) шешуге әкелмейді деп медиацияны жүргізуден бас тартты (Заңның 10-бабы 1-тармағының 3) тармақшасы).
{end}
{if case.termination_ground=ended_by_consent}
Медиацияны {case.terminated_on} ж. медиатор тараптардың жазбаша нысанда бекітілген келісімімен тоқтатты (Заңның 10-бабы 1-тармағының 3) тармақшасы).
{end}
{if case.termination_ground=conflict_of_interest}
Медиацияны {case.terminated_on} ж. медиатор өзінің жеке мүдделері мен міндеттері арасындағы оның бейтараптығы мен тәуелсіздігіне әсер етуі мүмкін қайшылыққа байланысты тоқтатты (Заңның 10-бабы 2-тармағының 5) тармақшасы).
{end}
{if case.termination_note}

Мән-жайлар:\
{case.termination_note}
{end}
{if case.notice_requested=yes}

Хабарлама тараптың талап етуі бойынша берілді (Заңның 26-бабының 2-тармағы).
{end}
{if case.notice_sent_on}

Хабарлама {case.notice_sent_on} ж. жіберілді (Заңның 23-бабының 4-тармағы, 24-бабының 6-тармағы).
{end}

Медиацияның тоқтатылуы тараптарды сотқа жүгіну немесе дауды (жанжалды) өзге тәсілмен реттеу құқығынан айырмайды. Медиация барысында белгілі болған мәліметтер құпия болып қалады (Заңның 8-бабы).

## Медиатордың қолы
{signatures mediator}
