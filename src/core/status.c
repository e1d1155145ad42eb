/* Messages for the core's status codes. */
#include <config.h>
#include "bitim/i18n.h"
#include "bitim/status.h"

static const char *const messages[] = {
#define BITIM_STATUS_MSG(name, msg) N_(msg),
	BITIM_STATUS_LIST(BITIM_STATUS_MSG)
#undef BITIM_STATUS_MSG
};

static const char *const names[] = {
#define BITIM_STATUS_NAME(name, msg) #name,
	BITIM_STATUS_LIST(BITIM_STATUS_NAME)
#undef BITIM_STATUS_NAME
};

const char *bitim_strerror(enum bitim_status status)
{
	if ((unsigned)status >= sizeof messages / sizeof messages[0])
		return _("Unknown error");
	return _(messages[status]);
}

const char *bitim_status_name(enum bitim_status status)
{
	if ((unsigned)status >= sizeof names / sizeof names[0])
		return "UNKNOWN";
	return names[status];
}
