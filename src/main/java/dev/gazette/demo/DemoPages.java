package dev.gazette.demo;

import dev.gazette.author.Caller;
import dev.gazette.author.TokenService;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.text.HtmlContent.ContentFormat;
import dev.gazette.page.PageInput;
import dev.gazette.page.PageRepository;
import dev.gazette.page.PageService;
import dev.gazette.page.PageStatus;
import dev.gazette.page.PageView;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The demo publication's pages (About, and Our team under it), loaded after its posts into a database without pages. */
@ApplicationScoped
public class DemoPages {

    @Inject
    GazetteConfig config;

    @Inject
    Caller caller;

    @Inject
    TokenService tokens;

    @Inject
    PageService pages;

    @Inject
    PageRepository pageRepository;

    @ActivateRequestContext
    void load(@Observes @Priority(11) StartupEvent event) {
        if (!config.demo().enabled() || pageRepository.count() > 0) {
            return;
        }
        caller.actAs(tokens.systemAdmin());
        PageView about = pages.create(new PageInput("about", "About", """
                This demo publication is an independent local newsroom. It covers the council, the port and the people who
                live by both.""", ContentFormat.MARKDOWN, null, PageStatus.PUBLISHED, null, null, 1, null, null));
        pages.create(new PageInput("team", "Our team", "The newsroom is **eleven people** in two towns.", ContentFormat.MARKDOWN,
                null, PageStatus.PUBLISHED, null, about.id(), 1, "page-templates/full-width.php", null));
        pages.create(new PageInput("contact", "Contact", "Write to **newsroom@gazette.example**.", ContentFormat.MARKDOWN,
                null, PageStatus.PUBLISHED, null, null, 2, null, null));
        caller.actAsAnonymous();
    }
}
