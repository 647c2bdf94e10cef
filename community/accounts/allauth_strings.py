"""Strings that allauth's own code shows to people, listed so that `makemessages`
puts them into the project's catalogue. The project's catalogue comes first
(LOCALE_PATHS), so its German replaces allauth's, which addresses people with "du";
the site says "Sie". Only strings a person of this site can meet are listed: allauth
is set up for log-in by e-mail, without usernames, phone numbers or social accounts.
Nothing imports this module; it exists for the extraction."""

from django.utils.translation import gettext_noop

ALLAUTH_STRINGS = (
    # allauth/account/adapter.py: error messages
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("Please type your current password."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Please select only one."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
    # allauth/account/forms.py: field labels
    gettext_noop("You must type the same password each time."),
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    # allauth/mfa: the authenticator forms
    gettext_noop("Authenticator code"),
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),
    gettext_noop(
        "You cannot add an email address to an account protected by two-factor authentication."
    ),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop(
        "You cannot generate recovery codes without having two-factor authentication enabled."
    ),
)
