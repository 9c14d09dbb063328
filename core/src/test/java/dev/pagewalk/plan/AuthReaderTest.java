package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.SpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code auth} block: loaded into the plan, and refused with located errors when wrong. */
class AuthReaderTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: orders
      baseUrl: https://api.example.com
      connection:
        client_id: {type: string}
        client_secret: {type: string, secret: true}
        tenant: {type: string}
      auth:
      %s
      request:
        url: /orders
      """;

  private static Plan plan(String auth) {
    return Plan.of(Pagewalk.parse("orders.yaml", SPEC.formatted(auth.indent(2).stripTrailing())));
  }

  private static List<String> problems(String auth) {
    return catchThrowableOfType(
            SpecException.class,
            () -> Pagewalk.parse("orders.yaml", SPEC.formatted(auth.indent(2).stripTrailing())))
        .diagnostics()
        .stream()
        .map(Diagnostic::headline)
        .toList();
  }

  private static final Map<String, Object> CONNECTION =
      Map.of("client_id", "id-1", "client_secret", "s3cret", "tenant", "acme");

  @Nested
  class Loads {
    @Test
    void awsSigningWithoutATokenSource() {
      AuthPlan auth =
          plan("""
              aws:
                service: execute-api
                region: us-east-1
                accessKeyId: "{{connection.client_id}}"
                secretAccessKey: "{{connection.client_secret}}"
              """)
              .auth();
      assertThat(auth.source()).isNull();
      assertThat(auth.applyHeaders()).isNull();
      assertThat(auth.aws().sessionToken()).isNull();
      assertThat(
              auth.aws()
                  .secretAccessKey()
                  .evaluate(n -> n.equals("connection") ? CONNECTION : null))
          .isEqualTo("s3cret");
    }

    @Test
    void clientCredentialsWithItsDefaults() {
      AuthPlan auth =
          plan("""
              oauth2:
                grant: client_credentials
                tokenUrl: "https://{{connection.tenant}}.example.com/oauth/token"
                clientId: "{{connection.client_id}}"
                clientSecret: "{{connection.client_secret}}"
                scope: read:orders
                params: {audience: "https://api.example.com"}
              """)
              .auth();
      OAuth2Plan o = (OAuth2Plan) auth.source();
      assertThat(o.grant()).isEqualTo(OAuth2Grant.CLIENT_CREDENTIALS);
      assertThat(o.clientAuth()).isEqualTo(ClientAuth.BASIC);
      assertThat(o.url().evaluate(name -> name.equals("connection") ? CONNECTION : null))
          .isEqualTo("https://acme.example.com/oauth/token");
      assertThat(o.params().evaluate(name -> null))
          .isEqualTo(Map.of("audience", "https://api.example.com"));
      assertThat(auth.refreshOn()).isEqualTo(Set.of(401));
      assertThat(auth.applyQs()).isNull();
      assertThat(
              auth.applyHeaders()
                  .evaluate(name -> name.equals("auth") ? Map.of("token", "t1") : null))
          .isEqualTo(Map.of("Authorization", "Bearer t1"));
    }

    @Test
    void jwtBearerLoginAndApply() {
      JwtPlan jwt =
          ((OAuth2Plan)
                  plan("""
                      oauth2:
                        grant: jwt_bearer
                        tokenUrl: /token
                        jwt: {issuer: me, privateKey: "{{connection.client_secret}}", algorithm: HS256, lifetime: 2m}
                      """)
                      .auth()
                      .source())
              .jwt();
      assertThat(jwt.algorithm()).isEqualTo(JwtAlgorithm.HS256);
      assertThat(jwt.lifetime()).isEqualTo(Duration.ofMinutes(2));
      assertThat(jwt.subject()).isNull();

      AuthPlan login =
          plan("""
              login:
                url: /session
                body: {user: "{{connection.client_id}}"}
                token: "{{body.token}}"
                expiresIn: "{{body.ttl}}"
              apply: {qs: {access_token: "{{auth.token}}"}}
              refreshOn: [401, 403]
              """)
              .auth();
      LoginPlan l = (LoginPlan) login.source();
      assertThat(l.method()).isEqualTo("POST");
      assertThat(l.token().evaluate(name -> name.equals("body") ? Map.of("token", "abc") : null))
          .isEqualTo("abc");
      assertThat(login.applyHeaders()).isNull();
      assertThat(
              login.applyQs().evaluate(name -> name.equals("auth") ? Map.of("token", "t") : null))
          .isEqualTo(Map.of("access_token", "t"));
      assertThat(login.refreshOn()).isEqualTo(Set.of(401, 403));
    }

    @Test
    void aSpecWithoutAuthHasNone() {
      assertThat(Plan.of(Pagewalk.parse("orders.yaml", SPEC.replace("auth:\n%s\n", ""))).auth())
          .isNull();
    }
  }

  @Nested
  class Refuses {
    @Test
    void anUnknownGrant() {
      assertThat(
              problems(
                  """
                  oauth2:
                    grant: password
                    tokenUrl: /token
                  """))
          .containsExactly(
              "orders.yaml:10:12: expected one of client_credentials, refresh_token, jwt_bearer at auth.oauth2.grant, got string \"password\"");
    }

    @Test
    void aGrantWithoutTheFieldsItNeeds() {
      assertThat(
              problems(
                  """
                  oauth2:
                    grant: client_credentials
                    tokenUrl: /token
                    clientId: x
                  """))
          .containsExactly(
              "orders.yaml:10:5: missing required key 'clientSecret' in auth.oauth2: grant"
                  + " client_credentials needs clientId and clientSecret");
    }

    @Test
    void bothSourcesOrNeither() {
      assertThat(problems("apply: {headers: {X-Token: \"{{auth.token}}\"}}"))
          .containsExactly(
              "orders.yaml:9:3: auth needs a source of credentials: oauth2, login or aws");
    }

    @Test
    void awsWithAnotherSource() {
      assertThat(
              problems(
                  """
                  login: {url: /session, token: "{{body.token}}"}
                  aws:
                    service: execute-api
                    region: us-east-1
                    accessKeyId: "{{connection.client_id}}"
                    secretAccessKey: "{{connection.client_secret}}"
                  """))
          .containsExactly(
              "orders.yaml:9:3: auth takes one source of credentials, oauth2, login or aws, not"
                  + " several");
    }

    @Test
    void awsWithApply() {
      assertThat(
              problems(
                  """
                  aws:
                    service: execute-api
                    region: us-east-1
                    accessKeyId: "{{connection.client_id}}"
                    secretAccessKey: "{{connection.client_secret}}"
                  apply: {headers: {X-Token: "{{auth.token}}"}}
                  """))
          .containsExactly(
              "orders.yaml:14:10: auth.apply does not apply to auth.aws, which signs requests");
    }

    @Test
    void theTokenWithAws() {
      String yaml =
          SPEC.formatted(
                  """
                    aws:
                      service: execute-api
                      region: us-east-1
                      accessKeyId: "{{connection.client_id}}"
                      secretAccessKey: "{{connection.client_secret}}"\
                  """)
              .replace("url: /orders", "url: /orders\n  headers: {X-Token: \"{{auth.token}}\"}");
      assertThat(
              catchThrowableOfType(SpecException.class, () -> Pagewalk.parse("orders.yaml", yaml))
                  .diagnostics()
                  .get(0)
                  .headline())
          .isEqualTo("orders.yaml:16:25: unknown variable 'auth'");
    }

    @Test
    void awsWithoutItsSecret() {
      assertThat(
              problems(
                  """
                  aws:
                    service: execute-api
                    region: us-east-1
                    accessKeyId: "{{connection.client_id}}"
                  """))
          .containsExactly("orders.yaml:9:3: missing required key 'secretAccessKey' in auth.aws");
    }

    @Test
    void awsReadingAResponseVariable() {
      assertThat(
              problems(
                  """
                  aws:
                    service: execute-api
                    region: "{{body.region}}"
                    accessKeyId: "{{connection.client_id}}"
                    secretAccessKey: "{{connection.client_secret}}"
                  """))
          .containsExactly(
              "orders.yaml:11:16: variable 'body' is not available in auth.aws.region; available"
                  + " here: parameters, connection");
    }

    @Test
    void aWrongShape() {
      assertThat(
              problems(
                  """
                  login:
                    url: /session
                    token: "{{body.token}}"
                  refreshOn: 401
                  """))
          .containsExactly("orders.yaml:12:14: expected array at auth.refreshOn, got integer 401");
    }

    @Test
    void theTokenWithoutAnAuthBlock() {
      String yaml =
          SPEC.replace("auth:\n%s\n", "")
              .replace("url: /orders", "url: /orders\n  headers: {X-Token: \"{{auth.token}}\"}");
      assertThat(
              catchThrowableOfType(SpecException.class, () -> Pagewalk.parse("orders.yaml", yaml))
                  .diagnostics()
                  .get(0)
                  .headline())
          .isEqualTo("orders.yaml:10:25: unknown variable 'auth'");
    }

    @Test
    void aResponseVariableWhereOnlyInputsAreKnown() {
      assertThat(
              problems(
                  """
                  oauth2:
                    grant: refresh_token
                    tokenUrl: "/token/{{body.id}}"
                    refreshToken: "{{connection.client_secret}}"
                  """))
          .containsExactly(
              "orders.yaml:11:25: variable 'body' is not available in auth.oauth2.tokenUrl; available here: parameters, connection");
    }
  }
}
