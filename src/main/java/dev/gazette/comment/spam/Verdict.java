package dev.gazette.comment.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * What the spam checks make of a comment: let moderation policy decide ({@code PASS}), send it
 * to the queue ({@code HOLD}), or file it as spam ({@code SPAM}), with the reasons for moderators.
 */
public record Verdict(Outcome outcome, List<String> reasons) {

    public enum Outcome { PASS, HOLD, SPAM }

    public static Verdict pass() {
        return new Verdict(Outcome.PASS, List.of());
    }

    public static Verdict of(Outcome outcome, String reason) {
        return new Verdict(outcome, List.of(reason));
    }

    /** The stricter of the two, with both sets of reasons. */
    public Verdict and(Verdict other) {
        List<String> all = new ArrayList<>(reasons);
        all.addAll(other.reasons);
        return new Verdict(outcome.compareTo(other.outcome) >= 0 ? outcome : other.outcome, List.copyOf(all));
    }

    public String reasonText() {
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
