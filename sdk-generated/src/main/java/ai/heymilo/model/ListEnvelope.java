package ai.heymilo.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape every list response shares: a page of items plus {@link PaginationMeta}.
 *
 * <p>Each generated {@code ListResponse…} model implements it, so one pager serves every list
 * operation: request the next page with {@code starting_after} = the last item's id while
 * {@code pagination.has_more} is true.
 *
 * @param <T> the item type
 */
public interface ListEnvelope<T> {
  /** Returns the items of this page, or null if the response had none. */
  @Nullable List<T> getData();

  /** Returns the paging information, or null if the response had none. */
  @Nullable PaginationMeta getPagination();
}
