package dev.gazette.comment.spam;

/** A comment about to be stored, as the spam checks see it. */
public record Candidate(String authorName, String authorEmail, String authorUrl, String content, String honeypot,
                        String ip, String userAgent, String referrer, String permalink) {
}
