#! Settlement agreement reached in mediation (Law "On Mediation", Art. 27; Civil Procedure
#! Code Arts. 176, 177, 179, 180; Administrative Offences Code Art. 64; Marriage and Family Code Art. 158). Format: README.
# AGREEMENT ON THE SETTLEMENT OF THE DISPUTE (CONFLICT) BY MEDIATION
# No. {number}

{case.settlement_place}, {case.signed_on}

## 1. The parties
{each party where party.role=party}
- {party.full_name}{if party.kind=person}, IIN {party.iin?}{end}{if party.kind=organisation}, BIN {party.bin?}{end}{if party.proc_role=victim}, victim{end}{if party.proc_role=suspect}, suspect{end}{if party.proc_role=accused}, accused{end}{if party.proc_role=offender}, person brought to administrative liability{end}{if party.minor=yes}, a minor, with: {party.minor_companion}{end}; address: {party.address?}
{end}
{each party where party.role=representative}
- {party.full_name}{if party.iin}, IIN {party.iin}{end}, representative of the party {party.represents}{if party.position}, {party.position}{end}, acting under: {party.powers}
{end}

## 2. The mediator
{mediator}{if case.mediator_kind=professional}, professional mediator; organisation of mediators: {case.mediator_org}; certificate: {case.mediator_cert}{end}{if case.mediator_kind=public}, public mediator; entry in the register of public mediators: {case.mediator_register}{end}. The agreement on mediation was concluded on {case.contract_on}.

## 3. Subject of the dispute (conflict)
{case.settlement_subject}
{if case.regime=civil_court|admin_court}

The case is before the court: {case.court_name}, case No. {case.court_case_no}.
{end}
{if case.regime=criminal}

Criminal case No. {case.crim_case_no} ({case.crim_article}) is conducted by: {case.crim_body}.
{end}
{if case.regime=administrative}

The administrative-offence case ({case.adm_article}) is conducted by: {case.adm_authority}.
{end}
{if case.regime=enforcement}

This agreement is concluded at the stage of enforcement, enforcement proceedings No. {case.enf_no}.
{end}

## 4. Obligations of the parties
{each obligation}
{n}. {obligation.debtor} undertakes:\
{obligation.text}\
Manner of performance: {obligation.manner}. Term: by {obligation.due_on}.

{end}
{if case.regime=criminal}
## Reparation of harm and reconciliation
The person who committed the criminal offence repairs the harm caused to the victim: {case.harm_repaired}. The victim and that person reconcile (Law, Art. 27 p.6; Criminal Code Art. 68). This agreement takes effect on the day the parties sign it and is sent at once to the body conducting the criminal process (Art. 27 pp.7, 8).

{end}
{if case.regime=administrative}
## Reconciliation
The victim and the person brought to administrative liability reconcile; this agreement is their written reconciliation (Law, Art. 27 p.6; Administrative Offences Code Art. 64 part 2). The harm is repaired: {case.harm_repaired}. The parties send this agreement at once to the body conducting the administrative-offence case (Law, Art. 24 p.6).

{end}
{if case.alimony=yes}
## Alimony
{case.alimony_terms}

This agreement is an agreement on the payment of alimony in the form of a settlement agreement made by a mediator (Marriage and Family Code Art. 158).

{end}
{if case.child_danger=yes}
## The child's interests
The mediator reported the facts that endanger a child to the body protecting the rights of the child: {case.child_report_to}, {case.child_report_on} (Art. 25 p.3).

{end}
{if case.property_divided=yes}
## Property
{case.property_data}

This agreement is the ground for the state registration of rights to real estate and/or of a pledge of movable property (Art. 27 p.7-1).

{end}
## 5. Performance and the consequences of non-performance
The parties perform this agreement voluntarily, in its manner and terms (Art. 27 p.3).

Consequences of non-performance or improper performance:\
{case.nonperformance}

If a party evades performance, the interested party may go to court under the procedural law of the Republic of Kazakhstan (Art. 27 p.9).
{if case.court_order_clause=yes}

The parties agree that, if this agreement is not performed, the interested party may apply to the court for a court order (Civil Procedure Code Art. 135 sub-item 3).
{end}
{if case.regime=civil_court|admin_court|enforcement}

Once approved by the court, this agreement is performed as an amicable settlement; if it is not performed voluntarily, it is enforced by a writ of execution (Civil Procedure Code Art. 178; Art. 180 part 4).
{end}
{if case.regime=civil_court|admin_court}

## 6. Request to the court
The parties ask the court to approve this agreement and to end the proceedings in case No. {case.court_case_no} (Civil Procedure Code Arts. 177, 180). The state duty paid by the claimant is refunded from the budget (Civil Procedure Code Art. 177 part 5(4); Law, Art. 27 p.5).
{if case.court_costs}

The court costs are shared as follows:\
{case.court_costs}
{end}
{if case.court_costs=""}

The parties consider the court costs mutually extinguished (Civil Procedure Code Art. 176 part 4).
{end}

This agreement contains no suspensive condition (Civil Procedure Code Art. 176 part 3).
{end}
{if case.regime=enforcement}

## 6. Request to the court
The parties submit this agreement for approval to: {case.enf_court} (Law, Art. 25-1 p.2; Civil Procedure Code Art. 179 part 8). Once it is presented to the bailiff, the enforcement proceedings end (Art. 25-1 p.3). This agreement contains no suspensive condition (Civil Procedure Code Art. 176 part 3).
{end}
{if case.settlement_terms}

## Other terms
{case.settlement_terms}
{end}

## Signing
{if case.settlement_signed_how=paper}
The parties and the mediator signed this agreement by hand.
{end}
{if case.settlement_signed_how=email}
The parties and the mediator exchanged signed digital copies of this agreement by e-mail; it has legal force without the originals being given to each other (Art. 27 p.1).
{end}
{if case.settlement_signed_how=eds}
The parties signed this agreement with electronic digital signatures (Art. 18 p.3).
{end}
{if case.copies}
Made in {case.copies} copies of equal legal force.
{end}

## Signatures of the parties and the mediator
{signatures}
