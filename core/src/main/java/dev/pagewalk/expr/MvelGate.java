package dev.pagewalk.expr;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * The single place where source reaches MVEL. Only sources that pass {@link GeneratedSource}
 * are compiled; the recorder sees every source handed to MVEL (a test seam).
 */
final class MvelGate {
  private static final Method[] CALLS = new Method[5];
  private static final Method TRUTHY;

  static {
    try {
      CALLS[0] = RuntimeCalls.class.getMethod("call0", Object.class);
      CALLS[1] = RuntimeCalls.class.getMethod("call1", Object.class, Object.class);
      CALLS[2] = RuntimeCalls.class.getMethod("call2", Object.class, Object.class, Object.class);
      CALLS[3] = RuntimeCalls.class.getMethod("call3", Object.class, Object.class, Object.class, Object.class);
      CALLS[4] = RuntimeCalls.class.getMethod("call4", Object.class, Object.class, Object.class, Object.class, Object.class);
      TRUTHY = RuntimeCalls.class.getMethod("truthy", Object.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Consumer<String> recorder;

  MvelGate(Consumer<String> recorder) {
    this.recorder = recorder;
  }

  Serializable compile(String generatedSource) {
    GeneratedSource.check(generatedSource);
    recorder.accept(generatedSource);
    ParserContext context = new ParserContext();
    for (int i = 0; i < CALLS.length; i++) {
      context.addImport("pw_call" + i, CALLS[i]);
    }
    context.addImport("pw_truthy", TRUTHY);
    return MVEL.compileExpression(generatedSource, context);
  }
}
