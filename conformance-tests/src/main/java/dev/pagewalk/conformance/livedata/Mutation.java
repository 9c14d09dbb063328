package dev.pagewalk.conformance.livedata;

import java.util.List;

/**
 * A change to the dataset, applied right after the response to request number {@code afterRequest}
 * (1-based, counting every request to the base path, retries and faulted requests included) has
 * been computed.
 */
public sealed interface Mutation {
  int afterRequest();

  void applyTo(Dataset dataset);

  /** {@code {afterRequest: 2, insertHead: 3}}: three new records listed before all others. */
  record InsertHead(int afterRequest, int count) implements Mutation {
    @Override
    public void applyTo(Dataset dataset) {
      dataset.insertHead(count);
    }
  }

  /** {@code {afterRequest: 3, insertTail: 2}}: two new records listed after all others. */
  record InsertTail(int afterRequest, int count) implements Mutation {
    @Override
    public void applyTo(Dataset dataset) {
      dataset.insertTail(count);
    }
  }

  /** {@code {afterRequest: 2, delete: [5, 6]}}. */
  record Delete(int afterRequest, List<Long> ids) implements Mutation {
    public Delete {
      ids = List.copyOf(ids);
    }

    @Override
    public void applyTo(Dataset dataset) {
      dataset.delete(ids);
    }
  }

  /** {@code {afterRequest: 4, update: [7]}}: bumps updated_at to the newest timestamp. */
  record Update(int afterRequest, List<Long> ids) implements Mutation {
    public Update {
      ids = List.copyOf(ids);
    }

    @Override
    public void applyTo(Dataset dataset) {
      dataset.update(ids);
    }
  }
}
