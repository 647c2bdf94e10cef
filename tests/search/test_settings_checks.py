from django.test import override_settings

from search.checks import check_search_settings


def test_the_search_settings_pass_their_check():
    assert check_search_settings(None) == []


@override_settings(SEARCH_ENGINE="solr", SEARCH_TIMEOUT=0)
def test_an_unknown_engine_or_no_timeout_is_an_error():
    ids = [problem.id for problem in check_search_settings(None)]
    assert ids == ["practice_search.E001", "practice_search.E002"]
