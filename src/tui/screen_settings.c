/* Settings: the office (its code numbers the cases), the mediator, the
 * language, the backups kept (and when the last was made). */
#include <config.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/backup.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "bitim/validate.h"
#include "background.h"
#include "draw.h"
#include "formview.h"
#include "help.h"

static struct choice_item kind_items[] = {
	{ "public", N_("Public mediator") },
	{ "professional", N_("Professional mediator") },
	{ "judge", N_("Retired judge") },
};
static struct choice_list kinds = { "mediator_kind", kind_items, 3 };

static struct choice_item lang_items[] = {
	{ "kk", N_("Kazakh") }, { "ru", N_("Russian") }, { "en", N_("English") },
};
static struct choice_list langs = { "ui_language", lang_items, 3 };

/* The settings as fields; `name` says where each is kept. */
static struct field_def fields[] = {
	{ .key = "office.code", .name = "code", .type = FIELD_TEXT, .required = true,
	  .label = N_("Office code (starts every case number)"),
	  .help = N_("Two to six Latin capital letters A-Z or digits 0-9, for example KRG or ALM01; small letters are made capital. Kazakh and Russian letters cannot be used: the code goes into case numbers and file names.") },
	{ .key = "office.name", .name = "name", .type = FIELD_TEXT, .label = N_("Office") },
	{ .key = "office.region", .name = "region", .type = FIELD_TEXT, .label = N_("Region") },
	{ .key = "office.district", .name = "district", .type = FIELD_TEXT, .label = N_("District") },
	{ .key = "office.village", .name = "village", .type = FIELD_TEXT, .label = N_("Village or town") },
	{ .key = "mediator.full_name", .name = "full_name", .type = FIELD_TEXT, .label = N_("Your full name") },
	{ .key = "mediator.kind", .name = "kind", .type = FIELD_CHOICE, .choices = &kinds,
	  .label = N_("You are a") },
	{ .key = "setting.ui_language", .name = "ui_language", .type = FIELD_CHOICE, .choices = &langs,
	  .label = N_("Language of the interface") },
	{ .key = "backup.daily", .name = "daily", .type = FIELD_TEXT, .required = true,
	  .label = N_("Daily backups kept"),
	  .help = N_("bitim backs the database up by itself on the first start of each day and before a merge, import or update, into the backups folder beside it. How many days of backups to keep (0 to 1000).") },
	{ .key = "backup.weekly", .name = "weekly", .type = FIELD_TEXT, .required = true,
	  .label = N_("Weekly backups kept"), .help = N_("Older backups: one for each of this many weeks (0 to 1000).") },
	{ .key = "backup.monthly", .name = "monthly", .type = FIELD_TEXT, .required = true,
	  .label = N_("Monthly backups kept"), .help = N_("Older still: one for each of this many months (0 to 1000).") },
};
#define NFIELDS (sizeof fields / sizeof fields[0])
#define LANG_FIELD 7   /* fields[LANG_FIELD] is the language */
#define BACKUP_FIELD 8 /* fields[BACKUP_FIELD...] are the backups kept */

static struct {
	struct app *app;
	struct formview fv;
	bool ready;
	char *values[NFIELDS];      /* owned */
	struct mediator mediator;   /* the office's first mediator, or a new one */
} S;

static size_t index_of(const struct field_def *f)
{
	return (size_t)(f - fields);
}

/* The numbers of backups kept, as the fields show them. */
static void load_backup_values(void)
{
	struct backup_keep k;

	if (backup_keep_get(S.app->store, &k) != BITIM_OK) {
		struct backup_keep def = BACKUP_KEEP_DEFAULT;
		k = def;
	}
	const int values[] = { k.daily, k.weekly, k.monthly };
	for (size_t i = 0; i < 3; i++)
		if (asprintf(&S.values[BACKUP_FIELD + i], "%d", values[i]) < 0)
			S.values[BACKUP_FIELD + i] = NULL;
}

/* Save one of the numbers of backups kept. */
static enum bitim_status save_backup_keep(size_t which, const char *text, const char **reason)
{
	struct backup_keep k;
	char *end;
	long n = strtol(text, &end, 10);
	enum bitim_status st;

	if (!*text || *end || n < 0 || n > BACKUP_KEEP_MAX) {
		*reason = N_("Type a whole number from 0 to 1000");
		return BITIM_ERR_INVALID;
	}
	if ((st = backup_keep_get(S.app->store, &k)) != BITIM_OK)
		return st;
	*(which == 0 ? &k.daily : which == 1 ? &k.weekly : &k.monthly) = (int)n;
	return backup_keep_set(S.app->store, &k);
}

/* "Last backup: DATE TIME, FOLDER" or that there is none yet (malloc'd). */
static char *backup_line(void)
{
	char *last = NULL, *text = NULL, when_text[32];
	time_t when = 0;

	if (backup_last(S.app->store, &last, &when) == BITIM_OK && last) {
		char *slash = strrchr(last, '/');
		if (slash)
			*slash = '\0'; /* the folder says where; the name repeats the time */
		strftime(when_text, sizeof when_text, "%d.%m.%Y %H:%M", localtime(&when));
		if (asprintf(&text, _("Last backup: %s in %s"), when_text, last) < 0)
			text = NULL;
	} else {
		text = strdup(background_backup_running() ? _("No backup yet; the first is being made now") : _("No backup yet"));
	}
	free(last);
	return text;
}

static void load_values(void)
{
	struct mediator *list = NULL;
	size_t n = 0;

	for (size_t i = 0; i < NFIELDS; i++) {
		free(S.values[i]);
		S.values[i] = NULL;
		if (strncmp(fields[i].key, "office.", 7) == 0)
			store_office_get(S.app->store, fields[i].name, &S.values[i]);
	}
	store_setting_get(S.app->store, "ui_language", &S.values[LANG_FIELD]);
	if (!S.values[LANG_FIELD])
		S.values[LANG_FIELD] = strdup(i18n_lang_code(i18n_lang()));
	load_backup_values();
	free(S.mediator.full_name);
	free(S.mediator.kind);
	memset(&S.mediator, 0, sizeof S.mediator);
	if (store_mediator_list(S.app->store, &list, &n) == BITIM_OK && n > 0) {
		S.mediator.id = list[0].id;
		memcpy(S.mediator.uuid, list[0].uuid, UUID_BUF);
		S.mediator.full_name = list[0].full_name ? strdup(list[0].full_name) : NULL;
		S.mediator.kind = list[0].kind ? strdup(list[0].kind) : NULL;
	}
	store_mediators_free(list, n);
	S.values[5] = S.mediator.full_name ? strdup(S.mediator.full_name) : NULL;
	S.values[6] = strdup(S.mediator.kind ? S.mediator.kind : "public");
}

static const char *value_of(void *ctx, const struct fv_item *it)
{
	(void)ctx;
	/* The language may have been switched with F5 meanwhile. */
	if (index_of(it->field) == LANG_FIELD)
		return i18n_lang_code(i18n_lang());
	return S.values[index_of(it->field)];
}

static enum bitim_status save_mediator(void)
{
	S.mediator.full_name = S.values[5];
	S.mediator.kind = S.values[6];
	enum bitim_status st = S.mediator.full_name ? store_mediator_save(S.app->store, &S.mediator) : BITIM_OK;
	/* the strings belong to S.values */
	S.mediator.full_name = S.mediator.full_name ? strdup(S.mediator.full_name) : NULL;
	S.mediator.kind = S.mediator.kind ? strdup(S.mediator.kind) : NULL;
	return st;
}

static enum bitim_status save_value(void *ctx, const struct fv_item *it, const char *input, const char **reason)
{
	const struct field_def *f = it->field;
	size_t i = index_of(f);
	char *text = NULL;
	enum bitim_status st;

	(void)ctx;
	*reason = NULL;
	if (i >= BACKUP_FIELD) {
		if ((st = save_backup_keep(i - BACKUP_FIELD, input, reason)) == BITIM_OK) {
			free(S.values[i]);
			S.values[i] = strdup(input);
		}
		return st;
	}
	if (f->type == FIELD_CHOICE) {
		if (!choice_label(f->choices, input)) {
			*reason = N_("Choose one of the listed values");
			return BITIM_ERR_INVALID;
		}
		text = strdup(input);
	} else if ((*reason = validate_text(input, false, &text)) != NULL) {
		if (!f->required && strspn(input, " \t") == strlen(input)) {
			*reason = NULL; /* clearing an optional setting */
		} else {
			return BITIM_ERR_INVALID;
		}
	}
	if (text && strcmp(f->key, "office.code") == 0) {
		for (char *c = text; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		if ((*reason = store_office_code_check(text)) != NULL) {
			free(text);
			return BITIM_ERR_INVALID;
		}
	}
	free(S.values[i]);
	S.values[i] = text;
	if (strncmp(f->key, "office.", 7) == 0)
		st = store_office_set(S.app->store, f->name, text);
	else if (strncmp(f->key, "mediator.", 9) == 0)
		st = save_mediator();
	else {
		st = store_setting_set(S.app->store, "ui_language", text);
		if (st == BITIM_OK && i18n_lang_from_code(text) >= 0) {
			i18n_set_lang((enum bitim_lang)i18n_lang_from_code(text));
			background_language(S.app);
		}
	}
	return st;
}

static void settings_enter(struct app *app)
{
	static const struct fv_source src = { NULL, value_of, save_value, NULL, NULL };

	S.app = app;
	if (!S.ready) {
		fv_init(&S.fv, &src);
		S.ready = true;
	}
	load_values();
	fv_clear(&S.fv);
	fv_add(&S.fv, FV_SECTION, NULL, ENTITY_CASE, -1, _("Office"));
	for (size_t i = 0; i < NFIELDS; i++) {
		if (i == 5)
			fv_add(&S.fv, FV_SECTION, NULL, ENTITY_CASE, -1, _("Mediator"));
		if (i == LANG_FIELD)
			fv_add(&S.fv, FV_SECTION, NULL, ENTITY_CASE, -1, _("Interface"));
		if (i == BACKUP_FIELD) {
			fv_add(&S.fv, FV_SECTION, NULL, ENTITY_CASE, -1, _("Backups"));
			fv_add(&S.fv, FV_SECTION, NULL, ENTITY_CASE, -1, ""); /* the last backup: set when drawn */
		}
		fv_add(&S.fv, FV_FIELD, &fields[i], ENTITY_CASE, -1, NULL);
	}
	fv_focus_first(&S.fv);
}

static void settings_draw(struct app *app)
{
	/* Section headings were translated when built: rebuild them in the current language. */
	for (size_t i = 0, s = 0; i < S.fv.nitems; i++) {
		static const char *const heads[] = { N_("Office"), N_("Mediator"), N_("Interface"), N_("Backups") };
		if (S.fv.items[i].kind == FV_SECTION && s < 5) {
			free(S.fv.items[i].text);
			S.fv.items[i].text = s < 4 ? strdup(_(heads[s])) : backup_line();
			s++;
		}
	}
	app_title(app, _("Settings"), NULL);
	fv_draw(&S.fv, app_body_top(app) + 1, app_body_rows(app) - 1, app->cols);
}

static bool settings_leave(struct app *app)
{
	(void)app;
	return fv_commit(&S.fv, S.app) != FV_INVALID;
}

static void settings_key(struct app *app, enum action act, bool is_key, wint_t key)
{
	switch (act) {
	case ACT_HELP: help_show(app); return;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		if (fv_commit(&S.fv, app) != FV_INVALID)
			fv_move(&S.fv, act == ACT_NEXT_FIELD ? 1 : -1);
		return;
	case ACT_ESCAPE:
	case ACT_BACK:
		/* Leaving is never refused: an invalid value is corrected or left unsaved. */
		if (fv_commit(&S.fv, app) != FV_INVALID ||
		    fv_leave_invalid(&S.fv, app, FV_TO_LIST_FROM_SETTINGS))
			app_switch(app, &screen_list);
		return;
	case ACT_UNDO:
		if (!fv_take_back(&S.fv, app))
			app_message(app, MSG_INFO, "%s", _("Nothing to undo here: every setting you left is saved."));
		return;
	default:
		break;
	}
	if ((!is_key && (key == L'\r' || key == L'\n')) || (is_key && key == KEY_ENTER)) {
		const struct fv_item *it = fv_current(&S.fv);
		if (it && it->field->type != FIELD_CHOICE) {
			settings_key(app, ACT_NEXT_FIELD, false, L'\t');
			return;
		}
	}
	fv_key(&S.fv, app, is_key, key);
}

static const enum action *settings_actions(struct app *app)
{
	static const enum action actions[] = { ACT_HELP, ACT_LANGUAGE, ACT_UNDO, ACT_NEXT_FIELD, ACT_ESCAPE, ACT_BACK, ACT_NONE };
	(void)app;
	return actions;
}

static char *settings_field_help(struct app *app)
{
	const struct fv_item *it = fv_current(&S.fv);
	char *text = NULL;
	(void)app;
	if (!it || !it->field)
		return NULL;
	if (asprintf(&text, "%s\n%s", _(it->field->label), it->field->help ? _(it->field->help) : "") < 0)
		return NULL;
	return text;
}

static const char *settings_hint(struct app *app)
{
	(void)app;
	return fv_hint(&S.fv);
}

static void settings_release(void)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		free(S.values[i]);
		S.values[i] = NULL;
	}
	free(S.mediator.full_name);
	free(S.mediator.kind);
	memset(&S.mediator, 0, sizeof S.mediator);
	if (S.ready)
		fv_free(&S.fv);
	S.ready = false;
}

const struct screen screen_settings = {
	.name = "settings",
	.actions = settings_actions,
	.enter = settings_enter,
	.draw = settings_draw,
	.key = settings_key,
	.leave = settings_leave,
	.field_help = settings_field_help,
	.stage_help = NULL,
	.hint = settings_hint,
	.release = settings_release,
};
