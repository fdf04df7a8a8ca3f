package ai.heymilo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The faults injected into a sandbox, by operation id; each request takes the ones that still apply. Thread-safe. */
final class Faults {
  private static final class Active {
    final SandboxFault fault;
    final @Nullable AtomicInteger remaining;

    Active(SandboxFault fault) {
      this.fault = fault;
      this.remaining = fault.times() == 0 ? null : new AtomicInteger(fault.times());
    }

    /** Whether this request is one the fault applies to (and counts it). */
    boolean take() {
      return remaining == null || remaining.getAndDecrement() > 0;
    }
  }

  private final Map<String, List<Active>> byOperation = new ConcurrentHashMap<>();

  void add(String operationId, SandboxFault fault) {
    byOperation.computeIfAbsent(operationId, id -> new CopyOnWriteArrayList<>()).add(new Active(fault));
  }

  /** The faults that apply to this request of {@code operationId}, in the order they were injected. */
  List<SandboxFault> take(String operationId) {
    List<Active> active = byOperation.get(operationId);
    List<SandboxFault> taken = new ArrayList<>();
    if (active == null) {
      return taken;
    }
    for (Active fault : active) {
      if (fault.take()) {
        taken.add(fault.fault);
      }
    }
    return taken;
  }

  void clear() {
    byOperation.clear();
  }
}
