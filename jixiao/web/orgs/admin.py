"""Django admin for the org tree, memberships and API tokens."""

from __future__ import annotations

from django.contrib import admin

from jixiao.web.orgs.models import ApiToken, Membership, Org


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
