import datetime as dt

from django.contrib import admin

from mailing.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "purpose", "to", "subject", "attempts", "sent_at")
    list_filter = ("purpose", ("processed_at", admin.EmptyFieldListFilter))
    search_fields = ("to", "subject")
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]

    @admin.display(description="sent at", ordering="processed_at")
    def sent_at(self, email: OutgoingEmail) -> dt.datetime | None:
        return email.processed_at
