package dev.pagewalk.expr;

import java.io.Serializable;
import java.util.function.Consumer;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * The single place where source reaches MVEL. Only sources that pass {@link GeneratedSource} are
 * compiled; the recorder sees every source handed to MVEL (a test seam).
 */
final class MvelGate {
  private final Consumer<String> recorder;

  MvelGate(Consumer<String> recorder) {
    this.recorder = recorder;
  }

  Serializable compile(String generatedSource) {
    GeneratedSource.check(generatedSource);
    recorder.accept(generatedSource);
    // no imports: the helpers are resolved by SlotFactory, so a one-node expression compiles to
    // an accessor MVEL runs without its interpreter loop and a per-evaluation import factory
    return MVEL.compileExpression(generatedSource, new ParserContext());
  }
}
