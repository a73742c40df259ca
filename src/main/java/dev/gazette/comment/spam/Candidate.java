package dev.gazette.comment.spam;

/** A comment about to be stored, as the spam checks see it. */
public record Candidate(String authorName, String authorEmail, String authorUrl, String content, String honeypot,
                        String ip, String userAgent, String referrer, String permalink) {

    /** The same comment, with the public URL of the post it is written on. */
    public Candidate withPermalink(String url) {
        return new Candidate(authorName, authorEmail, authorUrl, content, honeypot, ip, userAgent, referrer, url);
    }
}
