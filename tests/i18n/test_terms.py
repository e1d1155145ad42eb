"""The law's terms, one per concept, in the Kazakh and Russian catalogues and
templates (Law "On Mediation" in its official kk and ru texts, with Law 84-VII
of 2021). For each concept: the English msgids that name it, the term each
translation of those must use, and the terms no translation or template may
use; then the wording the papers must have (full titles, signature headings,
representatives, choices as sentences, Kazakh date endings); and the decimal
comma. A string added later with a drifting term fails here."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.environ.get("srcdir", "."), "tests"))
from tap import Tap, paths  # noqa: E402
import catalogue  # noqa: E402

T = Tap()
P = paths()
SRC = os.environ.get("srcdir", ".")
# BITIM_TERMS_FORMS: check another forms folder (a branch's templates) by hand
FORMS = os.environ.get("BITIM_TERMS_FORMS") or P["forms"]
TEMPLATES = os.path.join(FORMS, "templates")
PAPERS = ("contract", "settlement", "termination", "addendum")  # what parties sign or receive


def concept(name, en, kk, ru, kk_not=(), ru_not=(), en_not=None, templates=True):
    """templates=False: the wrong terms are wrong in the catalogue's strings
    of this concept only (the word itself has other right uses on papers)."""
    return dict(name=name, en=re.compile(en, re.I), kk=re.compile(kk, re.I), ru=re.compile(ru, re.I),
                kk_not=[re.compile(x, re.I) for x in kk_not], ru_not=[re.compile(x, re.I) for x in ru_not],
                en_not=re.compile(en_not, re.I) if en_not else None, templates=templates)


CONCEPTS = [
    concept("subject of the dispute (Arts. 21, 27)", r"subject of the dispute",
            r"даудың \(жанжалдың\) нысанасы", r"предмет\w* (урегулированного )?спора \(конфликта\)",
            kk_not=[r"даудың мәні", r"дау мәні"], ru_not=[r"предмет\w* (урегулированного )?спора(?! \()"]),
    concept("offer of mediation (Art. 20), not the Art. 2(5-1) invitation", r"\boffer",
            r"ұсын", r"предлож", en_not=r"invitation",
            # «шақыру» is the Art. 2(5-1) invitation (and inviting experts, Art. 11), never the offer
            kk_not=[r"медиацияға шақыру", r"шақыру (жіберіл|қабылдан)", r"шақыруға жауап", r"шақыруда"]),
    concept("invitation to the procedure (Art. 2(5-1))", r"invitation to",
            r"медиация рәсіміне шақыру", r"приглашение к процедуре медиации"),
    concept("settlement agreement", r"settlement agreement|^settlement agreement$",
            r"дауды \(жанжалды\) (медиация тәртібімен )?реттеу туралы келісім",
            r"урегулировани\w* спора \(конфликта\)",
            kk_not=[r"дауды реттеу туралы келісім"], ru_not=[r"соглашени\w* об урегулировании спора(?! \()"]),
    concept("notice of termination (Art. 26 p.2)", r"notice of termination",
            r"медиация рәсімінің тоқтатылғаны туралы хабарлама",
            r"уведомлени\w* о прекращении процедуры медиации",
            kk_not=[r"тоқтату туралы акт"], ru_not=[r"акт о прекращении"]),
    concept("witness (Art. 8)", r"witness", r"куәгер", r"свидетел", kk_not=[r"\bкуә ретінде"]),
    concept("no legal, consultative or other help to a party (Art. 10 p.3)", r"legal advice",
            r"заңдық, консультациялық немесе өзге де көмек", r"юридическую, консультационную или иную помощь",
            kk_not=[r"заң кеңес"], ru_not=[r"юридическ\w* совет"]),
    concept("criminal prosecution body", r"prosecut(ing|ion) body",
            r"қылмыстық қудалау орган", r"орган\w* уголовного преследования",
            kk_not=[r"(?<!қылмыстық )қудалау орган"], ru_not=[r"орган\w* преследования"]),
    # the accused of a case at trial is «айыпталушы» (a role the papers may name); before
    # that, the person the Law and the Criminal Code speak of is the one who committed the offence
    concept("the person who committed the offence (not the accused at the pre-trial stage)", r"\bthe accused\b",
            r"қылмыстық құқық бұзушылық жасаған адам", r"лиц\w*, совершивш\w* уголовное правонарушение",
            kk_not=[r"айыпталушы"], ru_not=[r"обвиняем"], templates=False),
    concept("both texts have equal legal force", r"equal legal force",
            r"екі мәтіннің заңды күші бірдей", r"оба текста имеют одинаковую юридическую силу",
            ru_not=[r"одинаковую силу"]),
    concept("full name (organisation's name)", r"^full name$", r"^Т\. А\. Ә\. \(атауы\)$",
            r"^Ф\. И\. О\. \(наименование\)$", ru_not=[r"^полное имя$"]),
    concept("contract on mediation (Art. 21)", r"agreement on mediation|contract on mediation",
            r"медиация туралы (жазбаша )?шарт", r"договор\w* о медиации",
            kk_not=[r"медиация туралы келісім"], ru_not=[r"соглашени\w* о медиации"]),
    concept("public mediator (not «non-professional» since 2021)", r"public mediator",
            r"қоғамдық медиатор", r"общественн\w* медиатор",
            kk_not=[r"кәсіби емес", r"кәсіпқой емес"], ru_not=[r"непрофессиональн"]),
    concept("private session (caucus)", r"private session", r"жеке кездесу", r"раздельн\w* встреч"),
    concept("confidentiality (Art. 8)", r"confidentiality", r"құпиялылы", r"конфиденциальност"),
    concept("IIN", r"\bIIN\b", r"\bЖСН\b", r"\bИИН\b"),
    concept("BIN", r"\bBIN\b", r"\bБСН\b", r"\bБИН\b"),
    concept("print", r"^print$", r"^Басып шығару$", r"^Печать$", kk_not=[r"^баспа$"]),
    concept("the conflict arose again", r"conflict was renewed", r"жанжал қайта туындады",
            r"конфликт (возник вновь|возобновился)", kk_not=[r"дау-шар"]),
    # the expenses are borne (the parties bear them), never «the parties are borne»
    concept("expenses borne as the parties agree otherwise (Art. 22 p.4)", r"borne as the parties agree",
            r"тараптардың өзгеше келісімі бойынша", r"сторон",
            kk_not=[r"тараптар өзгеше келіскендей көтеріледі"]),
]


def entries(lang):
    """(msgid, [msgstr...]) of a language's catalogue."""
    return catalogue.entries(os.path.join(SRC, "locale", lang + ".po"))


def templates(lang):
    """{file name: text without comment lines} of a language's templates."""
    out = {}
    for name in sorted(os.listdir(TEMPLATES)):
        if name.endswith(".%s.tpl" % lang):
            with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
                out[name] = "\n".join("" if line.startswith("#!") else line for line in f.read().split("\n"))
    return out


@T.test
def catalogues_use_one_term_per_concept():
    wrong = []
    for lang in ("kk", "ru"):
        for mid, strs in entries(lang):
            for c in CONCEPTS:
                for s in strs:
                    s = " ".join(s.split())  # a term may run over a line break
                    if c["en"].search(mid) and not (c["en_not"] and c["en_not"].search(mid)) and not c[lang].search(s):
                        wrong.append("%s: %r must say %r (%s): %r" % (lang, mid, c[lang].pattern, c["name"], s))
                    named = c["en"].search(mid) and not (c["en_not"] and c["en_not"].search(mid))
                    for bad in c[lang + "_not"]:
                        # a word with other right uses is wrong only where this concept is meant
                        if bad.search(s) and (named or (c["templates"] and not (c["en_not"] and c["en_not"].search(mid)))):
                            wrong.append("%s: %r says %r, not the law's term (%s): %r" % (lang, mid, bad.pattern, c["name"], s))
    assert not wrong, "\n".join(wrong)


@T.test
def templates_never_use_the_wrong_terms():
    wrong = []
    for lang in ("kk", "ru"):
        for name, text in templates(lang).items():
            for c in CONCEPTS:
                for bad in c[lang + "_not"] if c["templates"] else ():
                    for n, line in enumerate(text.split("\n"), 1):
                        if bad.pattern.startswith("^"):
                            continue  # a whole-string rule is for the catalogue
                        if bad.search(line):
                            wrong.append("%s:%d: %r (%s)" % (name, n, bad.pattern, c["name"]))
    assert not wrong, "\n".join(wrong)


def choice_fields():
    """Names of the fields whose values are choice labels (not sentences)."""
    names = set()
    for form in os.listdir(FORMS):
        if form.endswith(".form"):
            for line in open(os.path.join(FORMS, form), encoding="utf-8"):
                m = re.match(r"field (\w+(?:\[\])?\.\w+)\s.*type=(choice|yesno)\b", line)
                if m:
                    names.add(m.group(1).replace("[]", ""))
    return names


@T.test
def papers_use_the_laws_wording():
    """Full titles, signature headings, representatives, choices as
    sentences, Kazakh date endings, the subject of the dispute."""
    wanted = {
        ("settlement", "kk"): [r"^# ДАУДЫ \(ЖАНЖАЛДЫ\) МЕДИАЦИЯ ТӘРТІБІМЕН РЕТТЕУ ТУРАЛЫ КЕЛІСІМ",
                               r"Тараптар мен медиатордың қолдары", r"даудың \(жанжалдың\) нысанасы",
                               r"тарапының өкілі.*өкілеттігінің негізі"],
        ("settlement", "ru"): [r"^# СОГЛАШЕНИЕ ОБ УРЕГУЛИРОВАНИИ СПОРА \(КОНФЛИКТА\) В ПОРЯДКЕ МЕДИАЦИИ",
                               r"Подписи сторон и медиатора", r"предмет спора \(конфликта\)",
                               r"представитель стороны .*, действует на основании"],
        ("termination", "kk"): [r"^# МЕДИАЦИЯ РӘСІМІНІҢ ТОҚТАТЫЛҒАНЫ ТУРАЛЫ ХАБАРЛАМА"],
        ("termination", "ru"): [r"^# УВЕДОМЛЕНИЕ О ПРЕКРАЩЕНИИ ПРОЦЕДУРЫ МЕДИАЦИИ"],
        ("contract", "kk"): [r"Тараптар мен медиатордың қолдары", r"даудың \(жанжалдың\) нысанасы",
                             r"тарапының өкілі.*өкілеттігінің негізі"],
        ("contract", "ru"): [r"Подписи сторон и медиатора", r"предмет спора \(конфликта\)",
                             r"представитель стороны .*, действует на основании"],
    }
    wrong = []
    for (kind, lang), patterns in wanted.items():
        text = templates(lang)["%s.%s.tpl" % (kind, lang)]
        for pat in patterns:
            if not re.search(pat, text, re.I | re.M):
                wrong.append("%s.%s.tpl lacks %r" % (kind, lang, pat))
    choices = choice_fields()
    for lang in ("kk", "ru"):
        for name, text in templates(lang).items():
            if name.split(".")[0] not in PAPERS:
                continue
            for n, line in enumerate(text.split("\n"), 1):
                # a choice reaches a paper as a sentence of the template, never as its label
                for field in re.findall(r"\{(\w+\.\w+)\??\}", line):
                    if field in choices:
                        wrong.append("%s:%d: prints the label of the choice {%s}; write its sentence form" % (name, n, field))
                if lang == "kk":
                    # a Kazakh date takes its ending: «15.12.2026 ж. дейін», «2026 жылғы 3 қарашадағы»
                    if re.search(r"\{[\w.]+_on\??\} дейін", line):
                        wrong.append("%s:%d: a date before «дейін» needs «ж.» or {FIELD:until}" % (name, n))
                # lower case after a colon inside a sentence
                for m in re.finditer(r"\w: ([А-ЯӘҒҚҢӨҰҮҺІA-Z][а-яәғқңөұүһі]+ )", line):
                    wrong.append("%s:%d: a capital after a colon inside a sentence: %r" % (name, n, m.group(0)))
    assert not wrong, "\n".join(wrong)


@T.test
def numbers_take_the_decimal_comma_in_kk_and_ru():
    tmp = tempfile.mkdtemp(prefix="bitim-terms-")
    db = os.path.join(tmp, "signed.db")
    env = dict(os.environ, LC_ALL="C.UTF-8", BITIM_TODAY="2026-04-21")
    subprocess.run([P["mkdb"], db, P["forms"], "--sample"], check=True, env=env, timeout=60)
    seen = {}
    for lang in ("kk", "ru", "en"):
        r = subprocess.run([P["bitim"], "--db", db, "--lang", lang, "report", "--from", "2026-01-01", "--to", "2026-12-31"],
                           capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        seen[lang] = re.findall(r"\b\d+[.,]\d\b", r.stdout)
        assert seen[lang], (lang, r.stdout)
    assert all("," in n for n in seen["kk"] + seen["ru"]), seen
    assert all("." in n for n in seen["en"]), seen


T.run()
