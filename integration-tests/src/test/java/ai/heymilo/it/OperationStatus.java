package ai.heymilo.it;

import java.util.Comparator;

/** One operation × documented status of the spec, such as {@code getPosting 404}. */
record OperationStatus(String operationId, int status) implements Comparable<OperationStatus> {
  private static final Comparator<OperationStatus> ORDER =
      Comparator.comparing(OperationStatus::operationId).thenComparingInt(OperationStatus::status);

  @Override
  public int compareTo(OperationStatus other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return operationId + " " + status;
  }
}
