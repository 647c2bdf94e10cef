"""A person's account: sign-up (with the name others see), the account page that
gathers profile, e-mail, password, two-factor authentication, notifications and
data rights, and the list of their spaces. allauth does the account work; this
package customises it through its supported hooks (the sign-up form class, the
adapter in `community/adapter.py`, templates in the site's templates folder)."""
