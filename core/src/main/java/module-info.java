/**
 * pagewalk core: loads spec files into plans and runs them. An embedder uses the packages this
 * module exports and nothing else:
 *
 * <ul>
 *   <li>{@code dev.pagewalk}: loading ({@link dev.pagewalk.Pagewalk}), the opaque {@link
 *       dev.pagewalk.Plan}, the {@link dev.pagewalk.Runner}, its inputs, result, stop reasons,
 *       error codes, listener, output records and exceptions;
 *   <li>{@code dev.pagewalk.report}: the completeness report a run ends with ({@link
 *       dev.pagewalk.RunResult#report()}), its checks and verdict;
 *   <li>{@code dev.pagewalk.sink}: the record sink a platform plugs in, the JSON Lines sink, and
 *       the key listing a reconciliation compares;
 *   <li>{@code dev.pagewalk.spi}: the one-hop transport a platform may plug in ({@link
 *       dev.pagewalk.Runner.Builder#transport}), with the request, headers and broken-response
 *       failure it sees;
 *   <li>{@code dev.pagewalk.state}: checkpoints, the checkpoint store a platform plugs in and the
 *       file store; the store of a connection's OAuth2 tokens and its file store.
 * </ul>
 *
 * <p>Every other package is the implementation and may change in any release: the Apache transport
 * and the engine's guards ({@code http}), the JSON configuration and writers ({@code json}), the
 * auditing that gathers the report's evidence ({@code audit}), and the rest.
 *
 * <p>The spec schema is read as a resource of {@code pagewalk-spec-schema}, a jar without classes:
 * put it on the class path, or on the module path with {@code --add-modules pagewalk.spec.schema}.
 */
@SuppressWarnings("requires-automatic")
module dev.pagewalk.core {
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.databind;
  requires json.path;
  requires mvel2;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires com.networknt.schema;
  requires org.slf4j;
  // AWS Signature V4 (dev.pagewalk.auth.aws): the SDK's signer and the request and identity types
  // it takes
  requires software.amazon.awssdk.http.auth.aws;
  requires software.amazon.awssdk.http.auth.spi;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.identity.spi;
  requires com.nimbusds.jose.jwt;
  // its timeout exception types, which a transport built on the JDK client throws
  requires java.net.http;

  exports dev.pagewalk;
  exports dev.pagewalk.report;
  exports dev.pagewalk.sink;
  exports dev.pagewalk.spi;
  exports dev.pagewalk.state;

  // Jackson writes the run report; MVEL calls the expression built-ins
  opens dev.pagewalk.report to
      com.fasterxml.jackson.databind;
  opens dev.pagewalk.expr to
      mvel2;
}
