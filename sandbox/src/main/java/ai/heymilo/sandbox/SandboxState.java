package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one sandbox: postings, their questions, candidates and their interviews' data, metadata and
 * webhooks, in creation order (lists answer in this order). Not thread-safe on its own: {@link StatefulApi} holds
 * its lock around every use.
 */
final class SandboxState {
  /** An interview's data as successive polls see it: each poll moves one state on; the last state stays. */
  static final class Interview {
    final List<ObjectNode> states;
    int polls;
    /** The index of the last state whose webhook events were sent (0: the first state, which sends none). */
    int announced;

    Interview(List<ObjectNode> states) {
      this.states = states;
    }

    /** The state this poll sees, counting the poll. */
    ObjectNode poll() {
      ObjectNode state = states.get(Math.min(polls, states.size() - 1));
      polls++;
      return state;
    }

    /** The index of the state the next poll sees. */
    int next() {
      return Math.min(polls, states.size() - 1);
    }

    /**
     * Moves on one state without a poll, as time passing does for a real interview; returns the index of the state
     * the next poll sees.
     */
    int advance() {
      if (polls < states.size() - 1) {
        polls++;
      }
      return next();
    }

    /** Whether the last poll saw the final state. */
    boolean finished() {
      return polls >= states.size();
    }

    ObjectNode last() {
      return states.get(states.size() - 1);
    }

    Interview copy() {
      List<ObjectNode> copies = new ArrayList<>();
      states.forEach(state -> copies.add(state.deepCopy()));
      Interview copy = new Interview(copies);
      copy.polls = polls;
      copy.announced = announced;
      return copy;
    }
  }

  final Map<String, ObjectNode> postings = new LinkedHashMap<>();
  final Map<String, ObjectNode> questions = new LinkedHashMap<>();
  /** By interview id: a candidate is one interview of one posting. */
  final Map<String, ObjectNode> candidates = new LinkedHashMap<>();
  final Map<String, Interview> interviews = new LinkedHashMap<>();
  /** By interview id; the source of truth for the metadata shown in candidates and interview data. */
  final Map<String, ObjectNode> metadata = new LinkedHashMap<>();
  final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
  /**
   * The webhooks that receive events: those registered through createWebhook or a seed. The recorded fixtures'
   * point at hosts that are not the user's, so they receive none.
   */
  final Set<String> deliveredWebhooks = new LinkedHashSet<>();

  SandboxState copy() {
    SandboxState copy = new SandboxState();
    postings.forEach((id, node) -> copy.postings.put(id, node.deepCopy()));
    questions.forEach((id, node) -> copy.questions.put(id, node.deepCopy()));
    candidates.forEach((id, node) -> copy.candidates.put(id, node.deepCopy()));
    interviews.forEach((id, interview) -> copy.interviews.put(id, interview.copy()));
    metadata.forEach((id, node) -> copy.metadata.put(id, node.deepCopy()));
    webhooks.forEach((id, node) -> copy.webhooks.put(id, node.deepCopy()));
    copy.deliveredWebhooks.addAll(deliveredWebhooks);
    return copy;
  }

  /** Replaces everything with a copy of {@code other}. */
  void restore(SandboxState other) {
    SandboxState copy = other.copy();
    postings.clear();
    postings.putAll(copy.postings);
    questions.clear();
    questions.putAll(copy.questions);
    candidates.clear();
    candidates.putAll(copy.candidates);
    interviews.clear();
    interviews.putAll(copy.interviews);
    metadata.clear();
    metadata.putAll(copy.metadata);
    webhooks.clear();
    webhooks.putAll(copy.webhooks);
    deliveredWebhooks.clear();
    deliveredWebhooks.addAll(copy.deliveredWebhooks);
  }
}
