#! Minutes of the sessions. Confidential notes only when asked for. Format: README.
# MINUTES OF MEDIATION SESSIONS
# No. {number}

Subject of the dispute: {case.subject}\
Mediator: {mediator}

{each session}
## Session {n}: {session.held_on}
- Kind: {session.kind}{if session.kind=caucus}, with {session.with_party}{end}
- How it was held: {session.mode}
{if session.place}
- Place: {session.place}
{end}
{if session.duration_min}
- Duration, minutes: {session.duration_min}
{end}
{if session.participants}
- Others present: {session.participants}
{end}
{if session.summary}

{session.summary}
{end}
{if session.notes}

Confidential notes: {session.notes}
{end}

{end}
## Signature
{signatures mediator}
