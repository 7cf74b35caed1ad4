"""What the accounts layer announces for the layers above it to act on.

`changed` is sent whenever people, roles or invitations change, with `organisation`,
`actor`, `summary` and `changes` ({field: [before, after]}). The audit trail, which lives with
assessments because most of what it records is about them, records it; accounts never import
upwards.
"""

from django.dispatch import Signal

changed = Signal()
