from django.urls import path

from mobilise.assessments.views import participate

app_name = "participate"

urlpatterns = [
    path("<str:token>/", participate.start, name="start"),
    path("<str:token>/resume/", participate.resume, name="resume"),
    path("<str:token>/personal/<str:secret>/", participate.personal, name="personal"),
    path("<str:token>/section/<int:number>/", participate.section, name="section"),
    path("<str:token>/saved/", participate.saved, name="saved"),
    path("<str:token>/check/", participate.check, name="check"),
    path("<str:token>/done/", participate.done, name="done"),
    path("<str:token>/results/", participate.group_results, name="results"),
]
