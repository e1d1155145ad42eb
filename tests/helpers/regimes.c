/* Test helper for mkdb --regimes: one case for each regime bitim accepts,
 * taken through the procedure by the core's API to its papers, with fixed
 * dates (today is 20.03.2026). In order:
 *   KRG-2026-0001 civil out of court (neighbours; property; court-order clause), signed
 *   KRG-2026-0002 civil case in court (debt; a representative), approved by the court, closed
 *   KRG-2026-0003 family with a child (alimony; a danger reported), signed
 *   KRG-2026-0004 labour (an organisation; a professional mediator; e-mail and EDS), signed
 *   KRG-2026-0005 criminal (reparation and reconciliation), the case ended, closed
 *   KRG-2026-0006 administrative offence (written reconciliation), signed
 *   KRG-2026-0007 enforcement proceedings, approved, enforcement ended, closed
 *   KRG-2026-0008 civil case in court, terminated (Art. 26 p.1(2)), the notice sent
 *   KRG-2026-0009 mediation not started: the written offer went unanswered
 * With --regimes-draft every settlement is left typed but unsigned, so that
 * it prints in any language (a signed one prints as it was signed). */
#include <config.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/demo.h"
#include "regimes.h"

#define EXCL "case.excl_third_parties", "no", "case.excl_incapable", "no", "case.excl_state_service", "no", \
	"case.excl_other_law", "no"
#define PERSON(side, name, iin, address, phone) "+party", "", "party.side", side, "party.kind", "person", \
	"party.full_name", name, "party.iin", iin, "party.role", "party", "party.address", address, "party.phone", phone
#define CONSENT "case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", "@-40", \
	"case.offer_accepted", "yes", "case.offer_accepted_on", "@-38", "case.mediator_agreed", "yes", \
	"case.mediator_name", "Бақыт Омарова", "!", ""
#define EXPLAINED "case.explained_principles", "yes", "case.explained_rights", "yes", \
	"case.explained_consequences", "yes", "case.explained_experience", "yes", "case.no_conflict_of_interest", "yes", \
	"case.confidentiality_agreed", "yes", "case.procedure_rules", "law", "case.liability", "law", \
	"case.contract_on", "@-36", "case.contract_place", "Көктал"
#define PUBLIC(lang) EXPLAINED, "case.mediator_kind", "public", \
	"case.mediator_register", "Көктал ауылдық округі әкімінің тізілімі, № 7, 12.01.2026", "case.costs", "free", \
	"case.language", lang, "case.contract_signed_how", "paper"
#define SESSIONS "+session", "", "session.held_on", "@-34", "session.kind", "joint", "session.mode", "in_person", "!", ""
#define SIGN(on) "case.signed_on", on, "case.signed_by_parties", "yes", "case.signed_by_mediator", "yes"
#define OBLIGATION(debtor, text, manner, due) "+obligation", "", "obligation.debtor", debtor, "obligation.text", text, \
	"obligation.manner", manner, "obligation.due_on", due

static const char *const *const cases[] = {
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "akimat", "case.category", "neighbours",
		"case.regime", "out_of_court", "case.subject", "Ортақ қора мен жер учаскесі", EXCL,
		PERSON("first", "Қайрат Сейітов", "791028302728", "Көктал, Абай көшесі, 15", "+7 701 234 56 78"),
		PERSON("second", "Асқар Төлеуов", "681108313705", "Көктал, Абай көшесі, 17", "+7 701 234 56 79"), "!", "",
		CONSENT, PUBLIC("kk"), "!", "", SESSIONS,
		"case.settlement_place", "Көктал", "case.settlement_subject", "Қораны бөлу",
		"case.nonperformance", "тараптар сотқа жүгіне алады.", "case.court_order_clause", "yes",
		"case.property_divided", "yes", "case.property_data", "Көктал, Абай көшесі, 15; кадастрлық нөмір 03-047-012-345",
		OBLIGATION("Қайрат Сейітов", "Қораның жартысын босату", "өз есебінен", "@+10"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "court", "case.category", "debt",
		"case.regime", "civil_court", "case.court_name", "Панфиловский районный суд", "case.court_case_no", "2-518/2026",
		"case.subject", "Взыскание долга по договору займа", EXCL,
		PERSON("first", "Руслан Ахметов", "840318344789", "Жаркент, Головацкого, 44", "+7 705 222 11 18"),
		PERSON("second", "Айгуль Нурланова", "901201429246", "Жаркент, Головацкого, 46", "+7 705 222 11 19"),
		"+party", "", "party.side", "second", "party.kind", "person", "party.full_name", "Мария Иванова",
		"party.iin", "061211600012", "party.role", "representative", "party.represents", "Айгуль Нурланова",
		"party.powers", "доверенность № 12 от 01.03.2026", "party.powers_settle", "yes", "!", "",
		CONSENT, PUBLIC("ru"), "!", "", SESSIONS,
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Возврат долга в рассрочку",
		"case.nonperformance", "истец вправе получить исполнительный лист.", "case.no_suspensive_condition", "yes",
		"case.copies", "4", "case.amount_settled", "600000",
		OBLIGATION("Айгуль Нурланова", "Вернуть 600 000 тенге", "перечислением на счёт истца", "@-5"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "",
		"case.court_notified_on", "@-29", "case.court_ruling", "approved", "case.court_ruling_on", "@-25",
		"obligation.status", "performed", "obligation.checked_on", "@-4", "case.followup_result", "performed", "!", "",
		NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "self", "case.category", "family",
		"case.regime", "out_of_court", "case.subject", "Баланы асырауға алимент", "case.child_interests", "Бір бала, 5 жаста.",
		"case.child_danger", "yes", "case.child_report_on", "@-44", "case.child_report_to", "Панфилов ауданының білім бөлімі", EXCL,
		PERSON("first", "Айжан Бекова", "930404437759", "Көктал, 41", "+7 701 111 22 26"),
		PERSON("second", "Ерболат Бекұлы", "900202311110", "Көктал, 43", "+7 701 111 22 27"), "!", "",
		CONSENT, PUBLIC("kk"), "!", "", SESSIONS,
		"case.settlement_place", "Көктал", "case.settlement_subject", "Алимент төлеу",
		"case.nonperformance", "алушы сотқа жүгіне алады.", "case.alimony", "yes",
		"case.alimony_terms", "Ерболат Бекұлы ұлы үшін ай сайын 40 000 теңге төлейді.",
		OBLIGATION("Ерболат Бекұлы", "Ай сайын 40 000 теңге төлеу", "банк шотына аудару", "@+10"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "self", "case.category", "labour",
		"case.regime", "out_of_court", "case.subject", "Задолженность по заработной плате", EXCL,
		PERSON("first", "Сергей Ким", "910615332208", "Жаркент, 12", "+7 702 333 44 05"),
		"+party", "", "party.side", "second", "party.kind", "organisation", "party.full_name", "ТОО «Жетісу Агро»",
		"party.bin", "940140000385", "party.role", "party", "party.address", "Жаркент, 40", "party.phone", "+7 728 313 10 10",
		"+party", "", "party.side", "second", "party.kind", "person", "party.full_name", "Ержан Оспанов",
		"party.role", "representative", "party.represents", "ТОО «Жетісу Агро»", "party.position", "директор",
		"party.powers", "устав", "party.powers_settle", "yes", "!", "",
		CONSENT, EXPLAINED, "case.mediator_kind", "professional", "case.mediator_org", "ОЮЛ «Палата медиаторов»",
		"case.mediator_cert", "№ 0456 от 10.02.2025", "case.fee", "30 000 тенге, оплачивает работодатель",
		"case.costs", "equal", "case.costs_note", "проезд медиатора, до 5 000 тенге", "case.language", "ru",
		"case.contract_signed_how", "email", "!", "", SESSIONS,
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Выплата задолженности",
		"case.nonperformance", "работник вправе обратиться в суд.", "case.amount_settled", "450000",
		OBLIGATION("ТОО «Жетісу Агро»", "Выплатить 450 000 тенге", "перечислением на счёт работника", "@+14"), SIGN("@-30"),
		"case.settlement_signed_how", "eds", "!", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "police", "case.category", "criminal",
		"case.regime", "criminal", "case.crim_body", "Следователь ОП Панфиловского района", "case.crim_case_no", "261500031000412",
		"case.crim_article", "ч. 1 ст. 188 УК", "case.crim_gravity", "minor", "case.crim_first_offence", "yes",
		"case.crim_death", "no", "case.excl_crim_special", "no", "case.excl_crim_repeat", "no", "case.excl_domestic_repeat", "no",
		"case.subject", "Кража велосипеда", EXCL,
		PERSON("first", "Виктор Шевченко", "990123319252", "Жаркент, 3", "+7 705 222 11 06"), "party.proc_role", "suspect",
		PERSON("second", "Ольга Пак", "830730431464", "Жаркент, 19", "+7 705 222 11 07"), "party.proc_role", "victim", "!", "",
		CONSENT, PUBLIC("ru"), "case.case_term_until", "@+10", "!", "", SESSIONS,
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Заглаживание вреда и примирение",
		"case.nonperformance", "потерпевшая вправе сообщить органу, ведущему уголовный процесс.",
		"case.harm_repaired", "80 000 тенге наличными", "case.harm_amount", "80000", "case.reconciled", "yes",
		OBLIGATION("Виктор Шевченко", "Возместить 80 000 тенге", "наличными под расписку", "@-20"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "",
		"case.court_notified_on", "@-29", "case.case_result", "ended", "case.case_result_on", "@-15",
		"obligation.status", "performed", "obligation.checked_on", "@-19", "case.followup_result", "performed", "!", "",
		NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "police", "case.category", "administrative",
		"case.regime", "administrative", "case.adm_article", "ст. 434 КоАП", "case.adm_authority", "Панфиловский районный суд",
		"case.excl_domestic_repeat", "no", "case.subject", "Мелкое хулиганство", EXCL,
		PERSON("first", "Данияр Оспанов", "010505521845", "Жаркент, 50", "+7 705 222 11 20"), "party.proc_role", "offender",
		PERSON("second", "Людмила Ли", "790808428874", "Жаркент, 52", "+7 705 222 11 21"), "party.proc_role", "victim", "!", "",
		CONSENT, PUBLIC("ru"), "case.case_term_until", "@+10", "!", "", SESSIONS,
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Примирение",
		"case.nonperformance", "потерпевшая вправе сообщить суду.", "case.harm_repaired", "извинение и 20 000 тенге",
		"case.harm_amount", "20000", "case.reconciled", "yes",
		OBLIGATION("Данияр Оспанов", "Выплатить 20 000 тенге", "наличными", "@+5"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "court", "case.category", "debt",
		"case.regime", "enforcement", "case.enf_no", "ИП-2026-00731", "case.enf_bailiff", "Н. Жумагулов",
		"case.enf_court", "Панфиловский районный суд", "case.enf_presented_on", "@-35",
		"case.subject", "Исполнение решения о взыскании долга", EXCL,
		PERSON("first", "Марат Исаев", "821111320735", "Жаркент, 60", "+7 705 222 11 22"),
		PERSON("second", "Гульмира Исаева", "850606426289", "Жаркент, 62", "+7 705 222 11 23"), "!", "",
		CONSENT, PUBLIC("ru"), "!", "", SESSIONS,
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Погашение долга в рассрочку",
		"case.nonperformance", "взыскатель вправе получить исполнительный лист.", "case.no_suspensive_condition", "yes",
		"case.copies", "3", OBLIGATION("Марат Исаев", "Погасить 240 000 тенге", "перечислением", "@-10"), SIGN("@-30"),
		"case.settlement_signed_how", "paper", "!", "",
		"case.court_notified_on", "@-29", "case.court_ruling", "approved", "case.court_ruling_on", "@-25",
		"case.enf_ended_on", "@-24", "obligation.status", "performed", "obligation.checked_on", "@-9",
		"case.followup_result", "performed", "!", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "court", "case.category", "property",
		"case.regime", "civil_court", "case.court_name", "Талдықорған қалалық соты", "case.court_case_no", "2-1044/2026",
		"case.subject", "Мұраны бөлу", EXCL,
		PERSON("first", "Әсел Ғалымқызы", "650401445526", "Талдықорған, 2", "+7 701 111 22 14"),
		PERSON("second", "Елена Цой", "620909439230", "Талдықорған, 6", "+7 701 111 22 15"), "!", "",
		CONSENT, PUBLIC("kk"), "!", "", SESSIONS,
		"case.termination_ground", "no_settlement", "case.terminated_on", "@-20", "case.notice_sent_on", "@-19",
		"!terminate", "", NULL, NULL },
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "self", "case.category", "debt",
		"case.regime", "out_of_court", "case.subject", "Қарызды қайтару", EXCL,
		PERSON("first", "Гүлнар Әбенова", "800814432949", "Талдықорған, 4", "+7 701 111 22 11"),
		PERSON("second", "Ерлан Мұқанов", "770527318881", "Талдықорған, 30", "+7 701 111 22 12"), "!", "",
		"case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", "@-30",
		"case.termination_ground", "offer_unanswered", "case.terminated_on", "@-19", "!terminate", "", NULL, NULL },
};

/* The script up to the signing of the settlement, when draft; else whole. */
static const char **script_of(const char *const *full, bool draft)
{
	size_t n = 0;
	bool signing = false;
	const char **copy;

	while (full[n])
		n += 2;
	if (!(copy = calloc(n + 2, sizeof *copy)))
		return NULL;
	for (size_t i = 0; i < n; i += 2) {
		if (draft && signing && strcmp(full[i], "!") == 0)
			break;
		signing = signing || strcmp(full[i], "case.signed_on") == 0;
		copy[i] = full[i];
		copy[i + 1] = full[i + 1];
	}
	return copy;
}

int regimes_make(struct store *s, const struct procedure *p, bitim_day today, bool draft)
{
	char why[512];

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		int64_t id;
		const char **script = script_of(cases[c], draft);
		if (!script || case_new(s, p, today - 45, &id) != BITIM_OK ||
		    demo_run_script(s, p, id, script, today, why, sizeof why) != BITIM_OK) {
			fprintf(stderr, "mkdb --regimes: case %zu: %s\n", c + 1, script ? why : "out of memory");
			free(script);
			return -1;
		}
		free(script);
	}
	return 0;
}
