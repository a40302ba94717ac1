"""DeutschlandID / BundID sign-in over SAML 2.0: an allauth provider beside e-mail and OIDC."""
