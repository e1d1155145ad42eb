#! Record of termination of mediation (Law "On Mediation", Art. 26). Format: README.
# RECORD OF TERMINATION OF MEDIATION
# No. {number}

{office.village?}, {case.terminated_on}

## The parties
{each party}
- {party.full_name}
{end}

## The mediator
{mediator}, {office.name}

## Subject of the dispute
{case.subject}

## Ground
Mediation was terminated on {case.terminated_on} on this ground: {case.termination_ground}.
{if case.termination_note}

{case.termination_note}
{end}

Termination does not prevent the parties from going to court or settling the dispute otherwise. What was said in mediation stays confidential (Art. 8).

## Signature
{signatures mediator}
