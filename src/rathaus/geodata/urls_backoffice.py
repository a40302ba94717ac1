app_name = "geodata"

urlpatterns: list = []
