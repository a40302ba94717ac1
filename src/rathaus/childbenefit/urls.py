app_name = "childbenefit"

urlpatterns: list = []
