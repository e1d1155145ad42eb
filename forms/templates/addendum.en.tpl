#! Addendum to the signed settlement agreement. Format: README.
# ADDENDUM No. {case.addendum_no}
# to the settlement agreement No. {number} of {case.signed_on}

{case.addendum_place}, {case.addendum_on}

The parties to the settlement agreement No. {number}, signed on {case.signed_on} (SHA-256 {signed_fingerprint}), and the mediator {mediator} agree to change it as follows. The agreement stays in force in everything this addendum does not change.

## The change
{case.addendum_text}

## The parties
{each party}
- {party.full_name}{if party.kind=person}, IIN {party.iin?}{end}{if party.kind=organisation}, BIN {party.bin?}{end}
{end}

## Signatures
{signatures}
