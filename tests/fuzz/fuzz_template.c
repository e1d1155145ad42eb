/* Fuzzing the document templates: any text as a template, expanded against
 * a small case, then laid out as text and as HTML. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/doc.h"
#include "../../src/core/doc_layout.h"
#include "../../src/core/template.h"
#include <unistd.h>
#include "fuzz.h"

static struct procedure *proc;
static struct case_data *cd;
static char path[4096];

static int setup(void)
{
	struct form_error err;

	if (proc)
		return 0;
	if (procedure_load(getenv("BITIM_FORMS") ? getenv("BITIM_FORMS") : "forms", &proc, &err) != BITIM_OK)
		return -1;
	cd = casedata_new();
	casedata_set_identity(cd, 1, "u", "KRG-2026-0001", "sessions");
	casedata_set(cd, ENTITY_CASE, 0, "subject", "Шекара <&> \"x\"");
	casedata_set(cd, ENTITY_CASE, 0, "received_on", "2026-03-02");
	casedata_set(cd, ENTITY_CASE, 0, "category", "family");
	int r = casedata_add_row(cd, ENTITY_PARTY, "p1");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "full_name", "Қайрат Сейітов");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "kind", "person");
	snprintf(path, sizeof path, "%s/bitim-fuzz-%d.tpl", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template_data td = { 0 };
	struct blocks b;
	char err[512];
	FILE *fp;

	if (setup() < 0 || !(fp = fopen(path, "wb")))
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	td.p = proc;
	td.cd = cd;
	td.mediator = "Бақыт Омарова";
	if (template_expand(path, &td, &b, err, sizeof err) == BITIM_OK) {
		char *text = layout_text_body(&b, NULL), *paged = NULL;
		free(layout_text_body(&b, &b)); /* a bilingual paper of a parallel pair */
		if (text) {
			char fp_hex[DOC_FINGERPRINT_BUF];
			doc_fingerprint(text, strlen(text), fp_hex);
			paged = layout_text_pages(text, "KRG-2026-0001", fp_hex, "01.01.2026");
			char *back = paged ? doc_strip_footers(paged, strlen(paged)) : NULL;
			if (back && strcmp(back, text) != 0)
				abort(); /* footers must come off exactly */
			free(back);
		}
		free(paged);
		free(text);
		char *html = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&html, &len);
		if (out) {
			layout_html_blocks(out, &b, NULL);
			layout_html_blocks(out, &b, &b);
			fclose(out);
		}
		free(html);
		blocks_free(&b);
	}
	free(td.missing);
	remove(path);
	return 0;
}
