package dev.pagewalk.auth;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.auth.aws.AwsKeys;
import dev.pagewalk.auth.aws.SigV4Signer;
import dev.pagewalk.engine.send.Attempt;
import dev.pagewalk.engine.send.AuthLink;
import dev.pagewalk.engine.send.Call;
import dev.pagewalk.engine.send.Chain;
import dev.pagewalk.plan.AwsPlan;
import dev.pagewalk.spi.HttpRequest;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipeline's auth link for {@code auth.aws}: signs every call to the home origin with AWS
 * Signature Version 4, after every other header is set. It sits below retry, so each attempt is
 * signed anew with the date it is sent at. The keys are read from the run's inputs at the first
 * call; the secret key, the session token and each signature join the run's redaction, and the
 * signature's headers are credentials of the call, dropped by a redirect to another origin.
 * Thread-safe.
 */
final class SigningLink implements AuthLink {
  /** The headers a signature puts on a call that carry a credential. */
  private static final Set<String> CREDENTIALS = Set.of("Authorization", "X-Amz-Security-Token");

  private static final String SIGNATURE = "Signature=";

  private final String spec;
  private final AwsPlan plan;
  private final Inputs inputs;
  private final Clock clock;
  private final AuthSecrets secrets;
  private final HomeOrigin home;
  private final AtomicReference<SigV4Signer> signer = new AtomicReference<>();

  SigningLink(
      String spec, AwsPlan plan, Inputs inputs, Clock clock, AuthSecrets secrets, HomeOrigin home) {
    this.spec = spec;
    this.plan = plan;
    this.inputs = inputs;
    this.clock = clock;
    this.secrets = secrets;
    this.home = home;
  }

  @Override
  public Attempt intercept(Chain chain) {
    Call call = chain.call();
    if (!home.holds(call.http().uri())) {
      return chain.proceed(call);
    }
    HttpRequest signed;
    try {
      signed = signer().sign(call.http());
    } catch (PagewalkException e) {
      return Attempt.crashed(e).withSent(0);
    }
    signed
        .headers()
        .first("Authorization")
        .filter(a -> a.contains(SIGNATURE))
        .ifPresent(
            a -> secrets.addForOneRequest(a.substring(a.indexOf(SIGNATURE) + SIGNATURE.length())));
    Set<String> credentialHeaders = new HashSet<>(call.limits().credentialHeaders());
    credentialHeaders.addAll(CREDENTIALS);
    return chain.proceed(
        new Call(
            signed,
            call.display(),
            call.pagination(),
            call.limits().withCredentialHeaders(credentialHeaders),
            call.parser()));
  }

  private SigV4Signer signer() {
    SigV4Signer current = signer.get();
    if (current != null) {
      return current;
    }
    String secret = inputs.text(plan.secretAccessKey(), "auth.aws.secretAccessKey");
    String session = inputs.text(plan.sessionToken(), "auth.aws.sessionToken");
    secrets.add(secret);
    secrets.add(session);
    AwsKeys keys;
    try {
      keys =
          new AwsKeys(
              text(plan.accessKeyId(), "auth.aws.accessKeyId"),
              secret == null ? "" : secret,
              session == null || session.isBlank() ? null : session,
              text(plan.region(), "auth.aws.region"),
              text(plan.service(), "auth.aws.service"));
    } catch (IllegalArgumentException e) {
      throw new RunFailureException(ErrorCode.INPUT, spec + ": auth.aws: " + e.getMessage(), e);
    }
    signer.compareAndSet(null, new SigV4Signer(keys, clock));
    return signer.get();
  }

  private String text(dev.pagewalk.expr.Template t, String place) {
    String v = inputs.text(t, place);
    return v == null ? "" : v;
  }
}
