package dev.gazette.comment.spam;

import dev.gazette.common.GazetteConfig;
import dev.gazette.common.text.HtmlContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that need neither the database nor the network: honeypot, blocklists (words,
 * emails, IP ranges) and the link count. Database checks (duplicates, flooding) run where the
 * comment is stored; the Akismet-compatible checker in {@link AkismetClient}.
 */
@ApplicationScoped
public class SpamChecks {

    private static final Pattern BARE_URL = Pattern.compile("https?://|www\\.", Pattern.CASE_INSENSITIVE);

    @Inject
    GazetteConfig config;

    @Inject
    HtmlContent html;

    private volatile List<IpRange> blockedIps;

    public Verdict inspect(Candidate c) {
        GazetteConfig.Spam spam = config.comments().spam();
        Verdict verdict = Verdict.pass();
        if (spam.honeypot() && c.honeypot() != null && !c.honeypot().isBlank()) {
            verdict = verdict.and(Verdict.of(Verdict.Outcome.SPAM, "honeypot field filled in"));
        }
        String text = String.join("\n", nullToEmpty(c.authorName()), nullToEmpty(c.authorEmail()),
                nullToEmpty(c.authorUrl()), nullToEmpty(c.content())).toLowerCase(Locale.ROOT);
        for (String word : spam.blockedWords().orElse(List.of())) {
            if (!word.isBlank() && text.contains(word.trim().toLowerCase(Locale.ROOT))) {
                verdict = verdict.and(Verdict.of(Verdict.Outcome.SPAM, "blocked word '" + word.trim() + "'"));
            }
        }
        String email = nullToEmpty(c.authorEmail()).trim().toLowerCase(Locale.ROOT);
        for (String blocked : spam.blockedEmails().orElse(List.of())) {
            String b = blocked.trim().toLowerCase(Locale.ROOT);
            if (!b.isEmpty() && !email.isEmpty() && (b.startsWith("@") ? email.endsWith(b) : email.equals(b))) {
                verdict = verdict.and(Verdict.of(Verdict.Outcome.SPAM, "blocked email " + b));
            }
        }
        for (IpRange range : blockedIps()) {
            if (range.contains(c.ip())) {
                verdict = verdict.and(Verdict.of(Verdict.Outcome.SPAM, "blocked IP range"));
                break;
            }
        }
        if (spam.maxLinks() >= 0) {
            int links = links(html.commentHtml(c.content()));
            if (links > spam.maxLinks()) {
                verdict = verdict.and(Verdict.of(Verdict.Outcome.HOLD, links + " links (more than " + spam.maxLinks() + ")"));
            }
        }
        return verdict;
    }

    /** Links in a sanitized comment: its anchors, plus URLs written as plain text. */
    static int links(String sanitizedHtml) {
        Document doc = Jsoup.parseBodyFragment(sanitizedHtml);
        int links = doc.select("a[href]").size();
        doc.select("a").remove();
        Matcher bare = BARE_URL.matcher(doc.text());
        while (bare.find()) {
            links++;
        }
        return links;
    }

    private List<IpRange> blockedIps() {
        if (blockedIps == null) {
            blockedIps = config.comments().spam().blockedIps().orElse(List.of()).stream()
                    .filter(s -> !s.isBlank()).map(IpRange::parse).toList();
        }
        return blockedIps;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
