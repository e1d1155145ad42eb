#! The case card for the register. Format: README.
# CASE CARD
# No. {number}

- Office: {office.name}
- Date received: {case.received_on}
- Referred by: {case.referral_source}
- Kind of dispute: {case.category}
- Stage of the dispute: {case.regime?}
{if case.village}
- Village or town: {case.village}
{end}
- Subject: {case.subject}
- Mediator: {mediator}
- Stage now: {stage}
{if case.child_report_on}
- Reported to the child-protection body: {case.child_report_on}
{end}
{if case.previous_mediator}
- Previous mediator: {case.previous_mediator}{if case.mediator_changed_on}, changed {case.mediator_changed_on}{end}
{end}

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
- Terminated or not started: {case.terminated_on}, {case.termination_ground?}
{end}
{if case.notice_sent_on}
- Notice sent: {case.notice_sent_on}
{end}
{each obligation}
- Obligation {n}, by {obligation.due_on}{if obligation.status}: {obligation.status}{end}
{end}
{if case.court_notified_on}
- Agreement sent to the court, body or bailiff: {case.court_notified_on}
{end}
{if case.court_ruling}
- The court's ruling: {case.court_ruling}{if case.court_ruling_on}, {case.court_ruling_on}{end}
{end}
{if case.case_result}
- Decision of the body conducting the case: {case.case_result}{if case.case_result_on}, {case.case_result_on}{end}
{end}
{if case.enf_ended_on}
- Enforcement proceedings ended: {case.enf_ended_on}
{end}
{if case.followup_result}
- Result of the follow-up: {case.followup_result}
{end}
