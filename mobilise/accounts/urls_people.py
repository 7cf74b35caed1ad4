from django.urls import path

from mobilise.accounts.views import people

app_name = "people"

urlpatterns = [
    path("", people.people, name="list"),
    path("invite/", people.invite, name="invite"),
    path("<uuid:membership_id>/", people.member, name="member"),
    path("<uuid:membership_id>/remove/", people.remove, name="remove"),
    path("invitations/<uuid:invitation_id>/withdraw/", people.withdraw, name="withdraw"),
    path("invitations/<uuid:invitation_id>/resend/", people.resend, name="resend"),
    path("invitations/<uuid:invitation_id>/link/", people.invitation_link, name="link"),
]
