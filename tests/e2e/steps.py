"""Keystrokes a mediator types on each stage page of the shipped forms."""


def skip_welcome(t, code="KRG", office=None, mediator=None):
    """First run: the greeting, then the settings; set the office code (and
    the office and mediator when given) and go to the list."""
    t.wait_for("Welcome to bitim")
    t.keys("Enter")
    t.wait_for("Office code")
    t.keys("BSpace", "BSpace", "BSpace")
    t.type(code)
    t.keys("Tab")
    if office:
        t.type(office)
    t.keys("Tab", "Tab", "Tab", "Tab")
    if mediator:
        t.type(mediator)
    t.keys("Tab", "F10")
    t.wait_for("No cases yet")


def case_with_party(t, name):
    """From the case list: a new case whose first party has only a name."""
    t.keys("F4")
    t.wait_for("· Intake")
    for _ in range(11):
        t.keys("Tab")
    t.wait_for("+ Add: Party")
    t.keys("Enter")
    t.wait_for("Party 1")
    t.keys("Tab", "Tab")
    t.type(name)
    t.keys("Tab")


def next_field(t, text=None):
    if text is not None:
        t.type(text)
    t.keys("Tab")


def complete_stage(t, next_title):
    """F2, confirm, and wait until the case has moved (not just the question)."""
    t.keys("F2")
    t.wait_for("Complete the stage")
    t.keys("Enter")
    t.wait_for("The case is now at: " + next_title)


def intake_until_first_iin(t):
    """The request, the exclusions, and party 1 up to its IIN field."""
    next_field(t, "02.03.2026")
    next_field(t, "5")            # referred by: akimat
    next_field(t, "2")            # neighbours
    next_field(t, "1")            # out of court
    next_field(t, "Көктал")
    next_field(t, "Шекара мен суару суы")
    next_field(t, "Көршілер дуалды жылжытты.")
    for _ in range(4):            # the exclusions of Art. 1: no
        next_field(t, "2")
    t.wait_for("+ Add: Party")
    t.keys("Enter")               # party 1
    t.wait_for("Party 1")
    next_field(t, "1")
    next_field(t, "1")
    next_field(t, "Қайрат Сейітов")


def intake_after_first_iin(t):
    """Party 1 after its IIN, and party 2 (addresses and phones: Art. 21 p.2(9))."""
    next_field(t, "1")            # takes part as: party
    next_field(t)                 # minor
    next_field(t, "Көктал, Абай көшесі, 15")
    next_field(t, "87012345678")
    t.keys("Enter")               # + Add: Party
    t.wait_for("Party 2")
    next_field(t, "2")
    next_field(t, "1")
    next_field(t, "Мария Иванова")
    next_field(t, "061211600012")
    next_field(t, "1")
    next_field(t)                 # minor
    next_field(t, "Көктал, Абай көшесі, 17")
    next_field(t, "87012345679")


def fill_intake(t):
    intake_until_first_iin(t)
    next_field(t, "791028302728")
    intake_after_first_iin(t)


def fill_consent(t):
    next_field(t, "1")
    next_field(t, "1")            # the offer was made in writing
    t.wait_for("Date the written offer")
    next_field(t, "03.03.2026")
    next_field(t)                 # days to answer: the law's 10
    next_field(t, "1")            # accepted: yes
    t.wait_for("Date the offer was accepted")
    next_field(t, "06.03.2026")
    next_field(t, "1")
    next_field(t)                 # the mediator: filled in from Settings


def fill_contract(t):
    for _ in range(5):
        next_field(t, "1")
    next_field(t)                 # circumstances disclosed
    next_field(t, "1")            # a public mediator
    t.wait_for("Entry in the register")
    next_field(t, "Көктал ауылдық округі әкімінің тізілімі, № 7")
    next_field(t, "10.03.2026")
    next_field(t, "Көктал ауылдық әкімдігі")
    next_field(t, "1")            # language: Kazakh
    next_field(t, "1")            # expenses: none claimed
    next_field(t, "1")            # procedure: as the agreement and the Law set
    next_field(t, "1")            # confidentiality
    next_field(t, "1")            # liability: as the laws provide
    next_field(t)                 # other terms
    next_field(t, "1")            # signed on paper


def fill_sessions(t):
    next_field(t)                 # extension
    next_field(t)                 # extension agreed on
    next_field(t)                 # previous mediator
    next_field(t)                 # mediator changed on
    t.keys("Enter")               # + Add: Session
    t.wait_for("Session 1")
    next_field(t, "12.03.2026")
    next_field(t, "1")            # joint
    next_field(t, "1")            # in person


def fill_settlement(t):
    next_field(t, "Көктал")
    next_field(t, "Шекара")
    next_field(t, "Тараптар сотқа жүгіне алады.")
    next_field(t)                 # other terms
    next_field(t)                 # court-order clause
    next_field(t)                 # copies
    next_field(t)                 # property divided or pledged
    next_field(t)                 # money agreed
    t.keys("Enter")               # + Add: Obligation
    t.wait_for("Obligation 1")
    next_field(t, "Қайрат Сейітов")
    next_field(t, "Дуалды бір метр батысқа жылжыту")
    next_field(t, "өз есебінен")  # manner (Art. 27 p.2)
    next_field(t, "01.04.2026")
    next_field(t)                 # past + Add: Obligation
    next_field(t, "20.03.2026")
    next_field(t, "1")
    next_field(t, "1")
    next_field(t, "1")            # signed on paper


def fill_followup(t):
    next_field(t, "2")            # performed
    next_field(t, "02.04.2026")
    next_field(t, "1")            # the agreement was performed
