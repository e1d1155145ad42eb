#! Agreement on mediation (Law "On Mediation", Art. 21). Format: README.
# AGREEMENT ON MEDIATION
# No. {number}

{case.contract_place}, {case.contract_on}

The parties named below and the mediator {mediator} have concluded this agreement on mediation under the Law of the Republic of Kazakhstan "On Mediation".

## 1. The parties
{each party}
- {party.full_name}{if party.kind=person}, IIN {party.iin?}{end}{if party.kind=organisation}, BIN {party.bin?}{end}{if party.role=representative}, representative of {party.represents}, acting under {party.powers}{end}{if party.address}; address: {party.address}{end}{if party.phone}; phone: {party.phone}{end}
{end}

## 2. Subject of the dispute
{case.subject}

## 3. The mediator
{mediator}, {office.name}.
The mediator acts impartially and independently, gives no legal advice to either party, and withdraws if circumstances impede impartiality (Arts. 7, 10).

## 4. Language, term and procedure
Mediation is conducted in this language: {case.language}.
Mediation starts on the day this agreement is concluded and ends within 30 calendar days. The parties may extend it by agreement by up to 30 calendar days more, 60 in total (Art. 23).
Sessions are joint or separate, in person or by phone, video or electronic messages; the place is chosen by the parties, the date and time are set by the mediator with their consent.

## 5. Costs
{case.costs}.{if case.costs=other} {case.costs_note}{end}
Costs are shared equally unless agreed otherwise (Art. 22).

## 6. Confidentiality
Everything learned in mediation is confidential. It may not be disclosed without the written consent of the party who provided it, and the mediator may not be questioned as a witness about it (Art. 8). Disclosure in breach of this undertaking carries liability under the law.

## 7. Rights and duties
The parties take part voluntarily and as equals; each may leave mediation at any time by written notice. The mediator explained the goals, principles and procedure of mediation, the rights and duties of the parties and of the mediator, and the procedure and legal consequences of a settlement agreement (Art. 10).

## 8. Termination
Mediation ends when a settlement agreement is signed; when the mediator finds that circumstances exclude settlement; on the written refusal of the parties or of one party; or when its term expires (Art. 26).
{if case.contract_terms}

## 9. Other terms
{case.contract_terms}
{end}

## Signatures
{signatures}
