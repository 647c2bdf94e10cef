"""What sign-up asks beyond allauth's own fields (ACCOUNT_SIGNUP_FORM_CLASS).

allauth builds its sign-up form on top of this class, so the fields here appear
on the one sign-up page, before the e-mail address and password; `signup()` is
allauth's hook, called once the account exists."""

from django import forms
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from learning_processes.usertext import CleanCharField


class SignupForm(forms.Form):
    field_order = ["display_name", "email", "password1", "password2"]

    display_name = CleanCharField(
        label=_("Name"),
        max_length=80,
        help_text=_("Other members see this name, e.g. Amina Osei."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        from community.members.actions import do_name_profile

        do_name_profile(user, name=self.cleaned_data["display_name"])
