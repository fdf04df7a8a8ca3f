package ai.heymilo.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters and page size for a list operation. Each operation supports some of them (its Javadoc
 * says which); a filter an operation does not support fails with {@code InvalidRequestException}
 * before anything is sent, instead of being silently ignored.
 *
 * <pre>{@code
 * client.postings().list(ListParams.builder().search("engineer").limit(50).build())
 * }</pre>
 */
public final class ListParams {
  private static final ListParams NONE = builder().build();

  /** The filters an operation may support, named as the API names them. */
  public enum Filter {
    /** {@code limit}: page size, 1–100 (the server's default is 20). */
    LIMIT("limit"),
    /** {@code starting_after}: start after the item with this id. */
    STARTING_AFTER("starting_after"),
    /** {@code search}: case-insensitive substring filter on the name or title. */
    SEARCH("search"),
    /** {@code created_after}: created at or after this bound. */
    CREATED_AFTER("created_after"),
    /** {@code created_before}: created at or before this bound. */
    CREATED_BEFORE("created_before"),
    /** {@code modality}: question modality such as {@code voice} or {@code form}. */
    MODALITY("modality");

    private final String parameterName;

    Filter(String parameterName) {
      this.parameterName = parameterName;
    }

    /** Returns the query parameter's name. */
    public String parameterName() {
      return parameterName;
    }

    /** Renders filters as their parameter names, for messages. */
    public static String names(Collection<Filter> filters) {
      List<String> names = new ArrayList<>();
      for (Filter filter : filters) {
        names.add(filter.parameterName);
      }
      return String.join(", ", names);
    }
  }

  private final @Nullable Integer limit;
  private final @Nullable String startingAfter;
  private final @Nullable String search;
  private final @Nullable String createdAfter;
  private final @Nullable String createdBefore;
  private final @Nullable String modality;

  private ListParams(Builder builder) {
    this.limit = builder.limit;
    this.startingAfter = builder.startingAfter;
    this.search = builder.search;
    this.createdAfter = builder.createdAfter;
    this.createdBefore = builder.createdBefore;
    this.modality = builder.modality;
  }

  /** Returns parameters with nothing set: the server's defaults, from the first item. */
  public static ListParams none() {
    return NONE;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these parameters. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.limit = limit;
    builder.startingAfter = startingAfter;
    builder.search = search;
    builder.createdAfter = createdAfter;
    builder.createdBefore = createdBefore;
    builder.modality = modality;
    return builder;
  }

  /** Returns the page size, or null for the server's default. */
  public @Nullable Integer limit() {
    return limit;
  }

  /** Returns the cursor: the id of the item to start after, or null to start at the beginning. */
  public @Nullable String startingAfter() {
    return startingAfter;
  }

  /** Returns the search filter, or null. */
  public @Nullable String search() {
    return search;
  }

  /** Returns the lower creation bound (ISO-8601 or epoch seconds), or null. */
  public @Nullable String createdAfter() {
    return createdAfter;
  }

  /** Returns the upper creation bound (ISO-8601 or epoch seconds), or null. */
  public @Nullable String createdBefore() {
    return createdBefore;
  }

  /** Returns the modality filter, or null. */
  public @Nullable String modality() {
    return modality;
  }

  /** Returns these parameters with the cursor replaced; used to fetch the next page. */
  public ListParams withStartingAfter(@Nullable String cursor) {
    Builder builder = toBuilder();
    builder.startingAfter = cursor;
    return builder.build();
  }

  /** Returns the filters that are set. */
  public Set<Filter> filtersSet() {
    Set<Filter> set = EnumSet.noneOf(Filter.class);
    if (limit != null) {
      set.add(Filter.LIMIT);
    }
    if (startingAfter != null) {
      set.add(Filter.STARTING_AFTER);
    }
    if (search != null) {
      set.add(Filter.SEARCH);
    }
    if (createdAfter != null) {
      set.add(Filter.CREATED_AFTER);
    }
    if (createdBefore != null) {
      set.add(Filter.CREATED_BEFORE);
    }
    if (modality != null) {
      set.add(Filter.MODALITY);
    }
    return set;
  }

  @Override
  public String toString() {
    return "ListParams{limit=" + limit + ", startingAfter=" + startingAfter + ", search=" + search + ", createdAfter="
        + createdAfter + ", createdBefore=" + createdBefore + ", modality=" + modality + "}";
  }

  /** Builds {@link ListParams}; every setting is optional. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable String startingAfter;
    private @Nullable String search;
    private @Nullable String createdAfter;
    private @Nullable String createdBefore;
    private @Nullable String modality;

    private Builder() {}

    /**
     * Sets the page size, 1–100. Default: the server's (20). With auto-paging this is the size of
     * each page fetched, not a cap on the total: use {@code stream().limit(n)} for that.
     *
     * @throws IllegalArgumentException if {@code limit} is outside 1–100
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit must be between 1 and 100, but was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Starts after the item with this id (the cursor). Default: from the first item. */
    public Builder startingAfter(@Nullable String startingAfter) {
      this.startingAfter = startingAfter;
      return this;
    }

    /** Sets a case-insensitive substring filter on the name or title. Default: none. */
    public Builder search(@Nullable String search) {
      this.search = search;
      return this;
    }

    /** Only items created at or after {@code bound} (ISO-8601 such as {@code 2026-03-13T00:00:00Z}, or epoch seconds). Default: none. */
    public Builder createdAfter(@Nullable String bound) {
      this.createdAfter = bound;
      return this;
    }

    /** Only items created at or after {@code instant}. Default: none. */
    public Builder createdAfter(Instant instant) {
      this.createdAfter = instant.toString();
      return this;
    }

    /** Only items created at or before {@code bound} (ISO-8601 or epoch seconds). Default: none. */
    public Builder createdBefore(@Nullable String bound) {
      this.createdBefore = bound;
      return this;
    }

    /** Only items created at or before {@code instant}. Default: none. */
    public Builder createdBefore(Instant instant) {
      this.createdBefore = instant.toString();
      return this;
    }

    /** Only questions of this modality ({@code voice}, {@code sms}, {@code form}, {@code resume_eligibility}, {@code resume_scoring}, {@code voice_tags}). Default: all. */
    public Builder modality(@Nullable String modality) {
      this.modality = modality;
      return this;
    }

    /** Returns the parameters. */
    public ListParams build() {
      return new ListParams(this);
    }
  }
}
