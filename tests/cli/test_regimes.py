"""Papers per regime: for each regime bitim accepts (civil out of court, civil
in court, family with a child, labour, criminal, administrative offence,
enforcement; and a termination and a mediation that never started) a case is
taken through the procedure (mkdb --regimes, by the core's API) and its papers
are printed in kk, ru and en; each required item is checked by name. Also: kk
and ru templates are parallel clause by clause, the reports count what followed
the signature, and the demo covers every regime with papers that print."""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402

T = Tap()
P = paths()
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", BITIM_TODAY="2026-03-21")
TMP = tempfile.mkdtemp(prefix="bitim-regimes-")
DB = os.path.join(TMP, "regimes.db")
DRAFT = os.path.join(TMP, "draft.db")   # the settlements typed, not signed: they print in any language
subprocess.run([P["mkdb"], DB, P["forms"], "--regimes"], check=True, env=ENV, timeout=120)
subprocess.run([P["mkdb"], DRAFT, P["forms"], "--regimes-draft"], check=True, env=ENV, timeout=120)


def bitim(*args, db=DB):
    return subprocess.run([P["bitim"], "--db", db, *args], capture_output=True, text=True, env=ENV, timeout=60)


def paper(case, doc, lang, db=None):
    """The paper as one line of words: footers out, wrapping undone. A
    settlement comes from the draft database, the rest from the finished one."""
    db = db or (DRAFT if doc == "settlement" else DB)
    r = bitim("print", "KRG-2026-%04d" % case, "--doc", doc, "--lang", lang, db=db)
    assert r.returncode == 0, (case, doc, lang, r.stderr)
    text = "\n".join(line for line in r.stdout.split("\n") if not line.startswith("-- bitim ·"))
    return re.sub(r"\s+", " ", text)


def require(case, doc, items):
    """items: {item name: {lang: text that must be on the paper}}; a list of
    texts means all of them. Every missing item is named."""
    missing = []
    for lang in ("kk", "ru", "en"):
        text = paper(case, doc, lang)
        for name, by_lang in items.items():
            wants = by_lang[lang] if isinstance(by_lang[lang], list) else [by_lang[lang]]
            missing += ["%s %s (%s): %r" % (doc, name, lang, w) for w in wants if w not in text]
    assert not missing, "case %d lacks:\n  " % case + "\n  ".join(missing)


def absent(case, doc, items):
    for lang in ("kk", "ru", "en"):
        text = paper(case, doc, lang)
        for name, by_lang in items.items():
            assert by_lang[lang] not in text, (case, doc, name, lang)


# The fourteen essential terms of Art. 21 p.2, each a clause of the agreement on mediation.
CONTRACT_TERMS = {
    "date and place (p.2(1))": {"kk": "Көктал, 12.02.2026", "ru": "Көктал, 12.02.2026", "en": "Көктал, 12.02.2026"},
    "parties and representatives (p.2(2))": {"kk": "1. Тараптар және олардың деректемелері", "ru": "1. Стороны и их реквизиты",
                                             "en": "1. The parties and their details"},
    "subject (p.2(3))": {"kk": "2. Даудың (жанжалдың) нысанасы", "ru": "2. Предмет спора (конфликта)",
                         "en": "2. Subject of the dispute (conflict)"},
    "mediator (p.2(4))": {"kk": "3. Медиатор", "ru": "3. Медиатор", "en": "3. The mediator"},
    "costs (p.2(5))": {"kk": "4. Шығыстар және медиатордың сыйақысы", "ru": "4. Расходы и вознаграждение медиатора",
                       "en": "4. Costs and the mediator's fee"},
    "language (p.2(6))": {"kk": "5. Медиацияның тілі", "ru": "5. Язык медиации", "en": "5. Language of mediation"},
    "confidentiality and its breach (p.2(7))": {
        "kk": ["6. Құпиялылық", "Қазақстан Республикасының заңдарында белгіленген жауаптылыққа әкеп соғады"],
        "ru": ["6. Конфиденциальность", "влечёт ответственность, установленную законами Республики Казахстан"],
        "en": ["6. Confidentiality", "Disclosure carries the liability set by the laws"]},
    "mediator's liability (p.2(8))": {"kk": "7. Медиатордың жауаптылығы", "ru": "7. Ответственность медиатора",
                                      "en": "7. The mediator's liability"},
    "term (p.2(10))": {"kk": "8. Медиацияның мерзімі", "ru": "8. Срок медиации", "en": "8. Term of mediation"},
    "procedure (p.2(11))": {"kk": "9. Медиацияны жүргізу тәртібі", "ru": "9. Порядок проведения медиации",
                            "en": "9. Procedure of mediation"},
    "rights and duties (p.2(12))": {"kk": "10. Медиацияға қатысушылардың құқықтары мен міндеттері",
                                    "ru": "10. Права и обязанности участников медиации",
                                    "en": "10. Rights and duties of the participants"},
    "termination (p.2(13))": {"kk": "11. Медиацияны тоқтату тәртібі мен негіздері",
                              "ru": "11. Порядок и основания прекращения медиации",
                              "en": "11. Procedure and grounds of termination"},
    "other terms (p.2(14))": {"kk": "12. Өзге талаптар", "ru": "12. Иные условия", "en": "12. Other terms"},
    "signatures": {"kk": "Тараптар мен медиатордың қолдары", "ru": "Подписи сторон и медиатора",
                   "en": "Signatures of the parties and the mediator"},
}

# Art. 27 p.2, p.3, p.9: in every settlement.
SETTLEMENT_COMMON = {
    "title": {"kk": "ДАУДЫ (ЖАНЖАЛДЫ) МЕДИАЦИЯ ТӘРТІБІМЕН РЕТТЕУ ТУРАЛЫ КЕЛІСІМ",
              "ru": "СОГЛАШЕНИЕ ОБ УРЕГУЛИРОВАНИИ СПОРА (КОНФЛИКТА) В ПОРЯДКЕ МЕДИАЦИИ",
              "en": "AGREEMENT ON THE SETTLEMENT OF THE DISPUTE (CONFLICT) BY MEDIATION"},
    "date of the agreement on mediation": {"kk": "Медиация туралы шарт 12.02.2026 ж. жасалған",
                                           "ru": "Договор о медиации заключён 12.02.2026",
                                           "en": "The agreement on mediation was concluded on 12.02.2026"},
    "manner of performance": {"kk": "Орындау тәсілі:", "ru": "Способ исполнения:", "en": "Manner of performance:"},
    "non-performance or improper performance": {"kk": "Орындамаудың немесе тиісінше орындамаудың салдары:",
                                                "ru": "Последствия неисполнения или ненадлежащего исполнения:",
                                                "en": "Consequences of non-performance or improper performance:"},
    "default enforcement clause (Art. 27 p.9)": {"kk": "(27-баптың 9-тармағы)", "ru": "(п. 9 ст. 27)", "en": "(Art. 27 p.9)"},
    "signed by the parties and the mediator": {"kk": "Тараптар мен медиатордың қолдары", "ru": "Подписи сторон и медиатора",
                                               "en": "Signatures of the parties and the mediator"},
}

COURT_REQUEST = {"kk": "Соттан өтініш", "ru": "Просьба к суду", "en": "Request to the court"}


@T.test
def civil_out_of_court():
    require(1, "contract", CONTRACT_TERMS)
    require(1, "contract", {
        "term of 30 + 30 days": {"kk": "күнтізбелік отыз күннен кешіктірілмей", "ru": "не позднее тридцати календарных дней",
                                 "en": "must end within thirty calendar days"},
        "public mediator's register entry": {"kk": "қоғамдық медиаторлар тізіліміндегі жазба:",
                                             "ru": "запись в реестре общественных медиаторов:",
                                             "en": "entry in the register of public mediators:"},
        "gratuitous work of a public mediator (Art. 22 p.6)": {
            "kk": "Қоғамдық медиатордың қызметі өтеусіз негізде жүргізіледі",
            "ru": "Деятельность общественного медиатора проводится на безвозмездной основе",
            "en": "A public mediator works gratuitously"},
        "parties' addresses and phones": {"kk": "мекенжайы: Көктал, Абай көшесі, 15; телефоны: +7 701 234 56 78",
                                          "ru": "адрес: Көктал, Абай көшесі, 15; телефон: +7 701 234 56 78",
                                          "en": "address: Көктал, Абай көшесі, 15; phone: +7 701 234 56 78"},
    })
    require(1, "settlement", SETTLEMENT_COMMON)
    require(1, "settlement", {
        "court-order clause (Civil Procedure Code Art. 135(3))": {
            "kk": ["сот бұйрығын шығару туралы", "135-бабының 3) тармақшасы"],
            "ru": ["о вынесении судебного приказа", "пп. 3) ст. 135 ГПК"],
            "en": ["a court order", "Art. 135 sub-item 3"]},
        "property registration data (Art. 27 p.7-1)": {
            "kk": ["кадастрлық нөмір 03-047-012-345", "(27-баптың 7-1-тармағы)"],
            "ru": ["кадастрлық нөмір 03-047-012-345", "(п. 7-1 ст. 27)"],
            "en": ["кадастрлық нөмір 03-047-012-345", "(Art. 27 p.7-1)"]},
    })
    absent(1, "settlement", {"request to the court": COURT_REQUEST})
    # a paper never prints a choice label as a sentence
    for lang in ("kk", "ru", "en"):
        text = paper(1, "contract", lang)
        assert "Расходы:" not in text and "Язык медиации:" not in text and "Free of charge" not in text, text


@T.test
def civil_case_in_court():
    require(2, "contract", CONTRACT_TERMS)
    require(2, "contract", {
        "court and case number": {"kk": "Панфиловский районный суд, № 2-518/2026 іс",
                                  "ru": "Панфиловский районный суд, дело № 2-518/2026",
                                  "en": "Панфиловский районный суд, case No. 2-518/2026"},
        "ground for the stay (Art. 23 p.3; ГПК 179 part 5)": {"kk": "АПК 179-бабының 5-бөлігі", "ru": "ч. 5 ст. 179 ГПК",
                                                              "en": "Civil Procedure Code Art. 179 part 5"},
        "extension by joint written notice to the court": {"kk": "сотқа бірлескен жазбаша хабарлама жібереді",
                                                           "ru": "направляют суду совместное письменное уведомление",
                                                           "en": "joint written notice to the court"},
    })
    require(2, "settlement", SETTLEMENT_COMMON)
    require(2, "settlement", {
        "request to approve and end the proceedings": {
            "kk": "осы келісімді бекітуді және № 2-518/2026 іс бойынша іс жүргізуді тоқтатуды сұрайды",
            "ru": "просят суд утвердить настоящее соглашение и прекратить производство по делу № 2-518/2026",
            "en": "ask the court to approve this agreement and to end the proceedings in case No. 2-518/2026"},
        "state duty refund": {"kk": "мемлекеттік баж бюджеттен қайтарылуға тиіс",
                              "ru": "государственная пошлина подлежит возврату", "en": "state duty paid by the claimant is refunded"},
        "court costs mutually extinguished": {"kk": "сот шығыстарын өзара өтелген деп санайды (АПК 176-бабының 4-бөлігі)",
                                              "ru": "взаимно погашенными (ч. 4 ст. 176 ГПК)",
                                              "en": "mutually extinguished (Civil Procedure Code Art. 176 part 4)"},
        # ГПК Arts. 177 part 5(4), 178, 180 part 4 in their own words: the kk Code says
        # «талап қоюшы» and «татуласу келісімі», and a Code's article has parts.
        "state duty refunded to the claimant (ГПК 177 part 5(4))": {
            "kk": ["Талап қоюшы төлеген мемлекеттік баж", "АПК 177-бабы 5-бөлігінің 4) тармақшасы"],
            "ru": ["Уплаченная истцом государственная пошлина", "пп. 4) ч. 5 ст. 177 ГПК"],
            "en": ["The state duty paid by the claimant", "Civil Procedure Code Art. 177 part 5(4)"]},
        "performed as an amicable settlement (ГПК 178, 180 part 4)": {
            "kk": ["татуласу келісімін орындау қағидалары бойынша", "АПК 178-бабы, 180-бабының 4-бөлігі"],
            "ru": ["по правилам исполнения мирового соглашения", "ст. 178, ч. 4 ст. 180 ГПК"],
            "en": ["performed as an amicable settlement", "Civil Procedure Code Art. 178; Art. 180 part 4"]},
        "no suspensive condition": {"kk": "кейінге қалдыру шарттары жоқ (АПК 176-бабының 3-бөлігі)",
                                    "ru": "не содержит отлагательных условий (ч. 3 ст. 176 ГПК)",
                                    "en": "contains no suspensive condition (Civil Procedure Code Art. 176 part 3)"},
        "copies = signatories + 1": {"kk": "4 данада", "ru": "Составлено в 4 экземплярах", "en": "Made in 4 copies"},
        "representative and the basis of authority": {
            "kk": "Мария Иванова, ЖСН 061211600012, Айгуль Нурланова тарапының өкілі, өкілеттігінің негізі: доверенность № 12",
            "ru": "Мария Иванова, ИИН 061211600012, представитель стороны Айгуль Нурланова, действует на основании: доверенность № 12",
            "en": "Мария Иванова, IIN 061211600012, representative of the party Айгуль Нурланова, acting under: доверенность № 12"},
    })
    # the ruling followed: approved, closed
    con = sqlite3.connect(DB)
    stage = con.execute("SELECT stage FROM cases WHERE number = 'KRG-2026-0002'").fetchone()[0]
    con.close()
    assert stage == "closed", stage
    require(2, "card", {"the court's ruling": {"kk": "Соттың ұйғарымы:", "ru": "Определение суда:", "en": "The court's ruling:"}})


@T.test
def family_with_a_child():
    require(3, "contract", CONTRACT_TERMS)
    require(3, "settlement", SETTLEMENT_COMMON)
    require(3, "settlement", {
        "alimony section (Marriage Code Art. 158)": {
            "kk": ["Алимент", "ай сайын 40 000 теңге", "158-бабы"], "ru": ["Алименты", "ст. 158 Кодекса о браке"],
            "en": ["Alimony", "Marriage and Family Code Art. 158"]},
        "report to the child-protection body (Art. 25 p.3)": {
            "kk": "Панфилов ауданының білім бөлімі, 04.02.2026 (25-баптың 3-тармағы)",
            "ru": "Панфилов ауданының білім бөлімі, 04.02.2026 (п. 3 ст. 25)",
            "en": "Панфилов ауданының білім бөлімі, 04.02.2026 (Art. 25 p.3)"},
    })


@T.test
def labour():
    require(4, "contract", CONTRACT_TERMS)
    require(4, "contract", {
        "organisation of mediators and certificate": {
            "kk": "кәсіпқой медиатор; медиаторлар ұйымы: ОЮЛ «Палата медиаторов»; сертификаты: № 0456 от 10.02.2025",
            "ru": "профессиональный медиатор; организация медиаторов: ОЮЛ «Палата медиаторов»; сертификат: № 0456 от 10.02.2025",
            "en": "professional mediator; organisation of mediators: ОЮЛ «Палата медиаторов»; certificate: № 0456 от 10.02.2025"},
        "fee as an amount": {"kk": "Медиатордың сыйақысы: 30 000 тенге", "ru": "Вознаграждение медиатора: 30 000 тенге",
                             "en": "The mediator's fee: 30 000 тенге"},
        "costs borne in equal shares": {"kk": "тең үлестерде көтереді", "ru": "стороны несут в равных долях",
                                        "en": "in equal shares"},
        "organisation's representative with position": {
            "kk": "Ержан Оспанов, ТОО «Жетісу Агро» тарапының өкілі, директор, өкілеттігінің негізі: устав",
            "ru": "Ержан Оспанов, представитель стороны ТОО «Жетісу Агро», директор, действует на основании: устав",
            "en": "Ержан Оспанов, representative of the party ТОО «Жетісу Агро», директор, acting under: устав"},
        "digital copies exchanged by e-mail (Art. 21 p.1)": {"kk": "(21-баптың 1-тармағы)", "ru": "(п. 1 ст. 21)",
                                                            "en": "(Art. 21 p.1)"},
    })
    require(4, "settlement", SETTLEMENT_COMMON)
    require(4, "settlement", {
        "data of the mediator (Art. 27 p.2)": {
            "kk": "Бақыт Омарова, кәсіпқой медиатор; медиаторлар ұйымы: ОЮЛ «Палата медиаторов»; сертификаты: № 0456 от 10.02.2025. Медиация туралы шарт",
            "ru": "Бақыт Омарова, профессиональный медиатор; организация медиаторов: ОЮЛ «Палата медиаторов»; сертификат: № 0456 от 10.02.2025. Договор о медиации",
            "en": "Бақыт Омарова, professional mediator; organisation of mediators: ОЮЛ «Палата медиаторов»; certificate: № 0456 от 10.02.2025. The agreement on mediation"},
        "signed with EDS (Art. 18 p.3)": {"kk": "электрондық цифрлық қолтаңбалармен", "ru": "электронными цифровыми подписями",
                                          "en": "electronic digital signatures"},
        "organisation with its BIN": {"kk": "ТОО «Жетісу Агро», БСН 940140000385", "ru": "ТОО «Жетісу Агро», БИН 940140000385",
                                      "en": "ТОО «Жетісу Агро», BIN 940140000385"},
    })


@T.test
def criminal():
    require(5, "contract", CONTRACT_TERMS)
    require(5, "contract", {
        "body and case number": {"kk": "№ 261500031000412 қылмыстық іс", "ru": "Уголовное дело № 261500031000412",
                                 "en": "Criminal case No. 261500031000412"},
        "the case's own term (Art. 24 p.4)": {"kk": "30.03.2026 ж. кешіктірілмей жүргізіледі (24-баптың 4-тармағы)",
                                              "ru": "не позднее 30.03.2026 (п. 4 ст. 24)", "en": "no later than 30.03.2026 (Art. 24 p.4)"},
    })
    absent(5, "contract", {"30-day term": {"kk": "күнтізбелік отыз күннен кешіктірілмей",
                                           "ru": "не позднее тридцати календарных дней", "en": "within thirty calendar days"}})
    require(5, "settlement", SETTLEMENT_COMMON)
    require(5, "settlement", {
        "roles of suspect and victim": {"kk": ["Виктор Шевченко, ЖСН 990123319252, күдікті", "Ольга Пак, ЖСН 830730431464, жәбірленуші"],
                                        "ru": ["Виктор Шевченко, ИИН 990123319252, подозреваемый", "Ольга Пак, ИИН 830730431464, потерпевший"],
                                        "en": ["Виктор Шевченко, IIN 990123319252, suspect", "Ольга Пак, IIN 830730431464, victim"]},
        "reparation of harm and reconciliation (Art. 27 p.6)": {
            "kk": ["Зиянның орнын толтыру және татуласу", "80 000 тенге наличными", "татуласады"],
            "ru": ["Заглаживание вреда и примирение", "80 000 тенге наличными", "примиряются"],
            "en": ["Reparation of harm and reconciliation", "80 000 тенге наличными", "reconcile"]},
        "body conducting the case": {"kk": "Следователь ОП Панфиловского района", "ru": "Следователь ОП Панфиловского района",
                                     "en": "Следователь ОП Панфиловского района"},
    })


@T.test
def administrative_offence():
    require(6, "contract", CONTRACT_TERMS)
    require(6, "settlement", SETTLEMENT_COMMON)
    require(6, "settlement", {
        "written reconciliation (КоАП 64 part 2)": {"kk": ["Татуласу", "ӘҚБтК 64-бабының 2-бөлігі"],
                                                    "ru": ["письменным соглашением о примирении", "ч. 2 ст. 64 КоАП"],
                                                    "en": ["written reconciliation", "Administrative Offences Code Art. 64 part 2"]},
        "sent at once to the body conducting the case (Art. 24 p.6)": {
            "kk": "әкімшілік құқық бұзушылық туралы істі жүргізетін органға дереу жібереді (Заңның 24-бабының 6-тармағы)",
            "ru": "незамедлительно направляют настоящее соглашение органу, ведущему дело об административном правонарушении (п. 6 ст. 24 Закона)",
            "en": "send this agreement at once to the body conducting the administrative-offence case (Law, Art. 24 p.6)"},
        "roles": {"kk": "әкімшілік жауапкершілікке тартылатын адам", "ru": "лицо, привлекаемое к административной ответственности",
                  "en": "person brought to administrative liability"},
    })


@T.test
def enforcement():
    require(7, "contract", CONTRACT_TERMS)
    require(7, "contract", {"enforcement suspended up to 30 days (Art. 25-1 p.1)": {
        "kk": "№ ИП-2026-00731 атқарушылық іс жүргізу", "ru": "Исполнительное производство № ИП-2026-00731",
        "en": "Enforcement proceedings No. ИП-2026-00731"}})
    require(7, "settlement", SETTLEMENT_COMMON)
    require(7, "settlement", {
        "submitted for the court's approval (Art. 25-1 p.2)": {
            "kk": "бекітуге ұсынады: Панфиловский районный суд", "ru": "на утверждение: Панфиловский районный суд",
            "en": "for approval to: Панфиловский районный суд"},
        "approval at the enforcement stage (ГПК 179 part 8)": {"kk": "АПК 179-бабының 8-бөлігі", "ru": "ч. 8 ст. 179 ГПК",
                                                               "en": "Civil Procedure Code Art. 179 part 8"},
        "enforcement ends (Art. 25-1 p.3)": {"kk": "атқарушылық іс жүргізу тоқтатылады",
                                             "ru": "исполнительное производство прекращается",
                                             "en": "the enforcement proceedings end"},
    })


@T.test
def termination_notice_names_sub_item_contract_date_and_addressee():
    require(8, "termination", {
        "title (Art. 26 p.2)": {"kk": "МЕДИАЦИЯ РӘСІМІНІҢ ТОҚТАТЫЛҒАНЫ ТУРАЛЫ ХАБАРЛАМА",
                                "ru": "УВЕДОМЛЕНИЕ О ПРЕКРАЩЕНИИ ПРОЦЕДУРЫ МЕДИАЦИИ",
                                "en": "NOTICE OF TERMINATION OF THE MEDIATION PROCEDURE"},
        "addressee: the court": {"kk": "Сотқа: Талдықорған қалалық соты, № 2-1044/2026 іс",
                                 "ru": "Суду: Талдықорған қалалық соты, дело № 2-1044/2026",
                                 "en": "To the court: Талдықорған қалалық соты, case No. 2-1044/2026"},
        "sub-item of Art. 26 p.1": {"kk": "26-бабы 1-тармағының 2) тармақшасы", "ru": "пп. 2) п. 1 ст. 26",
                                    "en": "Art. 26 p.1(2)"},
        "date of the agreement on mediation": {"kk": "Медиация туралы шарт 12.02.2026 ж. жасалған",
                                               "ru": "Договор о медиации заключён 12.02.2026",
                                               "en": "concluded on 12.02.2026"},
        "sent on": {"kk": "Хабарлама 01.03.2026 ж. жіберілді", "ru": "Уведомление направлено 01.03.2026",
                    "en": "This notice was sent on 01.03.2026"},
    })
    r = bitim("print", "KRG-2026-0008", "--doc", "notstarted", "--lang", "en")
    assert r.returncode == 1 and "print the notice of termination" in r.stderr, r


@T.test
def mediation_not_started_has_its_own_letter():
    require(9, "notstarted", {
        "title": {"kk": "ХАБАР: МЕДИАЦИЯ БАСТАЛМАДЫ", "ru": "СООБЩЕНИЕ: МЕДИАЦИЯ НЕ НАЧАТА", "en": "LETTER: MEDIATION NOT STARTED"},
        "the unanswered written offer (Art. 20 p.6)": {
            "kk": ["18.02.2026 ж. жіберілген", "20-бабының 6-тармағы"], "ru": ["направленное 18.02.2026", "п. 6 ст. 20"],
            "en": ["sent on 18.02.2026", "Art. 20 p.6"]},
    })
    absent(9, "notstarted", {"termination": {"kk": "ТОҚТАТЫЛҒАНЫ", "ru": "ПРЕКРАЩЕНИИ", "en": "TERMINATION"}})
    r = bitim("print", "KRG-2026-0009", "--doc", "termination", "--lang", "en")
    assert r.returncode == 1 and "Mediation did not start" in r.stderr, r


@T.test
def reports_count_what_followed_the_signature():
    r = bitim("report")
    assert r.returncode == 0, r.stderr
    assert "Court rulings on settlement agreements: 2 approved, 0 refused (approval rate 100%)" in r.stdout, r.stdout
    assert "ended by reconciliation: 1" in r.stdout, r.stdout
    assert "Harm repaired to victims: 100,000 tenge" in r.stdout, r.stdout
    assert "Money agreed in settlement agreements: 1,050,000 tenge" in r.stdout, r.stdout
    assert "Not started: the written offer was not answered in time" in r.stdout, r.stdout
    r = bitim("report", "--format", "csv")
    assert "Summary,court_approval_rate,court_approval_rate,1.000," in r.stdout, r.stdout


@T.test
def a_code_article_is_cited_by_its_part():
    """The Law "On Mediation" divides its articles into paragraphs (п., тармақ,
    p.); the Civil Procedure, Criminal and Administrative Offences Codes into
    parts (ч., бөлік, part): ГПК Art. 176 part 4 says «часть четвертая». The
    Marriage and Family Code's Art. 158 (Law 84-VII) has sub-items only. The
    papers and the forms' law references cite them so."""
    wrong = {
        "en": re.compile(r"(?:Procedure|Criminal|Offences) Code Art\. \d+ pp?\.|; Art\. 180 p\.|Art\. 158 p\."),
        "ru": re.compile(r"\b[Пп]п?\. [\d-]+ ст\. \d+ (?:ГПК|УК|КоАП)|п\. \d+ ст\. 158"),
        "kk": re.compile(r"(?:АПК|ҚК|ӘҚБтК) \d+-бабы(?:ның)? [\d-]+-тарма[қғ]|158-бабының \d+-тармағы"),
    }
    found = []
    forms = P["forms"]
    texts = [(os.path.join(forms, n), "en") for n in sorted(os.listdir(forms)) if n.endswith((".form", ".def"))]
    tdir = os.path.join(forms, "templates")
    texts += [(os.path.join(tdir, n), n.split(".")[-2]) for n in sorted(os.listdir(tdir)) if n.endswith(".tpl")]
    for path, lang in texts:
        for i, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.startswith("#") and wrong[lang].search(line):
                found.append("%s:%d: %s" % (os.path.basename(path), i, wrong[lang].search(line).group(0)))
    assert not found, "\n".join(found)


def skeleton(path):
    """A template's structure: headings, blocks and their conditions, list
    items and paragraphs, in order; the text itself left out."""
    out = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#!"):
            continue
        if line.startswith("## "):
            out.append("##")
        elif line.startswith("# "):
            out.append("#")
        elif re.match(r"\{(if |each |end\}|signatures|page\})", line):
            out.append(line)
        elif line.startswith("- "):
            out.append("- " + " ".join(re.findall(r"\{(?:if|end)[^}]*\}", line)))
        elif line:
            out.append("p " + " ".join(re.findall(r"\{(?:if|end)[^}]*\}", line)))
        else:
            out.append("")
    return out


@T.test
def kazakh_and_russian_templates_are_parallel_clause_by_clause():
    folder = os.path.join(P["forms"], "templates")
    for kind in ("contract", "settlement", "termination", "notstarted", "card", "minutes", "addendum"):
        kk = skeleton(os.path.join(folder, kind + ".kk.tpl"))
        ru = skeleton(os.path.join(folder, kind + ".ru.tpl"))
        assert kk == ru, (kind, [(i, a, b) for i, (a, b) in enumerate(zip(kk, ru)) if a != b][:3])


FEMALE = {"Жанар", "Ольга", "Aigerim", "Гүлнар", "Динара", "Әсел", "Елена", "Мария", "Айгуль", "Людмила", "Гульмира",
          "Сәуле", "Айжан"}


@T.test
def demo_covers_every_regime_with_papers_that_print():
    db = os.path.join(TMP, "demo.db")
    r = subprocess.run([P["bitim"], "demo", "--db", db], capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    cases = con.execute("SELECT number, regime, stage, outcome, termination_ground, category, contract_on, signed_on"
                        " FROM cases ORDER BY id").fetchall()
    people = con.execute("SELECT full_name, iin FROM parties WHERE iin IS NOT NULL").fetchall()
    lessons = con.execute("SELECT count(*) FROM field_values WHERE key = 'description'").fetchone()[0]
    con.close()
    regimes = {c[1] for c in cases}
    assert {"out_of_court", "civil_court", "criminal", "administrative", "enforcement"} <= regimes, regimes
    assert any(c[1] == "civil_court" and c[7] for c in cases), "a signed civil case in court"
    assert any(c[1] == "criminal" and c[7] for c in cases), "a signed criminal case"
    assert any(c[3] == "terminated" and c[4] not in ("offer_rejected", "offer_unanswered", "refused_at_intake") for c in cases)
    assert any(c[4] == "offer_rejected" for c in cases), "mediation not started"
    assert any(c[5] == "family" and c[7] for c in cases) and any(c[5] == "labour" for c in cases)
    assert lessons == len(cases), "each case says what it teaches"
    # IINs agree with the person's sex and birth date (the 7th digit)
    for name, iin in people:
        female = name.split()[0] in FEMALE
        year = int(iin[:2])
        century = 5 if iin[6] in "56" else 3 if iin[6] in "34" else 1
        assert (int(iin[6]) % 2 == 0) == female, (name, iin)
        assert (century == 5) == (year < 26), (name, iin)
    # every paper the demo's cases have reached prints, with nothing missing
    for number, regime, stage, outcome, ground, _cat, contract_on, signed_on in cases:
        docs = ["card"]
        if contract_on:
            docs.append("contract")
        if signed_on:
            docs.append("settlement")
        if outcome == "terminated":
            docs.append("notstarted" if ground in ("offer_rejected", "offer_unanswered", "refused_at_intake") else "termination")
        for doc in docs:
            for lang in ("kk", "ru", "en"):
                r = bitim("print", number, "--doc", doc, "--lang", lang, db=db)
                assert r.returncode == 0, (number, doc, lang, r.stderr)
    # the termination page explains itself to trainees like the other stages
    procedure = open(os.path.join(P["forms"], "procedure.def"), encoding="utf-8").read()
    terminated = procedure.split("stage terminated", 1)[1].split("\n\n", 1)[0]
    assert "trainee=" in terminated, terminated


T.run()
