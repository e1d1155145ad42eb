/* Export and reports from the case list. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/csv.h"
#include "bitim/export.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/report.h"
#include "dialog.h"
#include "print.h"
#include "register.h"
#include "today.h"

/* ~/bitim-documents/register-YYYY-MM-DD (or under $BITIM_DOCUMENTS). */
static char *export_dir(void)
{
	char day[DATE_BUF], sub[DATE_BUF + 16];

	date_format_iso(today_get(), day);
	snprintf(sub, sizeof sub, "register-%s", day);
	return documents_dir(sub);
}

/* One table into dir; false with a message on the message line. */
static bool export_table(struct app *app, const char *dir, enum export_table t, enum csv_encoding enc, char delim,
			 size_t *rows)
{
	struct export_filter all = { 0 };
	struct export_problem bad;
	struct atomic_file f;
	struct csv_writer *w;
	char path[4096];
	enum bitim_status st;

	snprintf(path, sizeof path, "%s/%s.csv", dir, export_table_name(t));
	if (atomic_open(&f, path) < 0) {
		app_message(app, MSG_ERROR, _("Cannot write %s: %s"), path, i18n_errno(errno));
		return false;
	}
	if ((st = csv_writer_new(f.fp, enc, delim, false, &w)) == BITIM_OK) {
		st = export_csv(app->store, app->proc, t, &all, w, NULL, NULL, rows, &bad);
		csv_writer_free(w);
	}
	if (st == BITIM_ERR_INVALID && bad.column[0]) {
		atomic_abort(&f);
		app_message(app, MSG_ERROR, _("Case %s, column %s: the text cannot be written in this encoding; choose UTF-8 or KZ-1048"),
			    bad.case_number, bad.column);
		return false;
	}
	if (st != BITIM_OK) {
		atomic_abort(&f);
		app_status(app, st);
		return false;
	}
	if (atomic_commit(&f) < 0) {
		app_message(app, MSG_ERROR, _("Cannot write %s: %s"), path, i18n_errno(errno));
		return false;
	}
	return true;
}

void register_export(struct app *app)
{
	static const char *const choices[] = {
		N_("For Excel: UTF-8 with BOM, separated by ';'"), N_("UTF-8, separated by ','"),
		N_("KZ-1048 (Kazakh letters in one byte), ';'"), N_("CP1251 (no Kazakh letters), ';'"),
	};
	static const enum csv_encoding encs[] = { CSV_UTF8_BOM, CSV_UTF8, CSV_KZ1048, CSV_CP1251 };
	static const char delims[] = { ';', ',', ';', ';' };
	int pick = dialog_pick(app, _("Export the register"), choices, 4, 0);
	char *dir;
	size_t cases = 0, rows[EXPORT_TABLE_COUNT] = { 0 };
	enum bitim_status st;

	if (pick < 0)
		return;
	if (!(dir = export_dir())) {
		app_message(app, MSG_ERROR, "%s", _("Cannot create the folder for documents"));
		return;
	}
	for (int t = 0; t < EXPORT_TABLE_COUNT; t++) {
		if (!export_table(app, dir, (enum export_table)t, encs[pick], delims[pick], &rows[t]))
			goto out;
	}
	cases = rows[EXPORT_CASES];
	if ((st = export_write_manifest(app->store, dir, rows)) != BITIM_OK) {
		app_status(app, st);
		goto out;
	}
	app_message(app, MSG_INFO, ngettext("Exported %zu case to %s", "Exported %zu cases to %s", cases), cases, dir);
out:
	free(dir);
}

void register_report(struct app *app)
{
	struct report r;
	char *text;
	enum bitim_status st = report_build(app->store, app->proc, NULL, NULL, today_get(), &r);

	if (st != BITIM_OK) {
		app_status(app, st);
		return;
	}
	text = report_text(&r);
	report_free(&r);
	if (text)
		dialog_text(app, _("Report: all cases"), text);
	free(text);
}
