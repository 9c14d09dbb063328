package dev.pagewalk.engine.send;

/** The rest of the pipeline, as a {@link Link} sees it. */
public interface Chain {
  /** The call this link was asked to send. */
  Call call();

  /** Sends {@code call} through the links below, down to the transport. */
  Attempt proceed(Call call);
}
