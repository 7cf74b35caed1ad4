"""The forms for adding evidence behind an agreed rating, and for changing it."""

from django import forms

from mobilise.assessments.models import (
    COMMENT_MAX_LENGTH,
    EVIDENCE_TITLE_MAX,
    EVIDENCE_URL_MAX,
    EvidenceKind,
)
from mobilise.core.forms import SplitDateField


class EvidenceChangeForm(forms.Form):
    """Title, words or link, and the date described: what can change once added."""

    title = forms.CharField(
        label="Title (optional)",
        required=False,
        max_length=EVIDENCE_TITLE_MAX,
        error_messages={
            "max_length": f"The title must be {EVIDENCE_TITLE_MAX} characters or fewer"
        },
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": f"The note must be {COMMENT_MAX_LENGTH:,} characters or fewer"
        },
    )
    url = forms.CharField(
        label="Link",
        required=False,
        max_length=EVIDENCE_URL_MAX,
        error_messages={"max_length": f"The link must be {EVIDENCE_URL_MAX} characters or fewer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Declared here so that its label leads the messages ("Enter the date it describes").
        self.fields["describes_on"] = SplitDateField(label="Date it describes")


class EvidenceForm(EvidenceChangeForm):
    """A note, a link or a file; the service checks what each kind needs."""

    kind = forms.ChoiceField(
        label="What kind of evidence?",
        choices=EvidenceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a note, a link or a file"},
    )
    file = forms.FileField(
        label="File",
        required=False,
        error_messages={"empty": "The selected file is empty"},
    )

    field_order = ["kind", "title", "note", "url", "file", "describes_on"]
