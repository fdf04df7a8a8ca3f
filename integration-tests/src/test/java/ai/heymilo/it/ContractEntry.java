package ai.heymilo.it;

import ai.heymilo.sdk.HeyMiloClient;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row of {@link ContractTable}: how the SDK performs an operation, and what it must return for
 * each success (2xx) or redirect (3xx) status the spec documents. Error statuses need no row of
 * their own: the exception they must raise follows from the status alone.
 *
 * @param <T> what the SDK method returns
 */
final class ContractEntry<T> {
  private final String operationId;
  private final Function<HeyMiloClient, T> call;
  private final Map<Integer, Consumer<? super T>> results = new TreeMap<>();

  private ContractEntry(String operationId, Function<HeyMiloClient, T> call) {
    this.operationId = operationId;
    this.call = call;
  }

  /** Starts a row: {@code operationId} is performed by {@code call}. */
  static <T> ContractEntry<T> call(String operationId, Function<HeyMiloClient, T> call) {
    return new ContractEntry<>(operationId, call);
  }

  /** Adds the result expected when the server answers {@code status}: {@code check} asserts on it. */
  ContractEntry<T> returns(int status, Consumer<? super T> check) {
    if (results.put(status, check) != null) {
      throw new IllegalArgumentException(operationId + " has two expectations for status " + status);
    }
    return this;
  }

  String operationId() {
    return operationId;
  }

  /** The statuses this row expects a result for (not an exception). */
  Set<Integer> resultStatuses() {
    return Collections.unmodifiableSet(results.keySet());
  }

  /** Performs the operation and discards the result: for statuses that must throw. */
  void call(HeyMiloClient client) {
    call.apply(client);
  }

  /**
   * Performs the operation and checks the result expected for {@code status}.
   *
   * @throws IllegalStateException if the row expects nothing for that status
   */
  void callAndCheck(HeyMiloClient client, int status) {
    Consumer<? super T> check = results.get(status);
    if (check == null) {
      throw new IllegalStateException("ContractTable has no expected result for " + operationId + " " + status
          + "; add .returns(" + status + ", result -> ...) to its row");
    }
    check.accept(call.apply(client));
  }

  @Override
  public String toString() {
    return operationId + " " + results.keySet();
  }
}
