#! Notice of termination of the mediation procedure (Law "On Mediation", Art. 26 as amended by Law No. 84-VII;
#! Art. 10 p.1(3) and p.2(5); Art. 23 p.4; Art. 24 p.6). Format: README.
# NOTICE OF TERMINATION OF THE MEDIATION PROCEDURE
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
{if case.regime=out_of_court}
To the parties to the mediation.
{end}

## The parties
{each party}
- {party.full_name}{if party.role=representative}, representative of the party {party.represents}{end}
{end}

## The mediator
{mediator}, {office.name}

## The agreement on mediation
The agreement on mediation was concluded on {case.contract_on}. Subject of the dispute (conflict): {case.subject}

## Ground of termination
{if case.termination_ground=no_settlement}
Mediation was terminated on {case.terminated_on} because the mediator found circumstances that exclude settling the dispute (conflict) by mediation (Law, Art. 26 p.1(2)).
{end}
{if case.termination_ground=parties_refused}
Mediation was terminated on {case.terminated_on}, the day the written refusal of the party (parties) was signed (Law, Art. 26 p.1(3)).
{end}
{if case.termination_ground=party_refused}
Mediation was terminated on {case.terminated_on}, when one party's written refusal to continue was notified by any available means (Law, Art. 26 p.1(4)).
{end}
{if case.termination_ground=term_expired}
Mediation was terminated on {case.terminated_on} because its term expired (Law, Art. 26 p.1(5); Arts. 23, 24).
{end}
{if case.termination_ground=mediator_withdrew}
Mediation was terminated on {case.terminated_on}: the mediator withdrew because further efforts would not settle the dispute (conflict) between the parties (Law, Art. 10 p.1(3)).
{end}
{if case.termination_ground=ended_by_consent}
Mediation was terminated on {case.terminated_on} by the mediator with the parties' consent given in writing (Law, Art. 10 p.1(3)).
{end}
{if case.termination_ground=conflict_of_interest}
Mediation was terminated on {case.terminated_on} by the mediator because of a conflict between the mediator's personal interests and duties that may affect impartiality and independence (Law, Art. 10 p.2(5)).
{end}
{if case.termination_note}

Circumstances:\
{case.termination_note}
{end}
{if case.notice_requested=yes}

This notice is issued on a party's request (Law, Art. 26 p.2).
{end}
{if case.notice_sent_on}

This notice was sent on {case.notice_sent_on} (Law, Art. 23 p.4; Art. 24 p.6).
{end}

Termination does not take away the parties' right to go to court or to settle the dispute (conflict) otherwise. What was learned in mediation stays confidential (Law, Art. 8).

## Signature of the mediator
{signatures mediator}
