"""Django admin for the org tree, memberships and API tokens."""

from __future__ import annotations

from django.contrib import admin

from jixiao.web.orgs.models import ApiToken, Membership, Org, OrgChange


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(Org)
class OrgAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "org", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "org__name")
    autocomplete_fields = ("user", "org")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created", "last_used")
    readonly_fields = ("prefix", "created", "last_used")
    search_fields = ("user__username",)


@admin.register(OrgChange)
class OrgChangeAdmin(admin.ModelAdmin):
    """Read-only: a record of who changed the org tree, accounts, roles and tokens."""

    list_display = ("at", "actor_name", "action", "target", "via")
    list_filter = ("action",)
    search_fields = ("actor_name", "target")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
