/* The demonstration database: seventeen cases a trainer can walk through, at
 * every stage of the procedure and in every regime (out of court, civil case
 * in court, family with a child, labour, criminal, administrative offence,
 * enforcement, terminated, not started), with dates relative to today. Each
 * case's description begins with what it teaches. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/demo.h"
#include "bitim/i18n.h"
#include "bitim/validate.h"

void demo_iin(int year, int month, int day, bool female, unsigned serial, char out[13])
{
	int century = year < 1900 ? 1 : year < 2000 ? 3 : 5;

	for (;; serial++) {
		snprintf(out, 13, "%02d%02d%02d%d%04u", year % 100, month, day, century + female, serial % 10000);
		int c = validate_check_digit(out);
		if (c >= 0) {
			out[11] = (char)('0' + c);
			out[12] = '\0';
			return;
		}
	}
}

/* "@-12" → the date 12 days from today as typed (DD.MM.YYYY). */
static const char *resolve(const char *value, bitim_day today, char buf[DATE_BUF])
{
	if (value[0] != '@')
		return value;
	date_format_user(today + strtol(value + 1, NULL, 10), buf);
	return buf;
}

enum bitim_status demo_run_script(struct store *s, const struct procedure *p, int64_t case_id,
				  const char *const *script, bitim_day today, char *why, size_t why_size)
{
	static const char *const groups[] = { "party", "session", "obligation" };
	static const enum entity entities[] = { ENTITY_PARTY, ENTITY_SESSION, ENTITY_OBLIGATION };
	char row[UUID_BUF] = "", day[DATE_BUF];
	const char *reason = NULL;
	enum bitim_status st = BITIM_OK;
	struct problems pr = { 0 };

	for (size_t i = 0; script[i] && st == BITIM_OK; i += 2) {
		const char *key = script[i], *value = script[i + 1];
		if (strcmp(key, "!") == 0) {
			st = case_advance(s, p, case_id, today, &pr);
		} else if (strcmp(key, "!terminate") == 0) {
			st = case_terminate(s, p, case_id, today, &pr);
		} else if (key[0] == '+') {
			st = BITIM_ERR_INVALID;
			for (int g = 0; g < 3; g++)
				if (strcmp(key + 1, groups[g]) == 0)
					st = case_add_row(s, p, case_id, entities[g], row);
		} else {
			st = case_set_field(s, p, case_id, key, strncmp(key, "case.", 5) ? row : NULL,
					    resolve(value, today, day), &reason);
		}
		if (st != BITIM_OK)
			snprintf(why, why_size, "%s %s: %s%s%s", key, value, bitim_status_name(st),
				 reason ? " " : pr.count ? " " : "", reason ? reason : pr.count ? pr.items[0].message : "");
		problems_free(&pr);
	}
	return st;
}

/* ------------------------------------------------------------ the cases */

/* Each case's first lines: what it teaches, in one line, and the case. Values
 * "IIN:YYYY-MM-DD:m|f" stand for a valid IIN of a man or woman born that day
 * (the 7th digit: century and sex); "BIN:YYMM" for a valid BIN registered then. */
#define EXCLUSIONS_NO "case.excl_third_parties", "no", "case.excl_incapable", "no", \
	"case.excl_state_service", "no", "case.excl_other_law", "no"
#define PERSON(side, name, iin, address, phone) "+party", "", "party.side", side, "party.kind", "person", \
	"party.full_name", name, "party.iin", iin, "party.role", "party", "party.address", address, "party.phone", phone
#define ORG(side, name, bin, address, phone) "+party", "", "party.side", side, "party.kind", "organisation", \
	"party.full_name", name, "party.bin", bin, "party.role", "party", "party.address", address, "party.phone", phone
#define CONSENT(sent, accepted, mediator) "case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", sent, \
	"case.offer_accepted", "yes", "case.offer_accepted_on", accepted, "case.mediator_agreed", "yes", \
	"case.mediator_name", mediator
#define CONTRACT(on, place, lang) "case.explained_principles", "yes", "case.explained_rights", "yes", \
	"case.explained_consequences", "yes", "case.explained_experience", "yes", "case.no_conflict_of_interest", "yes", \
	"case.mediator_kind", "public", "case.mediator_register", "Көктал ауылдық округі әкімінің тізілімі, № 7, 12.01.2026", \
	"case.contract_on", on, "case.contract_place", place, "case.language", lang, "case.costs", "free", \
	"case.procedure_rules", "law", "case.liability", "law", "case.contract_signed_how", "paper", \
	"case.confidentiality_agreed", "yes"
#define SESSION(on, kind, mode) "+session", "", "session.held_on", on, "session.kind", kind, "session.mode", mode
#define OBLIGATION(debtor, text, manner, due) "+obligation", "", "obligation.debtor", debtor, "obligation.text", text, \
	"obligation.manner", manner, "obligation.due_on", due
#define SIGNED(on) "case.signed_on", on, "case.signed_by_parties", "yes", "case.signed_by_mediator", "yes", \
	"case.settlement_signed_how", "paper"
#define KOKTAL "Көктал ауылы, Абай көшесі, "
#define ZHARKENT "Жаркент қ., Головацкий көшесі, "

static const char *const *const scripts[] = {
	/* 1. Family in court, a child's visits; sessions under way (kk).
	 *    Teaches: a court case is stayed for the mediation; the child's interests come first. */
	(const char *const[]){ "case.received_on", "@-30", "case.referral_source", "court", "case.category", "family",
		"case.regime", "civil_court", "case.court_name", "Панфилов аудандық соты", "case.court_case_no", "2-311/2026",
		"case.stay_from", "@-11", "case.stay_until", "@+19",
		"case.village", "Көктал", "case.subject", "Баламен кездесу тәртібі",
		"case.description", "Оқу мақсаты: сот ісі медиация кезінде тоқтатыла тұрады; баланың мүддесі бірінші.",
		"case.child_interests", "Екі бала, 7 және 10 жаста; мектеп кестесі ескерілуі керек.", "case.child_danger", "no",
		EXCLUSIONS_NO, PERSON("first", "Дәурен Жұмабаев", "IIN:1986-04-12:m", KOKTAL "3", "+7 701 111 22 01"),
		PERSON("second", "Жанар Серікқызы", "IIN:1989-09-03:f", KOKTAL "17", "+7 701 111 22 02"), "!", "",
		CONSENT("@-28", "@-26", "Бақыт Омарова"), "!", "", CONTRACT("@-12", "Көктал ауылдық әкімдігі", "kk"), "!", "",
		SESSION("@-10", "joint", "in_person"), "session.summary", "Тараптар демалыс кестесін талқылады.", NULL, NULL },
	/* 2. Neighbours out of court: a fence and the irrigation water, signed, in follow-up (kk).
	 *    Teaches: follow each obligation to its date. */
	(const char *const[]){ "case.received_on", "@-60", "case.referral_source", "akimat", "case.category", "neighbours",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Дуал мен суару суы",
		"case.description", "Оқу мақсаты: әр міндеттеменің орындалуын мерзімі бойынша тексеру.", EXCLUSIONS_NO,
		PERSON("first", "Қайрат Сейітов", "IIN:1975-02-20:m", KOKTAL "5", "+7 701 111 22 03"),
		PERSON("second", "Асқар Төлеуов", "IIN:1968-11-08:m", KOKTAL "7", "+7 701 111 22 04"), "!", "",
		CONSENT("@-58", "@-55", "Бақыт Омарова"), "!", "", CONTRACT("@-50", "Көктал ауылдық әкімдігі", "kk"), "!", "",
		SESSION("@-45", "joint", "in_person"), SESSION("@-40", "caucus", "phone"), "session.with_party", "Асқар Төлеуов", "!", "",
		"case.settlement_place", "Көктал", "case.settlement_subject", "Дуал шекарасы мен суару кезегі",
		"case.nonperformance", "Міндеттеме орындалмаса немесе тиісінше орындалмаса, тараптар сотқа жүгіне алады.",
		"case.court_order_clause", "yes",
		OBLIGATION("Қайрат Сейітов", "Дуалды 1 метр батысқа жылжыту", "өз есебінен", "@+10"),
		OBLIGATION("Асқар Төлеуов", "Суару кезегін аптасына екі рет беру", "сейсенбі мен жұма күндері", "@+25"),
		SIGNED("@-30"), "!", "", NULL, NULL },
	/* 3. Labour out of court: unpaid wages, the settlement about to be signed (ru).
	 *    Teaches: the manner and term of each obligation. */
	(const char *const[]){ "case.received_on", "@-35", "case.referral_source", "self", "case.category", "labour",
		"case.regime", "out_of_court", "case.village", "Жаркент", "case.subject", "Задолженность по заработной плате",
		"case.description", "Учебная цель: способ и срок исполнения каждого обязательства.",
		EXCLUSIONS_NO, PERSON("first", "Сергей Ким", "IIN:1991-06-15:m", ZHARKENT "12", "+7 702 333 44 05"),
		ORG("second", "ТОО «Жетісу Агро»", "940140000385", ZHARKENT "40", "+7 728 313 10 10"), "!", "",
		CONSENT("@-33", "@-30", "Бақыт Омарова"), "!", "", CONTRACT("@-25", "Жаркент, акимат", "ru"), "!", "",
		SESSION("@-20", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Выплата задолженности по зарплате",
		"case.nonperformance", "при неисполнении или ненадлежащем исполнении работник вправе обратиться в суд.",
		"case.amount_settled", "450000",
		OBLIGATION("ТОО «Жетісу Агро»", "Выплатить 450 000 тенге", "перечислением на счёт работника", "@+14"), NULL, NULL },
	/* 4. Criminal: a minor theft, reparation and reconciliation, the case ended (ru).
	 *    Teaches: in a criminal case the agreement is reparation and reconciliation, within the case's terms. */
	(const char *const[]){ "case.received_on", "@-90", "case.referral_source", "police", "case.category", "criminal",
		"case.regime", "criminal", "case.crim_body", "Следователь ОП Панфиловского района",
		"case.crim_case_no", "261500031000412", "case.crim_article", "ч. 1 ст. 188 УК", "case.crim_gravity", "minor",
		"case.crim_first_offence", "yes", "case.crim_death", "no", "case.excl_crim_special", "no", "case.excl_crim_repeat", "no",
		"case.excl_domestic_repeat", "no",
		"case.village", "Жаркент", "case.subject", "Кража велосипеда, возмещение ущерба",
		"case.description", "Учебная цель: по уголовному делу соглашение — заглаживание вреда и примирение в сроки дела.",
		EXCLUSIONS_NO,
		PERSON("first", "Виктор Шевченко", "IIN:1999-01-23:m", ZHARKENT "3", "+7 705 222 11 06"), "party.proc_role", "suspect",
		PERSON("second", "Ольга Пак", "IIN:1983-07-30:f", ZHARKENT "19", "+7 705 222 11 07"), "party.proc_role", "victim", "!", "",
		CONSENT("@-88", "@-86", "Бақыт Омарова"), "!", "", CONTRACT("@-85", "Жаркент", "ru"), "case.case_term_until", "@-40", "!", "",
		SESSION("@-84", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Заглаживание вреда потерпевшей и примирение",
		"case.nonperformance", "при неисполнении потерпевшая вправе обратиться в суд.",
		"case.harm_repaired", "80 000 тенге наличными", "case.harm_amount", "80000", "case.reconciled", "yes",
		OBLIGATION("Виктор Шевченко", "Возместить 80 000 тенге", "наличными под расписку", "@-75"), SIGNED("@-80"), "!", "",
		"obligation.status", "performed", "obligation.checked_on", "@-74", "case.followup_result", "performed",
		"case.court_notified_on", "@-79", "case.case_result", "ended", "case.case_result_on", "@-70", "!", "", NULL, NULL },
	/* 5. Consumer: a faulty washing machine, the written offer just sent (en).
	 *    Teaches: a written offer has ten calendar days to be answered. */
	(const char *const[]){ "case.received_on", "@-4", "case.referral_source", "self", "case.category", "consumer",
		"case.regime", "out_of_court", "case.village", "Talgar", "case.subject", "A faulty washing machine and a refused refund",
		"case.description", "Lesson: a written offer has ten calendar days to be answered (Art. 20 p.6).",
		EXCLUSIONS_NO, PERSON("first", "Aigerim Bekova", "IIN:1994-10-02:f", "Talgar, Abai street 8", "+7 707 555 66 08"),
		ORG("second", "Technodom Talgar LLP", "990140004654", "Talgar, Lenin street 1", "+7 727 300 00 00"), "!", "",
		"case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", "@-3", NULL, NULL },
	/* 6. Community: two ethno-cultural associations and one hall (ru).
	 *    Teaches: organisations as parties, with their BIN. */
	(const char *const[]){ "case.received_on", "@-14", "case.referral_source", "akimat", "case.category", "community",
		"case.regime", "out_of_court", "case.village", "Жаркент", "case.subject", "График пользования Домом дружбы",
		"case.description", "Учебная цель: организации как стороны, их БИН и представители.",
		EXCLUSIONS_NO, ORG("first", "Уйгурский этнокультурный центр", "BIN:0503", ZHARKENT "25", "+7 728 315 20 20"),
		ORG("second", "Дунганская ассоциация района", "BIN:0711", ZHARKENT "27", "+7 728 315 30 30"), "!", "",
		CONSENT("@-12", "@-9", "Бақыт Омарова"), "!", "", NULL, NULL },
	/* 7. Terminated: one party refused in writing to continue (kk).
	 *    Teaches: the notice of termination names the sub-item of Art. 26 p.1. */
	(const char *const[]){ "case.received_on", "@-40", "case.referral_source", "self", "case.category", "property",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Ортақ қораны бөлу",
		"case.description", "Оқу мақсаты: тоқтату туралы хабарлама 26-баптың 1-тармағының тармақшасын атайды.", EXCLUSIONS_NO,
		PERSON("first", "Нұрлан Әбенов", "IIN:1970-03-05:m", KOKTAL "9", "+7 701 111 22 09"),
		PERSON("second", "Бауыржан Қасымов", "IIN:1972-12-19:m", KOKTAL "11", "+7 701 111 22 10"), "!", "",
		CONSENT("@-38", "@-36", "Бақыт Омарова"), "!", "", CONTRACT("@-35", "Көктал", "kk"), "!", "",
		"case.termination_ground", "party_refused", "case.terminated_on", "@-20", "case.notice_requested", "yes",
		"case.termination_note", "Бауыржан Қасымов жазбаша бас тартты.", "!terminate", "", NULL, NULL },
	/* 8. Overdue: the written offer unanswered past its 10 days (kk).
	 *    Teaches: an unanswered written offer is deemed rejected; mediation does not start. */
	(const char *const[]){ "case.received_on", "@-20", "case.referral_source", "prosecutor", "case.category", "debt",
		"case.regime", "out_of_court", "case.village", "Талдықорған", "case.subject", "Қарызды қайтару",
		"case.description", "Оқу мақсаты: жауапсыз қалған жазбаша ұсыныс қабылданбаған болып саналады.", EXCLUSIONS_NO,
		PERSON("first", "Гүлнар Әбенова", "IIN:1980-08-14:f", "Талдықорған қ., Жансүгіров көшесі, 4", "+7 701 111 22 11"),
		PERSON("second", "Ерлан Мұқанов", "IIN:1977-05-27:m", "Талдықорған қ., Тәуелсіздік көшесі, 30", "+7 701 111 22 12"), "!", "",
		"case.offer_by", "prosecutor", "case.offer_form", "written", "case.offer_sent_on", "@-15", NULL, NULL },
	/* 9. A new request, still being written down (kk).
	 *    Teaches: intake first: who the parties are and whether the law allows mediation. */
	(const char *const[]){ "case.received_on", "@0", "case.referral_source", "self", "case.category", "inheritance",
		"case.village", "Көктал", "case.subject", "Үйді мұрагерлер арасында бөлу",
		"case.description", "Оқу мақсаты: алдымен тараптар мен 1-баптағы шектеулер.",
		PERSON("first", "Динара Оспанова", "IIN:1988-02-29:f", KOKTAL "21", "+7 701 111 22 13"), NULL, NULL },
	/* 10. Inheritance in court, the term extended by a joint notice to the court (kk+ru).
	 *     Teaches: in court the parties extend the term by a joint written notice to the court. */
	(const char *const[]){ "case.received_on", "@-70", "case.referral_source", "court", "case.category", "inheritance",
		"case.regime", "civil_court", "case.court_name", "Талдықорған қалалық соты", "case.court_case_no", "2-1044/2026",
		"case.village", "Талдықорған", "case.subject", "Мұраны бөлу / Раздел наследства",
		"case.description", "Оқу мақсаты: сотта мерзім сотқа бірлескен хабарламамен ұзартылады.",
		EXCLUSIONS_NO,
		PERSON("first", "Әсел Ғалымқызы", "IIN:1965-04-01:f", "Талдықорған қ., Абылай хан көшесі, 2", "+7 701 111 22 14"),
		PERSON("second", "Елена Цой", "IIN:1962-09-09:f", "Талдықорған қ., Гаухар ана көшесі, 6", "+7 701 111 22 15"), "!", "",
		CONSENT("@-68", "@-66", "Бақыт Омарова"), "!", "", CONTRACT("@-57", "Талдықорған", "kk_ru"), "!", "",
		SESSION("@-50", "joint", "video"), "case.term_extension_days", "30", "case.extension_agreed_on", "@-30",
		"case.extension_notice_on", "@-29", NULL, NULL },
	/* 11. A loan out of court, settled and closed long ago (ru).
	 *     Teaches: a partly performed agreement; a party may go to court (Art. 27 p.9). */
	(const char *const[]){ "case.received_on", "@-200", "case.referral_source", "self", "case.category", "debt",
		"case.regime", "out_of_court", "case.village", "Талдықорған", "case.subject", "Возврат займа",
		"case.description", "Учебная цель: частично исполненное соглашение; сторона вправе обратиться в суд (п. 9 ст. 27).",
		EXCLUSIONS_NO,
		PERSON("first", "Иван Петров", "IIN:1958-10-10:m", "Талдықорған, ул. Кабанбай батыра, 8", "+7 701 111 22 16"),
		PERSON("second", "Мария Иванова", "IIN:1961-01-31:f", "Талдықорған, ул. Биржан сала, 12", "+7 701 111 22 17"), "!", "",
		CONSENT("@-198", "@-197", "Бақыт Омарова"), "!", "", CONTRACT("@-195", "Талдықорған", "ru"), "!", "",
		SESSION("@-190", "joint", "in_person"), "!", "",
		"case.settlement_place", "Талдықорған", "case.settlement_subject", "Возврат займа частями",
		"case.nonperformance", "при неисполнении займодавец вправе обратиться в суд.", "case.amount_settled", "300000",
		OBLIGATION("Мария Иванова", "Вернуть 300 000 тенге тремя платежами", "переводом на карту займодавца", "@-120"),
		SIGNED("@-185"), "!", "",
		"obligation.status", "partly", "obligation.checked_on", "@-118", "case.followup_result", "partly", "!", "", NULL, NULL },
	/* 12. Land and water: intake done, ready for the offer (kk).
	 *     Teaches: who offers mediation, and in what form. */
	(const char *const[]){ "case.received_on", "@-2", "case.referral_source", "akimat", "case.category", "land",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Жайылымды пайдалану",
		"case.description", "Оқу мақсаты: медиацияны кім және қандай нысанда ұсынады.", EXCLUSIONS_NO,
		PERSON("first", "Ерлан Мұқанов", "IIN:1977-05-27:m", "Талдықорған қ., Тәуелсіздік көшесі, 30", "+7 701 111 22 12"),
		PERSON("second", "Асқар Төлеуов", "IIN:1968-11-08:m", KOKTAL "7", "+7 701 111 22 04"), NULL, NULL },
	/* 13. A civil case in court: a debt settled, approved by the court, closed (ru).
	 *     Teaches: the request to the court, costs, state duty, copies = signatories + 1. */
	(const char *const[]){ "case.received_on", "@-80", "case.referral_source", "court", "case.category", "debt",
		"case.regime", "civil_court", "case.court_name", "Панфиловский районный суд", "case.court_case_no", "2-518/2026",
		"case.judge", "А. Садыкова", "case.instance", "first", "case.stay_from", "@-74", "case.stay_until", "@-44",
		"case.village", "Жаркент", "case.subject", "Взыскание долга по договору займа",
		"case.description", "Учебная цель: просьба к суду, расходы, госпошлина, экземпляры по числу подписавших + 1.",
		EXCLUSIONS_NO,
		PERSON("first", "Руслан Ахметов", "IIN:1984-03-18:m", ZHARKENT "44", "+7 705 222 11 18"),
		PERSON("second", "Айгуль Нурланова", "IIN:1990-12-01:f", ZHARKENT "46", "+7 705 222 11 19"), "!", "",
		"case.offer_by", "court", "case.offer_form", "oral", "case.offer_accepted", "yes", "case.offer_accepted_on", "@-76",
		"case.mediator_agreed", "yes", "case.mediator_name", "Бақыт Омарова", "!", "",
		CONTRACT("@-75", "Жаркент", "ru"), "!", "", SESSION("@-70", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Возврат долга в рассрочку",
		"case.nonperformance", "при неисполнении истец вправе получить исполнительный лист.",
		"case.no_suspensive_condition", "yes", "case.copies", "3", "case.amount_settled", "600000",
		OBLIGATION("Айгуль Нурланова", "Вернуть 600 000 тенге двумя платежами", "перечислением на счёт истца", "@-30"),
		SIGNED("@-65"), "!", "",
		"case.court_notified_on", "@-64", "case.court_ruling", "approved", "case.court_ruling_on", "@-58",
		"obligation.status", "performed", "obligation.checked_on", "@-28", "case.followup_result", "performed", "!", "", NULL, NULL },
	/* 14. An administrative offence: a written reconciliation, in follow-up (ru).
	 *     Teaches: the written reconciliation of Administrative Offences Code Art. 64. */
	(const char *const[]){ "case.received_on", "@-25", "case.referral_source", "police", "case.category", "other",
		"case.regime", "administrative", "case.adm_article", "ст. 434 КоАП", "case.adm_authority", "Панфиловский районный суд",
		"case.adm_protocol", "протокол № 117 от 20.11.2026", "case.adm_first_offence", "yes", "case.excl_domestic_repeat", "no",
		"case.village", "Жаркент", "case.subject", "Мелкое хулиганство у магазина",
		"case.description", "Учебная цель: письменное примирение по ст. 64 КоАП в сроки дела.", EXCLUSIONS_NO,
		PERSON("first", "Данияр Оспанов", "IIN:2001-05-05:m", ZHARKENT "50", "+7 705 222 11 20"), "party.proc_role", "offender",
		PERSON("second", "Людмила Ли", "IIN:1979-08-08:f", ZHARKENT "52", "+7 705 222 11 21"), "party.proc_role", "victim", "!", "",
		CONSENT("@-23", "@-22", "Бақыт Омарова"), "!", "", CONTRACT("@-21", "Жаркент", "ru"), "case.case_term_until", "@+20", "!", "",
		SESSION("@-19", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Примирение и извинение",
		"case.nonperformance", "при неисполнении потерпевшая вправе сообщить суду, ведущему дело.",
		"case.harm_repaired", "публичное извинение и 20 000 тенге", "case.harm_amount", "20000", "case.reconciled", "yes",
		OBLIGATION("Данияр Оспанов", "Принести извинения и выплатить 20 000 тенге", "лично, наличными под расписку", "@+5"),
		SIGNED("@-18"), "!", "", "case.court_notified_on", "@-17", NULL, NULL },
	/* 15. Enforcement proceedings: a settlement approved by the court, enforcement ended (ru).
	 *     Teaches: at the enforcement stage the agreement is approved by the court and ends enforcement (Art. 25-1). */
	(const char *const[]){ "case.received_on", "@-100", "case.referral_source", "court", "case.category", "debt",
		"case.regime", "enforcement", "case.enf_no", "ИП-2026-00731", "case.enf_bailiff", "Н. Жумагулов",
		"case.enf_court", "Панфиловский районный суд", "case.enf_presented_on", "@-92",
		"case.village", "Жаркент", "case.subject", "Исполнение решения о взыскании алиментной задолженности",
		"case.description", "Учебная цель: на стадии исполнения соглашение утверждает суд (ст. 25-1).",
		EXCLUSIONS_NO,
		PERSON("first", "Марат Исаев", "IIN:1982-11-11:m", ZHARKENT "60", "+7 705 222 11 22"),
		PERSON("second", "Гульмира Исаева", "IIN:1985-06-06:f", ZHARKENT "62", "+7 705 222 11 23"), "!", "",
		CONSENT("@-96", "@-95", "Бақыт Омарова"), "!", "", CONTRACT("@-93", "Жаркент", "ru"), "!", "",
		SESSION("@-90", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Погашение задолженности в рассрочку",
		"case.nonperformance", "при неисполнении взыскатель вправе получить исполнительный лист.",
		"case.no_suspensive_condition", "yes", "case.copies", "3", "case.amount_settled", "240000",
		OBLIGATION("Марат Исаев", "Погасить 240 000 тенге шестью ежемесячными платежами", "перечислением на счёт взыскателя", "@-30"),
		SIGNED("@-85"), "!", "",
		"case.court_notified_on", "@-84", "case.court_ruling", "approved", "case.court_ruling_on", "@-78", "case.enf_ended_on", "@-75",
		"obligation.status", "performed", "obligation.checked_on", "@-28", "case.followup_result", "performed", "!", "", NULL, NULL },
	/* 16. Mediation not started: the offer was refused (kk).
	 *     Teaches: a refused offer is no termination; its paper is the letter "mediation not started". */
	(const char *const[]){ "case.received_on", "@-18", "case.referral_source", "self", "case.category", "neighbours",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Көшедегі шу",
		"case.description", "Оқу мақсаты: қабылданбаған ұсыныс — тоқтату емес, медиация басталмаған.", EXCLUSIONS_NO,
		PERSON("first", "Сәуле Жақыпова", "IIN:1992-07-07:f", KOKTAL "31", "+7 701 111 22 24"),
		PERSON("second", "Бекзат Нұров", "IIN:1996-03-03:m", KOKTAL "33", "+7 701 111 22 25"), "!", "",
		"case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", "@-16", "case.offer_accepted", "no",
		"case.termination_ground", "offer_rejected", "case.terminated_on", "@-12",
		"case.termination_note", "Бекзат Нұров медиациядан ауызша бас тартты.", "!terminate", "", NULL, NULL },
	/* 17. Family with a child: alimony agreed, a danger reported, signed (kk).
	 *     Teaches: the alimony section (Marriage Code Art. 158) and the report to the child-protection body (Art. 25 p.3). */
	(const char *const[]){ "case.received_on", "@-45", "case.referral_source", "self", "case.category", "family",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Баланы асырауға алимент",
		"case.description", "Оқу мақсаты: алимент бөлімі және баланың құқықтарын қорғау органына хабарлау.",
		"case.child_interests", "Бір бала, 5 жаста.", "case.child_danger", "yes", "case.child_report_on", "@-40",
		"case.child_report_to", "Панфилов ауданының білім бөлімі (қорғаншылық және қамқоршылық органы)", EXCLUSIONS_NO,
		PERSON("first", "Айжан Бекова", "IIN:1993-04-04:f", KOKTAL "41", "+7 701 111 22 26"),
		PERSON("second", "Ерболат Бекұлы", "IIN:1990-02-02:m", KOKTAL "43", "+7 701 111 22 27"), "!", "",
		CONSENT("@-43", "@-42", "Бақыт Омарова"), "!", "", CONTRACT("@-41", "Көктал ауылдық әкімдігі", "kk"), "!", "",
		SESSION("@-38", "joint", "in_person"), SESSION("@-36", "caucus", "in_person"), "session.with_party", "Ерболат Бекұлы", "!", "",
		"case.settlement_place", "Көктал", "case.settlement_subject", "Баланы асырауға алимент төлеу",
		"case.nonperformance", "алимент төленбесе немесе тиісінше төленбесе, алушы сотқа жүгіне алады.",
		"case.alimony", "yes", "case.alimony_terms", "Ерболат Бекұлы ұлы Нұрислам үшін ай сайын 40 000 теңге төлейді.",
		"case.amount_settled", "480000",
		OBLIGATION("Ерболат Бекұлы", "Ай сайын 40 000 теңге алимент төлеу", "Айжан Бекованың банк шотына аудару", "@+20"),
		SIGNED("@-33"), "!", "", NULL, NULL },
};

/* "IIN:1985-03-14:f" → a valid IIN; "BIN:0503" → a valid BIN; other values as they are. */
static const char *fill_number(const char *value, unsigned serial, char out[13])
{
	int y, m, d;
	char sex;

	if (sscanf(value, "IIN:%d-%d-%d:%c", &y, &m, &d, &sex) == 4) {
		demo_iin(y, m, d, sex == 'f', 1000u + serial * 37, out);
		return out;
	}
	if (sscanf(value, "BIN:%2d%2d", &y, &m) == 2) {
		for (unsigned n = serial * 101;; n++) {
			snprintf(out, 13, "%02d%02d40%05u", y, m, n % 100000);
			int c = validate_check_digit(out);
			if (c >= 0) {
				out[11] = (char)('0' + c);
				out[12] = '\0';
				return out;
			}
		}
	}
	return value;
}

/* The script with "IIN:..." and "BIN:..." values replaced by valid numbers. */
static const char **with_numbers(const char *const *script, char (*numbers)[13])
{
	size_t n = 0;
	const char **copy;

	while (script[n])
		n += 2;
	copy = calloc(n + 2, sizeof *copy);
	if (!copy)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		/* the same person keeps one IIN: the serial follows the birth date */
		unsigned serial = 0;
		for (const char *c = script[i]; *c; c++)
			serial = serial * 31 + (unsigned char)*c;
		copy[i] = fill_number(script[i], serial % 97, numbers[i]);
	}
	return copy;
}

enum bitim_status demo_build(struct store *s, const struct procedure *p, bitim_day today, char *why, size_t why_size)
{
	struct mediator m = { .full_name = "Бақыт Омарова", .kind = "public" };
	enum bitim_status st;

	if ((st = store_office_set(s, "code", "DEM")) != BITIM_OK ||
	    (st = store_office_set(s, "name", "Көктал ауылдық округінің әкімдігі (оқу базасы)")) != BITIM_OK ||
	    (st = store_office_set(s, "region", "Жетісу облысы")) != BITIM_OK ||
	    (st = store_office_set(s, "district", "Панфилов ауданы")) != BITIM_OK ||
	    (st = store_office_set(s, "village", "Көктал")) != BITIM_OK || (st = store_mediator_save(s, &m)) != BITIM_OK ||
	    (st = store_setting_set(s, "demo", "1")) != BITIM_OK || (st = store_setting_set(s, "welcomed", "1")) != BITIM_OK)
		return st;
	for (size_t c = 0; c < sizeof scripts / sizeof scripts[0] && st == BITIM_OK; c++) {
		int64_t id;
		size_t n = 0;
		while (scripts[c][n])
			n += 2;
		char (*numbers)[13] = calloc(n + 1, sizeof *numbers);
		const char **script = numbers ? with_numbers(scripts[c], numbers) : NULL;
		if (!script) {
			free(numbers);
			return BITIM_ERR_NOMEM;
		}
		/* Each case opens on the day it was received, as it would have. */
		bitim_day received = today;
		if (strcmp(script[0], "case.received_on") == 0 && script[1][0] == '@')
			received = today + strtol(script[1] + 1, NULL, 10);
		st = case_new(s, p, received, &id);
		if (st == BITIM_OK)
			st = demo_run_script(s, p, id, script, today, why, why_size);
		free(script);
		free(numbers);
	}
	return st;
}
