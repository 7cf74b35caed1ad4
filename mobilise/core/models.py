"""The base model every stored object of ours extends: a UUID and two timestamps."""

import uuid

from django.db import models


class BaseModel(models.Model):
    """Every stored object has a UUID id (the same in page URLs and the API) and timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
