#! The case card for the register. Format: README.
# CASE CARD
# No. {number}

- Office: {office.name}
- Date received: {case.received_on}
- Referred by: {case.referral_source}
- Kind of dispute: {case.category}
- Stage of the dispute: {case.regime}
{if case.village}
- Village or town: {case.village}
{end}
- Subject: {case.subject}
- Mediator: {mediator}
- Stage now: {stage}

## Parties
{each party}
- {party.full_name}{if party.kind=person}, IIN {party.iin?}{end}{if party.kind=organisation}, BIN {party.bin?}{end}
{end}

## Procedure
{if case.offer_sent_on}
- Offer sent: {case.offer_sent_on}
{end}
{if case.contract_on}
- Agreement on mediation: {case.contract_on}
{end}
{each session}
- Session {n}: {session.held_on}, {session.kind}
{end}
{if case.signed_on}
- Settlement agreement signed: {case.signed_on}
{end}
{if case.terminated_on}
- Terminated: {case.terminated_on}, {case.termination_ground?}
{end}
{each obligation}
- Obligation {n}, by {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.followup_result}
- Result of the follow-up: {case.followup_result}
{end}
