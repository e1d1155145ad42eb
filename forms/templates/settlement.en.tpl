#! Settlement agreement (Law "On Mediation", Art. 27). Format: README.
# SETTLEMENT AGREEMENT
# No. {number}

{case.settlement_place}, {case.signed_on}

## 1. The parties
{each party}
- {party.full_name}{if party.kind=person}, IIN {party.iin?}{end}{if party.kind=organisation}, BIN {party.bin?}{end}{if party.role=representative}, representative of {party.represents}, acting under {party.powers}{end}{if party.address}; address: {party.address}{end}
{end}

## 2. The mediator
{mediator}, {office.name}. The agreement on mediation was concluded on {case.contract_on}.

## 3. Subject of the dispute
{case.settlement_subject}

## 4. The parties agree
{each obligation}
{n}. {obligation.debtor} undertakes:\
{obligation.text}\
By {obligation.due_on}.{if obligation.manner} Manner: {obligation.manner}.{end}

{end}
## 5. Performance and its consequences
The parties perform this agreement voluntarily, in the manner and by the dates it sets.

{case.nonperformance}
{if case.settlement_terms}

## 6. Other terms
{case.settlement_terms}
{end}
{if case.copies}

Made in {case.copies} copies of equal force.
{end}

## Signatures
{signatures}
