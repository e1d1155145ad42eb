#! Agreement on mediation (Law "On Mediation", Art. 21 as amended by Law No. 84-VII). Format: README.
#! Each of the fourteen essential terms of Art. 21 p.2 is marked by a line
#! "#! Art. 21 p.2(N)"; bitim check refuses a template that can leave one out.
# AGREEMENT ON MEDIATION
# No. {number}

#! Art. 21 p.2(1)
{case.contract_place}, {case.contract_on}

The parties named in section 1 and the mediator {mediator} have concluded this agreement on mediation under the Law of the Republic of Kazakhstan "On Mediation".

#! Art. 21 p.2(2)
## 1. The parties and their details
#! Art. 21 p.2(9)
{each party where party.role=party}
- {party.full_name}{if party.kind=person}, IIN {party.iin}{end}{if party.kind=organisation}, BIN {party.bin}{end}{if party.minor=yes}, a minor, with: {party.minor_companion} (Art. 24 p.3){end}; address: {party.address}; phone: {party.phone}
{end}
{each party where party.role=representative}
- {party.full_name}{if party.iin}, IIN {party.iin}{end}, representative of the party {party.represents}{if party.position}, {party.position}{end}, acting under: {party.powers}
{end}

#! Art. 21 p.2(3)
## 2. Subject of the dispute (conflict)
{case.subject}
{if case.regime=civil_court|admin_court}

The dispute is before the court: {case.court_name}, case No. {case.court_case_no}. This agreement is the ground for staying the proceedings (Law, Art. 23 p.3; Civil Procedure Code Art. 179 part 5).
{end}
{if case.regime=criminal}

Criminal case No. {case.crim_case_no} is conducted by: {case.crim_body}. This agreement does not stay the criminal proceedings (Art. 24 p.1).
{end}
{if case.regime=administrative}

The administrative-offence case ({case.adm_article}) is conducted by: {case.adm_authority}.
{end}
{if case.regime=enforcement}

Enforcement proceedings No. {case.enf_no}. This agreement, presented to the bailiff, suspends the enforcement proceedings for up to thirty calendar days (Art. 25-1 p.1).
{end}

#! Art. 21 p.2(4)
## 3. The mediator
{mediator}{if case.mediator_kind=professional}, professional mediator; organisation of mediators: {case.mediator_org}; certificate: {case.mediator_cert}{end}{if case.mediator_kind=public}, public mediator; entry in the register of public mediators: {case.mediator_register}{end}.

The mediator is independent and impartial and may not give any party legal, consulting or other assistance (Art. 7; Art. 10 p.3).

#! Art. 21 p.2(5)
## 4. Costs and the mediator's fee
{if case.mediator_kind=public}
A public mediator works gratuitously (Art. 22 p.6).
{end}
{if case.mediator_kind=professional}
The mediator's fee: {case.fee} (Art. 22 p.3).
{end}
{if case.costs=free}
The mediator claims no expenses of the mediation.
{end}
{if case.costs=equal}
The parties bear the expenses of the mediation ({case.costs_note}) in equal shares (Art. 22 p.4).
{end}
{if case.costs=other}
The parties bear the expenses of the mediation as follows: {case.costs_note} (Art. 22 p.4).
{end}

#! Art. 21 p.2(6)
## 5. Language of mediation
{if case.language=kk}
Mediation is conducted in Kazakh.
{end}
{if case.language=ru}
Mediation is conducted in Russian.
{end}
{if case.language=en}
Mediation is conducted in English.
{end}
{if case.language=kk_ru}
Mediation is conducted in Kazakh and Russian.
{end}

#! Art. 21 p.2(7)
## 6. Confidentiality
The parties undertake not to disclose what they learn in mediation without the written permission of the party who provided it. The mediator may not be questioned as a witness about it, save where the law provides (Art. 8). Disclosure carries the liability set by the laws of the Republic of Kazakhstan (Art. 8 p.3).

#! Art. 21 p.2(8)
## 7. The mediator's liability
{if case.liability=law}
The mediator is liable for acts or omissions that cause damage (losses) to the parties on the grounds and to the extent provided by the laws of the Republic of Kazakhstan (Art. 10 p.4).
{end}
{if case.liability=agreed}
The mediator is liable for acts or omissions that cause damage (losses) to the parties on these grounds and to this extent: {case.liability_note}.
{end}

#! Art. 21 p.2(10)
## 8. Term of mediation
{if case.regime=out_of_court|civil_court|admin_court|enforcement}
Mediation starts on the day this agreement is concluded and must end within thirty calendar days. By the parties' mutual decision the term may be extended by up to thirty calendar days, sixty in total (Art. 23 p.1).
{end}
{if case.regime=civil_court|admin_court}
The parties extend the term by a joint written notice to the court (Art. 23 p.2).
{end}
{if case.regime=criminal|administrative}
Mediation starts on the day this agreement is concluded and is carried out within the procedural terms of the case, no later than {case.case_term_until} (Art. 24 p.4).
{end}

#! Art. 21 p.2(11)
## 9. Procedure of mediation
{if case.procedure_rules=law}
Mediation is conducted as this agreement and the Law set: joint and separate meetings of the parties with the mediator, phone conversations, video or the exchange of electronic messages (Art. 17 p.1). The parties choose the place; the mediator sets the date and time with their consent.
{end}
{if case.procedure_rules=org_rules}
Mediation is conducted by the rules of the organisation of mediators, applied with the parties' consent (Art. 17 p.2). The parties choose the place; the mediator sets the date and time with their consent.
{end}

#! Art. 21 p.2(12)
## 10. Rights and duties of the participants
The parties take part voluntarily and as equals; each may leave mediation at any time, take part in person or through a representative, and invite experts, specialists and interpreters (Arts. 5, 11). The parties must perform the agreement they reach in its manner and terms. The mediator may hold joint and separate meetings; must act only with the parties' consent, help them exchange documents and information, and end mediation on a conflict of interest (Art. 10). Before this agreement the mediator explained the goals, principles and procedure of mediation, the parties' rights and duties, the procedure and legal consequences of a settlement agreement, and told them of the mediator's professional experience (Art. 10 p.2).

#! Art. 21 p.2(13)
## 11. Procedure and grounds of termination
Mediation ends: when the settlement agreement is signed, from the day of signing; when the mediator finds circumstances that exclude settling the dispute (conflict) by mediation; on the written refusal of the party (parties), from the day it is signed; on one party's written refusal to continue, from its notice by any available means; when the term expires (Art. 26 p.1). The mediator may withdraw or end mediation with the parties' written consent (Art. 10 p.1(3)) and must end it on a conflict of interest (Art. 10 p.2(5)). On a party's request the mediator issues a notice of termination of the mediation procedure stating the reason (Art. 26 p.2).
{if case.regime=civil_court|admin_court|criminal|administrative}

When mediation ends, the parties at once send the court or the body conducting the case the settlement agreement, or a written notice of termination stating its ground (Art. 23 p.4; Art. 24 p.6).
{end}

#! Art. 21 p.2(14)
## 12. Other terms
{if case.contract_terms}
{case.contract_terms}
{end}
{if case.contract_terms=""}
The parties and the mediator set no other terms.
{end}
{if case.contract_signed_how=email}

The parties and the mediator exchanged signed digital copies of this agreement by e-mail; the originals are given on the request of a party or the mediator (Art. 21 p.1).
{end}

## Signatures of the parties and the mediator
{signatures}
