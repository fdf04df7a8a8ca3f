package ai.heymilo.spec;

import java.util.ArrayList;
import java.util.List;

/** What merging one named part changed beyond taking identical values: the facts the merge report tells. */
final class MergeNotes {
  /** A property only some sources declare, at {@code path} inside the merged part, first declared by {@code source}. */
  record AddedProperty(String path, String source) {}

  private final List<String> annotationDifferences = new ArrayList<>();
  private final List<AddedProperty> addedProperties = new ArrayList<>();

  void annotationDiffers(String path) {
    annotationDifferences.add(path);
  }

  void propertyAdded(String path, String source) {
    addedProperties.add(new AddedProperty(path, source));
  }

  List<String> annotationDifferences() {
    return List.copyOf(annotationDifferences);
  }

  List<AddedProperty> addedProperties() {
    return List.copyOf(addedProperties);
  }
}
