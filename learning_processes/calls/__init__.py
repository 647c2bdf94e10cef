"""The annual call for topic proposals: the calls, the applicants' proposals and their
review by Connective Cities staff.

Models (`models.py`) belong to the `learning_processes` app and are imported by
`learning_processes.models`, so their app label and import path stay those of the app.
`actions.py` changes state, `selectors.py` reads, `permissions.py` says who reviews and
decides; `views.py` and `urls.py` are the applicant's pages under /proposals/,
`wagtail_hooks.py` the review in the admin.
"""
