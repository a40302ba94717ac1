from django.urls import path

from rathaus.voting.views import downloads, public

app_name = "voting"

urlpatterns = [
    path("", public.poll_list, name="polls"),
    path("<int:pk>/", public.poll_detail, name="poll"),
    path("<int:pk>/ballot/", public.booth, name="booth"),
    path("<int:pk>/cast/", public.cast, name="cast"),
    path("<int:pk>/trackers/", public.trackers, name="trackers"),
    path("<int:pk>/results/", public.results, name="results"),
    path("<int:pk>/results.json", downloads.results_json, name="results_json"),
    path("<int:pk>/results.csv", downloads.results_csv, name="results_csv"),
    path("<int:pk>/ballots.json", downloads.export_json, name="export"),
    path("<int:pk>/pabulib.pb", downloads.export_pabulib, name="pabulib"),
]
