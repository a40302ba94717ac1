// A real OpenID Connect provider (panva/oidc-provider, OpenID certified) for the browser tests.
// It stands in for BundID or the city's Keycloak: one confidential client, any login accepted on
// its development sign-in page, and claims a resident of the configured city would have.
//
//   node provider.mjs  (env: PORT (0 = any), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, LOCALITY)
// Prints "listening <issuer>" once it accepts connections.
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.PORT || 0);
const server = http.createServer();

server.listen(port, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: process.env.CLIENT_ID,
        client_secret: process.env.CLIENT_SECRET,
        redirect_uris: [process.env.REDIRECT_URI],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: process.env.TOKEN_AUTH_METHOD || "client_secret_post",
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "birthdate"],
      address: ["address"],
    },
    pkce: { required: () => false },
    cookies: { keys: ["rathaus-test-provider-only"] },
    async findAccount(ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${id}@example.org`,
            email_verified: true,
            given_name: "Erika",
            family_name: "Mustermann",
            birthdate: "1964-08-12",
            address: {
              street_address: "Heinestraße 17",
              postal_code: "67655",
              locality: process.env.LOCALITY || "Kaiserslautern",
              country: "DE",
            },
          };
        },
      };
    },
  });
  provider.proxy = false;
  server.on("request", provider.callback());
  console.log(`listening ${issuer}`);
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
