app_name = "dogtax"

urlpatterns: list = []
