"""The exchange's part in a person's data export and account deletion
(`community.exchange.privacy`), connected to the members app's signals when
`ExchangeConfig.ready` imports this module."""

from typing import Any

from django.dispatch import receiver

from community.exchange.privacy import export_exchange_data, remove_exchange_content
from community.signals import collect_user_data, delete_user_content


@receiver(collect_user_data, dispatch_uid="exchange_data")
def collect_exchange_data(sender, user, **kwargs) -> dict[str, Any]:
    return export_exchange_data(user)


@receiver(delete_user_content, dispatch_uid="exchange_delete")
def delete_exchange_content(sender, user, keep_anonymised: bool, **kwargs) -> None:
    remove_exchange_content(user, keep_anonymised)
