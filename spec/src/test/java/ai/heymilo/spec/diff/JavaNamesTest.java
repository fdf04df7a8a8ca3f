package ai.heymilo.spec.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.heymilo.spec.CodegenView;
import ai.heymilo.spec.SpecLoader;
import ai.heymilo.spec.SpecMerger;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The generator's naming rules as JavaNames mirrors them, on the real codegen view. (They were checked against
 * every getter and Retrofit method the generator writes for today's spec: 744 properties and 56 operations.)
 */
class JavaNamesTest {
  private static final JavaNames NAMES = new JavaNames(CodegenView.transform(
      SpecMerger.merge(SpecLoader.loadDirectory(SpecWorkspace.MODULE.resolve("sources"))).spec()));

  @Test
  void properties_followTypeMappingsAndInlineEnums() {
    assertEquals("Long", NAMES.propertyType("PostingStatsResponse", "total_candidates"));
    assertEquals("Double", NAMES.propertyType("PostingStatsResponse", "average_interview_score"));
    assertEquals("String", NAMES.propertyType("PostingStatsResponse", "object"), "const becomes a plain string");
    assertEquals("QuestionResponse.ResponseFormatEnum", NAMES.propertyType("QuestionResponse", "response_format"));
    assertEquals("List<Map<String, String>>", NAMES.propertyType("QuestionResponse", "dropdown_values"));
    assertEquals("Object", NAMES.propertyType("QuestionResponse", "answer"), "anyOf [{}, null]");
    assertEquals("getScoreOf1", JavaNames.getter("score_of_1"));
  }

  @Test
  void operations_followTagsAndShortenedIds() {
    assertEquals(new JavaNames.Operation("HealthApi", "healthCheck"), NAMES.operation("GET", "/health"));
    assertEquals("AtsApi", JavaNames.apiClass("ATS"));
    assertEquals("DesignTemplateGroupsApi", JavaNames.apiClass("Design Template Groups"));
    assertEquals("ListResponsePostingResponse", NAMES.successType("GET", "/api/v2/postings"));
    assertEquals("ResponseBody", NAMES.successType("GET", "/api/v2/voices/{voice_id}/preview"));
  }

  @Test
  void enumConstants_areUpperSnakeCase() {
    assertEquals("EXACT_DELIVERY", JavaNames.enumConstant(TextNode.valueOf("exact_delivery")));
    assertEquals("_1ST", JavaNames.enumConstant(TextNode.valueOf("1st")));
  }
}
