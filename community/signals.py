"""Signals other apps plug into, so that a person's data export and account deletion
cover everything they wrote, wherever it lives.

`collect_user_data(sender, user)`: each receiver returns a dict `{section_name: data}`
with JSON-serialisable data; the export merges the sections.

`delete_user_content(sender, user, keep_anonymised)`: sent inside the deletion's
transaction, before the account is deleted. Receivers delete the user's posts, or,
when `keep_anonymised` is true, keep them detached from the person (author cleared,
shown as "Former member").
"""

from django.dispatch import Signal

collect_user_data = Signal()
delete_user_content = Signal()
