"""The members: profiles, memberships, invitations and requests to join, the directory,
and a person's data rights (my data, export, account deletion). The models stay in
`community.models` (the app label's models, which the migrations import); the space
boundary that exchange and live share is `community.spaces` and `community.permissions`."""
