"""The municipality this installation serves: name, contact, bank details, legal wording.

One row, seeded from the profile file named by the MUNICIPALITY_PROFILE setting
(Kaiserslautern's by default) and editable by administrators afterwards.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rathaus.core.map_services import MAX_URL_LENGTH, validate_tile_template


class Basemap(models.TextChoices):
    ARCHIVE = "archive", _("The platform's own tile archive")
    TILES = "tiles", _("A WMTS or XYZ tile service")
    NONE = "none", _("None (district outlines only)")


class MunicipalityProfile(models.Model):
    name = models.CharField(_("name"), max_length=100)
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=4,
        default="",
        blank=True,
        help_text=_("Shown in the header mark, e.g. KL"),
    )
    official_name_de = models.CharField(
        _("official name of the authority (German)"), max_length=200
    )
    official_name_en = models.CharField(
        _("official name of the authority (English)"),
        max_length=200,
        help_text=_("Shown on English pages and notices, e.g. City of Kaiserslautern"),
    )
    platform_name_de = models.CharField(_("platform name (German)"), max_length=100)
    platform_name_en = models.CharField(_("platform name (English)"), max_length=100)
    municipality_key = models.CharField(_("official municipality key (AGS)"), max_length=8)
    street = models.CharField(_("street"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"))
    represented_by = models.CharField(_("represented by"), max_length=200)
    vat_id = models.CharField(_("VAT identification number"), max_length=20, blank=True)
    supervisory_authority = models.CharField(_("supervisory authority"), max_length=200)
    data_protection_officer = models.CharField(_("data protection officer"), max_length=300)
    accessibility_contact = models.EmailField(_("accessibility contact"))
    accessibility_enforcement_body = models.CharField(
        _("accessibility enforcement body"), max_length=300
    )
    bank_name = models.CharField(_("bank"), max_length=100)
    bank_account_holder = models.CharField(_("account holder"), max_length=100)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11)
    sepa_creditor_id = models.CharField(_("SEPA creditor identifier"), max_length=35)
    districts_source = models.CharField(_("source of the district boundaries"), max_length=500)
    is_demo = models.BooleanField(_("demo installation"), default=True)
    basemap = models.CharField(
        _("base map"),
        max_length=10,
        choices=Basemap.choices,
        default=Basemap.ARCHIVE,
        help_text=_(
            "Drawn under every map. The own archive is the file named by BASEMAP_ARCHIVE "
            "(manage.py build_basemap); without it the maps show the district outlines."
        ),
    )
    basemap_tile_url = models.CharField(
        _("tile service address"),
        max_length=MAX_URL_LENGTH,
        blank=True,
        validators=[validate_tile_template],
        help_text=_(
            "For a tile service: an https URL template with {z}, {x}, {y} (XYZ) or "
            "{TileMatrix}, {TileCol}, {TileRow} (WMTS REST, Web Mercator)."
        ),
    )
    basemap_attribution = models.CharField(
        _("base map attribution"),
        max_length=300,
        blank=True,
        help_text=_("Shown on every map, e.g. © basemap.de / BKG"),
    )

    class Meta:
        verbose_name = _("municipality profile")
        verbose_name_plural = _("municipality profile")

    def __str__(self) -> str:
        return self.name

    @property
    def platform_name(self) -> str:
        return self.platform_name_en if get_language() == "en" else self.platform_name_de

    @property
    def official_name(self) -> str:
        """The authority's name in the active language (the German name is the binding one)."""
        return self.official_name_en if get_language() == "en" else self.official_name_de

    @official_name.setter
    def official_name(self, value: str) -> None:
        self.official_name_de = value
