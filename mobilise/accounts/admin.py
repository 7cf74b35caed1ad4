"""The Django admin for organisations, people and tokens (platform staff only)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mobilise.accounts.models import ApiToken, Membership, Organisation, Unit, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class MobiliseUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made with `create_api_token`; here they can be seen and revoked."""

    list_display = ["prefix", "name", "user", "organisation", "expires_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "user", "organisation", "last_used_at", "expires_at"]
    fields = [*readonly_fields, "name", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False
