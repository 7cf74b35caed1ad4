from django.urls import path

from mobilise.accounts import sso, views
from mobilise.accounts.views import invitations

app_name = "accounts"

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("sso/start/", sso.start, name="sso-start"),
    path("sso/callback/", sso.callback, name="sso-callback"),
    path("sso/failed/", views.sso_failed, name="sso-failed"),
    path("invitation/<str:key>/", invitations.invitation, name="invitation"),
    path("organisation/", views.organisation, name="organisation"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<uuid:token_id>/revoke/", views.revoke, name="revoke-token"),
]
