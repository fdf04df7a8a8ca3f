package ai.heymilo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML and CSV writers, the CSV reader and the table fitting, on their own. */
class FormatsTest {
  @Test
  void yaml_quotesEveryStringAReaderWouldTakeForSomethingElse() {
    for (String ambiguous : new String[] {"", "true", "No", "null", "~", "123", "-1.5", "0x1F", "1e3", ".5", "- item", "a: b", "x #y",
        "[list]", "{map}", "'q'", "\"dq\"", "@at", "`tick", " lead", "trail ", "line\nbreak", "tab\tch", "colon:", "%p", "*star", "&a", "!tag", "|", ">",
        "12:30"}) {
      assertTrue(Yaml.string(ambiguous).startsWith("\""), () -> "not quoted: " + ambiguous);
    }
    for (String plain : new String[] {"hello", "Jane Smith", "https://example.com/a?b=c", "report_available", "a:b", "C#", "13D77095x"}) {
      assertEquals(plain, Yaml.string(plain));
    }
    assertEquals("\"say \\\"hi\\\"\\n\\\\\"", Yaml.string("say \"hi\"\n\\"));
  }

  @Test
  void yaml_nestedObjectsAndLists() {
    String yaml = Yaml.write(JsonParser.parseString(
        "{\"id\": \"p1\", \"n\": 3, \"ok\": true, \"none\": null, \"empty\": {}, \"list\": [], \"tags\": [\"a\", \"true\"],"
            + " \"steps\": [{\"type\": \"web\", \"q\": [{\"t\": \"x\"}]}, [1, 2]], \"m\": {\"k\": \"v: w\"}}"));

    assertEquals("id: p1\n\"n\": 3\nok: true\nnone: null\nempty: {}\nlist: []\ntags:\n  - a\n  - \"true\"\n"
        + "steps:\n  - type: web\n    q:\n      - t: x\n  -\n    - 1\n    - 2\nm:\n  k: \"v: w\"\n", yaml);
    assertEquals("[]\n", Yaml.write(JsonParser.parseString("[]")));
  }

  @Test
  void csv_quotesCommasQuotesAndLineBreaks() {
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\"", Table.csvLine("plain", "a,b", "say \"hi\"", "two\nlines", " pad"));
  }

  @Test
  void csvReader_handlesQuotesCrlfAndEmbeddedBreaks() {
    List<List<String>> records = CandidateFile.parseCsv(Path.of("x.csv"), "a,b,c\r\n\"1,5\",\"he said \"\"no\"\"\",\"x\ny\"\r\n,,\n");

    assertEquals(List.of(List.of("a", "b", "c"), List.of("1,5", "he said \"no\"", "x\ny"), List.of("", "", "")), records);
  }

  @Test
  void table_cutsTheWidestColumnsToFit() {
    Table table = new Table("ID", "TEXT").row("q1", "a".repeat(100)).row("q2", "short");
    StringWriter out = new StringWriter();
    table.print(new PrintWriter(out), 40);

    for (String line : out.toString().split("\n")) {
      assertTrue(line.length() <= 40, line);
    }
    assertTrue(out.toString().contains("a".repeat(35) + "…"), out::toString);
  }

  @Test
  void table_cutsFreeTextBeforeIds() {
    Table table = new Table("INTERVIEW_ID", "STATUS", "NAME", "EMAIL").row("D536A69A4090E13F", "completed", "Jane Smith", "jane.smith@example.com");
    StringWriter out = new StringWriter();
    table.print(new PrintWriter(out), 50);

    String row = out.toString().split("\n")[1];
    assertTrue(row.startsWith("D536A69A4090E13F  completed  "), row);
    assertTrue(row.length() <= 50 && row.contains("…"), row);
  }

  @Test
  void progressBar() {
    assertEquals("ingesting [############............] 5/10", CandidatesCommands.bar(5, 10));
  }
}
