package ai.heymilo.cli;

import ai.heymilo.client.HeyMiloGson;
import ai.heymilo.model.CandidateIngestRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Candidates to ingest from a file: JSON (an array of candidates, or the API's {@code {"data": [...]}}) or
 * CSV with a header line, as ATS exports write it. CSV columns are matched by name, case and spacing aside:
 * {@code name} (or {@code full_name}, or {@code first_name} + {@code last_name}), {@code email}
 * ({@code email_address}), {@code phone_number} ({@code phone}, {@code mobile}); others are ignored and named.
 */
final class CandidateFile {
  /** One row: the request, or why it cannot be sent. */
  static final class Row {
    final int number;
    final @Nullable CandidateIngestRequest request;
    final @Nullable String problem;

    Row(int number, @Nullable CandidateIngestRequest request, @Nullable String problem) {
      this.number = number;
      this.request = request;
      this.problem = problem;
    }
  }

  final List<Row> rows;
  final Set<String> ignoredColumns;

  private CandidateFile(List<Row> rows, Set<String> ignoredColumns) {
    this.rows = rows;
    this.ignoredColumns = ignoredColumns;
  }

  static CandidateFile read(Path file) {
    String text = Inputs.text(file);
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json = name.endsWith(".json") || (!name.endsWith(".csv") && text.strip().matches("(?s)^[\\[{].*"));
    CandidateFile candidates = json ? fromJson(file, text) : fromCsv(file, text);
    if (candidates.rows.isEmpty()) {
      throw new UsageException(file + " holds no candidates");
    }
    return candidates;
  }

  private static CandidateFile fromJson(Path file, String text) {
    JsonArray array;
    try {
      JsonElement root = JsonParser.parseString(text);
      if (root.isJsonObject() && root.getAsJsonObject().get("data") != null && root.getAsJsonObject().get("data").isJsonArray()) {
        array = root.getAsJsonObject().getAsJsonArray("data");
      } else if (root.isJsonArray()) {
        array = root.getAsJsonArray();
      } else {
        throw new UsageException(file + " is not a list of candidates: expected [ {\"name\": …, \"email\": …}, … ] or {\"data\": [ … ]}");
      }
    } catch (JsonParseException e) {
      throw new UsageException(file + " is not valid JSON: " + e.getMessage());
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        CandidateIngestRequest request = HeyMiloGson.create().fromJson(array.get(i), CandidateIngestRequest.class);
        rows.add(check(i + 1, request));
      } catch (RuntimeException notACandidate) {
        rows.add(new Row(i + 1, null, "not a candidate: " + notACandidate.getMessage()));
      }
    }
    return new CandidateFile(rows, Set.of());
  }

  private static CandidateFile fromCsv(Path file, String text) {
    List<List<String>> records = parseCsv(file, text);
    if (records.isEmpty()) {
      return new CandidateFile(List.of(), Set.of());
    }
    List<String> header = new ArrayList<>();
    for (String column : records.get(0)) {
      header.add(column.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
    }
    int name = column(header, "name", "full_name", "candidate_name");
    int first = column(header, "first_name", "firstname", "given_name");
    int last = column(header, "last_name", "lastname", "surname", "family_name");
    int email = column(header, "email", "email_address", "e_mail");
    int phone = column(header, "phone_number", "phone", "mobile", "mobile_phone", "cell");
    if (email < 0 || (name < 0 && first < 0)) {
      throw new UsageException(file + ": the header line needs an email column and a name (or first_name/last_name) column, but has "
          + String.join(", ", records.get(0)));
    }
    Set<String> ignored = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      if (i != name && i != first && i != last && i != email && i != phone) {
        ignored.add(records.get(0).get(i).strip());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r);
      if (record.stream().allMatch(String::isBlank)) {
        continue;
      }
      String fullName = name >= 0 ? cell(record, name) : (cell(record, first) + " " + cell(record, last)).strip();
      CandidateIngestRequest request = new CandidateIngestRequest().name(fullName).email(cell(record, email));
      String phoneNumber = phone >= 0 ? cell(record, phone) : "";
      if (!phoneNumber.isEmpty()) {
        request.phoneNumber(phoneNumber);
      }
      rows.add(check(r + 1, request));
    }
    return new CandidateFile(rows, ignored);
  }

  /** The checks the API would make, made before sending so that one bad row does not fail its whole batch. */
  private static Row check(int number, @Nullable CandidateIngestRequest request) {
    if (request == null) {
      return new Row(number, null, "empty");
    }
    if (request.getName() == null || request.getName().isBlank()) {
      return new Row(number, request, "name is empty");
    }
    String email = request.getEmail();
    if (email == null || email.isBlank()) {
      return new Row(number, request, "email is empty");
    }
    if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return new Row(number, request, "'" + email + "' is not an email address");
    }
    return new Row(number, request, null);
  }

  private static int column(List<String> header, String... names) {
    for (String name : names) {
      int index = header.indexOf(name);
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }

  private static String cell(List<String> record, int index) {
    return index >= 0 && index < record.size() ? record.get(index).strip() : "";
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
  static List<List<String>> parseCsv(Path file, String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          record.add(field.toString());
          records.add(record);
        }
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new UsageException(file + ": a quoted field opened before line " + line + " is never closed");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
