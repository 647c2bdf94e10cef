from django.contrib import admin

from mailing.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "purpose", "to", "subject", "attempts", "sent_at")
    list_filter = ("purpose", ("sent_at", admin.EmptyFieldListFilter))
    search_fields = ("to", "subject")
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]
