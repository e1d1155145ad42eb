/* The procedure as data: stages, forms, fields, choices and guards, loaded
 * from the forms/ folder (format in forms/README). */
#ifndef BITIM_FORM_H
#define BITIM_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include "bitim/status.h"

/* Where a value lives: the case itself or a row of a repeatable group. */
enum entity {
	ENTITY_CASE,
	ENTITY_PARTY,
	ENTITY_SESSION,
	ENTITY_OBLIGATION,
	ENTITY_COUNT
};

enum field_type {
	FIELD_TEXT,      /* one line */
	FIELD_MULTILINE, /* several lines */
	FIELD_DATE,      /* stored ISO 8601, typed DD.MM.YYYY */
	FIELD_INT,       /* whole number within min..max */
	FIELD_CHOICE,    /* one of a choice list */
	FIELD_YESNO,     /* the built-in choice list yes/no */
	FIELD_IIN,
	FIELD_BIN,
	FIELD_PHONE,
	FIELD_TYPE_COUNT
};

enum cmp_op { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

struct choice_item {
	char *code;  /* stored value; owned */
	char *label; /* English msgid; owned */
};

struct choice_list {
	char *name; /* owned */
	struct choice_item *items; /* owned array */
	size_t count;
};

/* A condition "FIELD OP VALUE|VALUE..." (VALUE may be empty: ""). */
struct condition {
	char *field;   /* "case.regime" or "party.kind"; owned; NULL = always */
	enum cmp_op op; /* CMP_EQ or CMP_NE */
	char **values; /* owned array of owned strings */
	size_t nvalues;
};

struct field_def {
	char *key;          /* "case.received_on", "party.iin"; owned */
	enum entity entity;
	const char *name;   /* points into key, after the dot */
	enum field_type type;
	bool required;
	bool confidential;  /* kept out of exports and documents unless asked */
	char *label;        /* English msgid; owned */
	char *help;         /* English msgid or NULL; owned */
	char *law;          /* legal basis or NULL; owned */
	const struct choice_list *choices; /* for FIELD_CHOICE/FIELD_YESNO; borrowed */
	long min, max;      /* for FIELD_INT */
	bool not_future;    /* FIELD_DATE with max=today: no date after today */
	char *from_iin;     /* FIELD_YESNO with from_iin=: the key of the IIN field of the
	                     * same row that answers "is a minor" (its birth date); owned */
	struct condition when; /* shown and required only when it holds */
	int stage;          /* index of the stage whose form holds it */
	char *section;      /* heading above the field, or NULL; owned */
	char *file;         /* where it was defined; owned */
	int line;
};

/* One operand of a date expression: a field (with an optional default), or days. */
struct operand {
	char *field;  /* owned, NULL for a plain number */
	long number;  /* the days, or the default when the field is empty */
	bool has_default;
};

enum guard_kind {
	GUARD_COMPARE, /* FIELD OP OPERAND [+ OPERAND]... */
	GUARD_COUNT,   /* count GROUP OP N */
	GUARD_EACH     /* each GROUP.FIELD OP VALUE: for every live row */
};

struct guard {
	enum guard_kind kind;
	char *field;          /* left side (field key, or the group for count); owned */
	enum cmp_op op;
	struct operand *rhs;  /* owned array */
	size_t nrhs;
	char *literal;        /* a right side that is a word or a value; owned */
	char *message;        /* English msgid shown when the guard fails; owned */
	bool warn;            /* a warning: the user may go on after confirming */
	struct condition *when; /* checked only when all of these hold; owned array */
	size_t nwhen;
	char *file;
	int line;
};

/* A date the case must meet while in a stage. */
struct deadline_def {
	char *label;          /* English msgid; owned */
	struct operand *expr; /* first is a date field, the rest add days; owned */
	size_t nexpr;
	struct condition unless; /* for a group field: rows where this holds are done */
};

struct stage_def {
	char *name;     /* owned */
	char *label;    /* English msgid; owned */
	char *short_label; /* a shorter msgid for narrow columns, or NULL; owned */
	char *law;      /* what the law requires now; English msgid; owned */
	char *trainee;  /* an explanation for trainees; English msgid or NULL; owned */
	char *form;     /* file name of its form, or NULL; owned */
	char *next;     /* name of the next stage, NULL for a final stage; owned */
	int next_index; /* resolved after loading; -1 if none */
	char *outcome;  /* set on the case when it enters this stage, or NULL; owned */
	bool final;
	bool terminable; /* the case may be terminated from this stage */
	bool freeze;     /* its fields are frozen once the case has left it */
	struct guard *guards; /* owned array */
	size_t nguards;
	struct deadline_def *deadlines; /* owned array */
	size_t ndeadlines;
};

struct group_def {
	enum entity entity;
	char *label;  /* "Parties"; owned */
	char *item;   /* "Party"; owned */
};

struct procedure {
	struct stage_def *stages; size_t nstages;   /* owned */
	struct field_def *fields; size_t nfields;   /* owned, in form order */
	struct choice_list *choices; size_t nchoices; /* owned */
	struct group_def groups[ENTITY_COUNT];
	int termination_stage; /* index of the stage termination leads to, -1 if none */
	char *dir;             /* folder it was loaded from; owned */
};

/* An error found while loading, with where it is. */
struct form_error {
	char file[256];
	int line;       /* 0 when the error is about the whole file */
	char message[512]; /* translated */
};

/* Load procedure.def, choices.def and every form it names from dir.
 * On an error returns BITIM_ERR_FORMS (or ERR_NOMEM/ERR_IO) and fills err. */
enum bitim_status procedure_load(const char *dir, struct procedure **out, struct form_error *err);
void procedure_free(struct procedure *p);

/* Look-ups. Return NULL / -1 when there is no such thing. */
const struct field_def *procedure_field(const struct procedure *p, const char *key);
/* The field of entity e with this name (a column of its register table). */
const struct field_def *procedure_entity_field(const struct procedure *p, enum entity e, const char *name);
int procedure_stage_index(const struct procedure *p, const char *name);
const struct choice_list *procedure_choices(const struct procedure *p, const char *name);
const char *choice_label(const struct choice_list *list, const char *code);

/* Entity names as written in forms ("case", "party", ...). */
const char *entity_name(enum entity e);
int entity_from_name(const char *name, size_t len);

/* Check and normalise what a user typed for a field: on success *out is the
 * value to store (malloc'd; NULL when the input is blank, meaning "clear",
 * also for required fields: they are checked when the stage is completed);
 * returns NULL, else an untranslated msgid naming the problem. */
const char *field_normalize(const struct field_def *f, const char *input, char **out);

/* The text a user sees for a stored value (a choice's label untranslated,
 * a date as DD.MM.YYYY). Writes into buf and returns it. */
const char *field_display(const struct field_def *f, const char *stored, char *buf, size_t size);

#endif
