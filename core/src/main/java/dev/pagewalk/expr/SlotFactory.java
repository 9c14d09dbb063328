package dev.pagewalk.expr;

import java.util.Set;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.VariableResolverFactory;

/**
 * Resolves the generated identifiers of one evaluation: a {@link Helpers} name to its method,
 * {@code k<n>} from the constant table (resolvers built once per expression), {@code v<n>} from the
 * {@link Bindings} (each looked up at most once). Read-only: MVEL cannot create or assign variables
 * through it. One instance per evaluation; not shared.
 */
final class SlotFactory implements VariableResolverFactory {
  private static final Slot[] NO_SLOTS = new Slot[0];

  private final Slot[] constants;
  private final String[] variables;
  private final Bindings bindings;
  private final Slot[] slots;

  /**
   * @param constants the expression's constant table as resolvers ({@link #constants(Object[])})
   */
  SlotFactory(Slot[] constants, String[] variables, Bindings bindings) {
    this.constants = constants;
    this.variables = variables;
    this.bindings = bindings;
    this.slots = variables.length == 0 ? NO_SLOTS : new Slot[variables.length];
  }

  /**
   * The resolvers of a constant table, {@code k0}, {@code k1}, ...: immutable, shared by
   * evaluations.
   */
  static Slot[] constants(Object[] values) {
    Slot[] out = new Slot[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = new Slot("k" + i, values[i]);
    }
    return out;
  }

  private int slotOf(String name) {
    if (name == null || name.length() < 2 || name.length() > 7) {
      return -1;
    }
    int n = 0;
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    char kind = name.charAt(0);
    if (kind == 'k' && n < constants.length) {
      return n;
    }
    return kind == 'v' && n < variables.length ? constants.length + n : -1;
  }

  @Override
  public VariableResolver getVariableResolver(String name) {
    int slot = slotOf(name);
    if (slot < 0) {
      Slot helper = Helpers.resolver(name);
      if (helper == null) {
        throw new EvalFailure("internal error: unknown identifier");
      }
      return helper;
    }
    if (slot < constants.length) {
      return constants[slot];
    }
    int v = slot - constants.length;
    Slot s = slots[v];
    if (s == null) {
      s = new Slot(name, bindings.variable(variables[v]));
      slots[v] = s;
    }
    return s;
  }

  @Override
  public boolean isResolveable(String name) {
    return slotOf(name) >= 0 || Helpers.resolver(name) != null;
  }

  @Override
  public boolean isTarget(String name) {
    return isResolveable(name);
  }

  @Override
  public VariableResolver createVariable(String name, Object value) {
    throw readOnly();
  }

  @Override
  public VariableResolver createIndexedVariable(int index, String name, Object value) {
    throw readOnly();
  }

  @Override
  public VariableResolver createVariable(String name, Object value, Class<?> type) {
    throw readOnly();
  }

  @Override
  public VariableResolver createIndexedVariable(
      int index, String name, Object value, Class<?> type) {
    throw readOnly();
  }

  @Override
  public VariableResolver setIndexedVariableResolver(int index, VariableResolver resolver) {
    throw readOnly();
  }

  @Override
  public VariableResolverFactory getNextFactory() {
    return null;
  }

  @Override
  public VariableResolverFactory setNextFactory(VariableResolverFactory factory) {
    throw readOnly();
  }

  @Override
  public VariableResolver getIndexedVariableResolver(int index) {
    throw readOnly();
  }

  @Override
  public Set<String> getKnownVariables() {
    return Set.of();
  }

  @Override
  public int variableIndexOf(String name) {
    return -1;
  }

  @Override
  public boolean isIndexedFactory() {
    return false;
  }

  @Override
  public boolean tiltFlag() {
    return false;
  }

  @Override
  public void setTiltFlag(boolean flag) {}

  private static EvalFailure readOnly() {
    return new EvalFailure("internal error: expressions cannot create variables");
  }

  /** A read-only resolved identifier. */
  record Slot(String getName, Object getValue) implements VariableResolver {
    @Override
    public Class<?> getType() {
      return Object.class;
    }

    @Override
    public void setStaticType(Class type) {}

    @Override
    public int getFlags() {
      return 0;
    }

    @Override
    public void setValue(Object value) {
      throw readOnly();
    }
  }
}
