#! Letter that mediation was not started: the offer was refused or not answered (Law "On Mediation",
#! Art. 20 pp.5-6), or the dispute may not be mediated (Art. 1). This is no termination (Art. 26). Format: README.
# LETTER: MEDIATION NOT STARTED
# No. {number}

{office.village?}, {case.terminated_on}

{if case.regime=civil_court|admin_court}
To the court: {case.court_name}, case No. {case.court_case_no}.
{end}
{if case.regime=criminal}
To the body conducting the criminal process: {case.crim_body}, criminal case No. {case.crim_case_no}.
{end}
{if case.regime=administrative}
To the body conducting the administrative-offence case: {case.adm_authority} ({case.adm_article}).
{end}
{if case.regime=enforcement}
To the bailiff: {case.enf_bailiff?}, enforcement proceedings No. {case.enf_no}.
{end}
{if case.regime=out_of_court|""}
To the parties to the dispute (conflict).
{end}

## The parties
{each party}
- {party.full_name}
{end}

## Subject of the dispute (conflict)
{case.subject}

## Why mediation did not start
{if case.termination_ground=offer_rejected}
The offer of mediation was refused on {case.terminated_on}. No agreement on mediation was concluded, so mediation did not start (Law, Art. 20 p.5).
{end}
{if case.termination_ground=offer_unanswered}
The written offer of mediation sent on {case.offer_sent_on} was not accepted within ten calendar days or the other period it stated, and is deemed rejected (Law, Art. 20 p.6). No agreement on mediation was concluded; mediation did not start (Law, Art. 20 p.5).
{end}
{if case.termination_ground=refused_at_intake}
The dispute (conflict) may not be settled by mediation (Law, Art. 1). No agreement on mediation was concluded; mediation did not start.
{end}
{if case.termination_note}

Circumstances:\
{case.termination_note}
{end}
{if case.notice_sent_on}

This letter was sent on {case.notice_sent_on}.
{end}

The parties may go to court or settle the dispute (conflict) otherwise as the law provides.

## Signature of the mediator
{signatures mediator}
