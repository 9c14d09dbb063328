package dev.pagewalk.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A declared run input (parameter or connection value) and its rules. {@code secret} values never
 * appear in logs, errors or reports.
 */
public record ParamDecl(
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    List<Object> allowed,
    BigDecimal minimum,
    BigDecimal maximum,
    Pattern pattern,
    String description,
    boolean secret) {
  public ParamDecl {
    allowed = allowed == null ? null : java.util.Collections.unmodifiableList(allowed);
  }
}
