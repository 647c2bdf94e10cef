"""Settings of search, each with its default (allauth's app_settings pattern), read at
use time so tests can override them. Set them in the Django settings (and the
environment, see the README) as `SEARCH_<NAME>`."""

from learning_processes.app_settings_base import BaseAppSettings


class AppSettings(BaseAppSettings):
    prefix = "SEARCH_"

    @property
    def ENGINE(self) -> str:
        """ "database" (the embedded default), "opensearch" or "elasticsearch"."""
        return self._setting("ENGINE", "database")

    @property
    def URL(self) -> str:
        return self._setting("URL", "http://127.0.0.1:9200")

    @property
    def INDEX_PREFIX(self) -> str:
        """The start of every index name and of the content alias."""
        return self._setting("INDEX_PREFIX", "cc")

    @property
    def TIMEOUT(self) -> float:
        """Seconds a request to the engine may take."""
        return self._setting("TIMEOUT", 5.0)


app_settings = AppSettings()
