/* The demonstration database: a dozen cases a trainer can walk through, at
 * every stage of the procedure, with dates relative to today. */
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

#define EXCLUSIONS_NO "case.excl_third_parties", "no", "case.excl_incapable", "no", \
	"case.excl_state_service", "no", "case.excl_other_law", "no"
#define PERSON(side, name, iin) "+party", "", "party.side", side, "party.kind", "person", \
	"party.full_name", name, "party.iin", iin, "party.role", "party"
#define CONSENT(sent, accepted, mediator) "case.offer_by", "party", "case.offer_sent_on", sent, \
	"case.offer_accepted", "yes", "case.offer_accepted_on", accepted, "case.mediator_agreed", "yes", \
	"case.mediator_name", mediator
#define CONTRACT(on, place, lang) "case.explained_principles", "yes", "case.explained_rights", "yes", \
	"case.explained_consequences", "yes", "case.explained_experience", "yes", "case.no_conflict_of_interest", "yes", \
	"case.contract_on", on, "case.contract_place", place, "case.language", lang, "case.costs", "free", \
	"case.confidentiality_agreed", "yes"
#define SESSION(on, kind, mode) "+session", "", "session.held_on", on, "session.kind", kind, "session.mode", mode
#define SIGNED(on) "case.signed_on", on, "case.signed_by_parties", "yes", "case.signed_by_mediator", "yes"

/* IINs are filled in when the scripts run: "IIN1".."IIN24" stand for valid ones. */
static const char *const *const scripts[] = {
	/* 1. Family: the father's visits to the children, sessions under way (kk). */
	(const char *const[]){ "case.received_on", "@-30", "case.referral_source", "court", "case.category", "family",
		"case.regime", "civil_court", "case.court_name", "Панфилов аудандық соты", "case.court_case_no", "2-311/2026",
		"case.village", "Көктал", "case.subject", "Баламен кездесу тәртібі",
		"case.description", "Ажырасқан ата-ана балаларды демалыс күндері көру тәртібі туралы келісе алмай жүр.",
		"case.child_interests", "Екі бала, 7 және 10 жаста; мектеп кестесі ескерілуі керек.", "case.child_danger", "no",
		EXCLUSIONS_NO, PERSON("first", "Дәурен Жұмабаев", "IIN1"), PERSON("second", "Жанар Серікқызы", "IIN2"), "!", "",
		CONSENT("@-28", "@-26", "Бақыт Омарова"), "!", "", CONTRACT("@-12", "Көктал ауылдық әкімдігі", "kk"), "!", "",
		SESSION("@-10", "joint", "in_person"), "session.summary", "Тараптар демалыс кестесін талқылады.", NULL, NULL },
	/* 2. Neighbours: a fence and the irrigation water, signed and followed up (kk). */
	(const char *const[]){ "case.received_on", "@-60", "case.referral_source", "akimat", "case.category", "neighbours",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Дуал мен суару суы", EXCLUSIONS_NO,
		PERSON("first", "Қайрат Сейітов", "IIN3"), PERSON("second", "Асқар Төлеуов", "IIN4"), "!", "",
		CONSENT("@-58", "@-55", "Бақыт Омарова"), "!", "", CONTRACT("@-50", "Көктал ауылдық әкімдігі", "kk"), "!", "",
		SESSION("@-45", "joint", "in_person"), SESSION("@-40", "caucus", "phone"), "session.with_party", "Асқар Төлеуов", "!", "",
		"case.settlement_place", "Көктал", "case.settlement_subject", "Дуал шекарасы мен суару кезегі",
		"case.nonperformance", "Міндеттеме орындалмаса, тараптар сотқа жүгіне алады.",
		"+obligation", "", "obligation.debtor", "Қайрат Сейітов", "obligation.text", "Дуалды 1 метр батысқа жылжыту",
		"obligation.due_on", "@+10", "+obligation", "", "obligation.debtor", "Асқар Төлеуов",
		"obligation.text", "Суару кезегін аптасына екі рет беру", "obligation.due_on", "@+25", SIGNED("@-30"), "!", "", NULL, NULL },
	/* 3. Labour: unpaid wages, the settlement about to be signed (ru). */
	(const char *const[]){ "case.received_on", "@-35", "case.referral_source", "self", "case.category", "labour",
		"case.regime", "out_of_court", "case.village", "Жаркент", "case.subject", "Задолженность по заработной плате",
		EXCLUSIONS_NO, PERSON("first", "Сергей Ким", "IIN5"),
		"+party", "", "party.side", "second", "party.kind", "organisation", "party.full_name", "ТОО «Жетісу Агро»",
		"party.bin", "940140000385", "party.role", "party", "!", "",
		CONSENT("@-33", "@-30", "Бақыт Омарова"), "!", "", CONTRACT("@-25", "Жаркент, акимат", "ru"), "!", "",
		SESSION("@-20", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Выплата задолженности по зарплате",
		"case.nonperformance", "При неисполнении работник вправе обратиться в суд.",
		"+obligation", "", "obligation.debtor", "ТОО «Жетісу Агро»", "obligation.text", "Выплатить 450 000 тенге",
		"obligation.due_on", "@+14", NULL, NULL },
	/* 4. Criminal: a minor theft settled by reconciliation, closed (ru). */
	(const char *const[]){ "case.received_on", "@-90", "case.referral_source", "police", "case.category", "criminal",
		"case.regime", "criminal", "case.crim_body", "Следователь ОП Панфиловского района",
		"case.crim_case_no", "261500031000412", "case.crim_article", "ч. 1 ст. 188 УК", "case.crim_gravity", "minor",
		"case.crim_first_offence", "yes", "case.excl_crim_special", "no", "case.excl_crim_repeat", "no",
		"case.village", "Жаркент", "case.subject", "Кража велосипеда, возмещение ущерба", EXCLUSIONS_NO,
		PERSON("first", "Виктор Шевченко", "IIN6"), PERSON("second", "Ольга Пак", "IIN7"), "!", "",
		CONSENT("@-88", "@-86", "Бақыт Омарова"), "!", "", CONTRACT("@-85", "Жаркент", "ru"), "!", "",
		SESSION("@-84", "joint", "in_person"), "!", "",
		"case.settlement_place", "Жаркент", "case.settlement_subject", "Возмещение ущерба потерпевшей",
		"case.nonperformance", "Потерпевшая вправе сообщить органу, ведущему дело.",
		"+obligation", "", "obligation.debtor", "Виктор Шевченко", "obligation.text", "Возместить 80 000 тенге",
		"obligation.due_on", "@-75", SIGNED("@-80"), "!", "",
		"obligation.status", "performed", "obligation.checked_on", "@-74", "case.followup_result", "performed",
		"case.court_notified_on", "@-79", "!", "", NULL, NULL },
	/* 5. Consumer: a faulty washing machine, the offer just sent (en). */
	(const char *const[]){ "case.received_on", "@-4", "case.referral_source", "self", "case.category", "consumer",
		"case.regime", "out_of_court", "case.village", "Talgar", "case.subject", "A faulty washing machine and a refused refund",
		EXCLUSIONS_NO, PERSON("first", "Aigerim Bekova", "IIN8"),
		"+party", "", "party.side", "second", "party.kind", "organisation", "party.full_name", "Technodom Talgar LLP",
		"party.bin", "990140004654", "party.role", "party", "!", "", "case.offer_by", "party", "case.offer_sent_on", "@-3", NULL, NULL },
	/* 6. Community: two ethno-cultural associations and one hall (ru). */
	(const char *const[]){ "case.received_on", "@-14", "case.referral_source", "akimat", "case.category", "community",
		"case.regime", "out_of_court", "case.village", "Жаркент", "case.subject", "График пользования Домом дружбы",
		EXCLUSIONS_NO,
		"+party", "", "party.side", "first", "party.kind", "organisation", "party.full_name", "Уйгурский этнокультурный центр",
		"party.role", "party", "+party", "", "party.side", "second", "party.kind", "organisation",
		"party.full_name", "Дунганская ассоциация района", "party.role", "party", "!", "",
		CONSENT("@-12", "@-9", "Бақыт Омарова"), "!", "", NULL, NULL },
	/* 7. Terminated: one party refused to continue (kk). */
	(const char *const[]){ "case.received_on", "@-40", "case.referral_source", "self", "case.category", "property",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Ортақ қораны бөлу", EXCLUSIONS_NO,
		PERSON("first", "Нұрлан Әбенов", "IIN9"), PERSON("second", "Бауыржан Қасымов", "IIN10"), "!", "",
		CONSENT("@-38", "@-36", "Бақыт Омарова"), "!", "", CONTRACT("@-35", "Көктал", "kk"), "!", "",
		"case.termination_ground", "party_refused", "case.terminated_on", "@-20",
		"case.termination_note", "Бауыржан Қасымов жазбаша бас тартты.", "!terminate", "", NULL, NULL },
	/* 8. Overdue: the offer went unanswered past its 10 days (kk). */
	(const char *const[]){ "case.received_on", "@-20", "case.referral_source", "prosecutor", "case.category", "debt",
		"case.regime", "out_of_court", "case.village", "Талдықорған", "case.subject", "Қарызды қайтару", EXCLUSIONS_NO,
		PERSON("first", "Гүлнар Әбенова", "IIN11"), PERSON("second", "Ерлан Мұқанов", "IIN12"), "!", "",
		"case.offer_by", "prosecutor", "case.offer_sent_on", "@-15", NULL, NULL },
	/* 9. A new request, still being written down (kk). */
	(const char *const[]){ "case.received_on", "@0", "case.referral_source", "self", "case.category", "inheritance",
		"case.village", "Көктал", "case.subject", "Үйді мұрагерлер арасында бөлу", PERSON("first", "Динара Оспанова", "IIN13"), NULL, NULL },
	/* 10. Inheritance with an extension of the term (kk+ru). */
	(const char *const[]){ "case.received_on", "@-70", "case.referral_source", "court", "case.category", "inheritance",
		"case.regime", "civil_court", "case.court_name", "Талдықорған қалалық соты", "case.court_case_no", "2-1044/2026",
		"case.village", "Талдықорған", "case.subject", "Мұраны бөлу / Раздел наследства", EXCLUSIONS_NO,
		PERSON("first", "Әсел Ғалымқызы", "IIN14"), PERSON("second", "Елена Цой", "IIN15"), "!", "",
		CONSENT("@-68", "@-66", "Бақыт Омарова"), "!", "", CONTRACT("@-57", "Талдықорған", "kk_ru"), "!", "",
		SESSION("@-50", "joint", "video"), "case.term_extension_days", "30", "case.extension_agreed_on", "@-30", NULL, NULL },
	/* 11. A loan, settled and closed long ago (ru). */
	(const char *const[]){ "case.received_on", "@-200", "case.referral_source", "self", "case.category", "debt",
		"case.regime", "out_of_court", "case.village", "Талдықорған", "case.subject", "Возврат займа", EXCLUSIONS_NO,
		PERSON("first", "Иван Петров", "IIN16"), PERSON("second", "Мария Иванова", "IIN17"), "!", "",
		CONSENT("@-198", "@-197", "Бақыт Омарова"), "!", "", CONTRACT("@-195", "Талдықорған", "ru"), "!", "",
		SESSION("@-190", "joint", "in_person"), "!", "",
		"case.settlement_place", "Талдықорған", "case.settlement_subject", "Возврат займа частями",
		"case.nonperformance", "Займодавец вправе обратиться в суд.",
		"+obligation", "", "obligation.debtor", "Мария Иванова", "obligation.text", "Вернуть 300 000 тенге тремя платежами",
		"obligation.due_on", "@-120", SIGNED("@-185"), "!", "",
		"obligation.status", "partly", "obligation.checked_on", "@-118", "case.followup_result", "partly", "!", "", NULL, NULL },
	/* 12. Land and water: intake done, ready for the offer (kk). */
	(const char *const[]){ "case.received_on", "@-2", "case.referral_source", "akimat", "case.category", "land",
		"case.regime", "out_of_court", "case.village", "Көктал", "case.subject", "Жайылымды пайдалану", EXCLUSIONS_NO,
		PERSON("first", "Ерлан Мұқанов", "IIN12"), PERSON("second", "Асқар Төлеуов", "IIN4"), NULL, NULL },
};

/* The script with "IINn" placeholders replaced by valid IINs. */
static const char **with_iins(const char *const *script, char iins[24][13])
{
	size_t n = 0;
	const char **copy;

	while (script[n])
		n += 2;
	copy = calloc(n + 2, sizeof *copy);
	if (!copy)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int k;
		copy[i] = script[i];
		if (strncmp(script[i], "IIN", 3) == 0 && (k = atoi(script[i] + 3)) >= 1 && k <= 24)
			copy[i] = iins[k - 1];
	}
	return copy;
}

enum bitim_status demo_build(struct store *s, const struct procedure *p, bitim_day today, char *why, size_t why_size)
{
	char iins[24][13];
	struct mediator m = { .full_name = "Бақыт Омарова", .kind = "public" };
	enum bitim_status st;

	for (int i = 0; i < 24; i++)
		demo_iin(1950 + (i * 7) % 50, 1 + i % 12, 1 + (i * 5) % 28, i % 2 == 1, 1000u + (unsigned)i * 37, iins[i]);
	if ((st = store_office_set(s, "code", "DEM")) != BITIM_OK ||
	    (st = store_office_set(s, "name", "Көктал ауылдық округінің әкімдігі (оқу базасы)")) != BITIM_OK ||
	    (st = store_office_set(s, "region", "Жетісу облысы")) != BITIM_OK ||
	    (st = store_office_set(s, "district", "Панфилов ауданы")) != BITIM_OK ||
	    (st = store_office_set(s, "village", "Көктал")) != BITIM_OK || (st = store_mediator_save(s, &m)) != BITIM_OK ||
	    (st = store_setting_set(s, "demo", "1")) != BITIM_OK || (st = store_setting_set(s, "welcomed", "1")) != BITIM_OK)
		return st;
	for (size_t c = 0; c < sizeof scripts / sizeof scripts[0] && st == BITIM_OK; c++) {
		int64_t id;
		const char **script = with_iins(scripts[c], iins);
		if (!script)
			return BITIM_ERR_NOMEM;
		/* Each case opens on the day it was received, as it would have. */
		bitim_day received = today;
		bitim_day d;
		if (strcmp(script[0], "case.received_on") == 0 && script[1][0] == '@')
			received = today + strtol(script[1] + 1, NULL, 10);
		st = case_new(s, p, received, &id);
		if (st == BITIM_OK)
			st = demo_run_script(s, p, id, script, today, why, why_size);
		(void)d;
		free(script);
	}
	return st;
}
