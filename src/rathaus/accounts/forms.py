from django import forms

from rathaus.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "language", "email_notifications", "email_news"]
        widgets = {"language": forms.RadioSelect}
