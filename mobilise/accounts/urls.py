from django.urls import path

from mobilise.accounts import sso
from mobilise.accounts.views import invitations, organisation, sign_in, tokens

app_name = "accounts"

urlpatterns = [
    path("login/", sign_in.SignInView.as_view(), name="login"),
    path("logout/", sign_in.SignOutView.as_view(), name="logout"),
    path("sso/start/", sso.start, name="sso-start"),
    path("sso/callback/", sso.callback, name="sso-callback"),
    path("sso/failed/", sign_in.sso_failed, name="sso-failed"),
    path("invitation/<str:key>/", invitations.invitation, name="invitation"),
    path("organisation/", organisation.organisation, name="organisation"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<uuid:token_id>/revoke/", tokens.revoke, name="revoke-token"),
]
