package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.Objects;

/**
 * {@code auth.aws}: AWS Signature Version 4 on every request. Each value is a template over {@code
 * parameters} and {@code connection}; {@code sessionToken} is null without temporary credentials.
 */
public record AwsPlan(
    Template service,
    Template region,
    Template accessKeyId,
    Template secretAccessKey,
    Template sessionToken) {
  public AwsPlan {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }
}
