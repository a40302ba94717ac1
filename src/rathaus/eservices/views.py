from django.shortcuts import render


def catalogue(request):
    return render(request, "eservices/catalogue.html")
