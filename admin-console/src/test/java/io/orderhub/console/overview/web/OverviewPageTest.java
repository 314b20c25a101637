package io.orderhub.console.overview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderhub.console.overview.OverviewFigures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Overview page and its live stream. No service is reachable and Kafka is not configured: every part of
 * the figures says so on its own, and the page still renders (200, never a 502 or a stack trace).
 */
@SpringBootTest(
        properties = {
            "orderhub.console.hub.url=http://127.0.0.1:9",
            "orderhub.console.hub.api-key=unused",
            "orderhub.console.overview.refresh=1h"
        })
@AutoConfigureMockMvc
class OverviewPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OverviewStream stream;

    @Autowired
    OverviewFigures figures;

    /** Streams opened by a test; the context (and the stream's listeners) are shared by all of them. */
    static final List<MvcResult> opened = new ArrayList<>();

    @Test
    void aViewerReadsTheOverviewWithEachUnansweredPartNamed() throws Exception {
        mvc.perform(get("/admin/overview").with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Overview</h1>")))
                .andExpect(content().string(containsString("order figures: The service could not be reached")))
                .andExpect(content().string(containsString("payment figures: The service could not be reached")))
                .andExpect(content()
                        .string(containsString("Kafka: not configured (ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS)")))
                .andExpect(content().string(containsString("succeeded ÷ (succeeded + failed + cancelled + expired)")))
                .andExpect(content().string(containsString("data-stream=\"/admin/overview/stream\"")))
                .andExpect(content().string(containsString("href=\"/admin/overview\">Overview</a>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    @Test
    void theConsolesHomeIsTheOverview() throws Exception {
        mvc.perform(get("/admin/").with(user("victor").roles("VIEWER"))).andExpect(redirectedUrl("/admin/overview"));
    }

    @Test
    void sendsAnAnonymousVisitorOfThePageOrTheStreamToTheLogin() throws Exception {
        mvc.perform(get("/admin/overview")).andExpect(redirectedUrl("/admin/login"));
        mvc.perform(get("/admin/overview/stream")).andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void streamsTheFiguresFragmentOnOneLineToEveryOpenStream() throws Exception {
        closeAll();
        MvcResult first = mvc.perform(
                        get("/admin/overview/stream").with(user("victor").roles("VIEWER")))
                .andExpect(request().asyncStarted())
                .andReturn();
        MvcResult second = mvc.perform(
                        get("/admin/overview/stream").with(user("olga").roles("OPERATOR")))
                .andExpect(request().asyncStarted())
                .andReturn();
        opened.addAll(List.of(first, second));
        assertThat(first.getResponse().getContentType()).startsWith("text/event-stream");

        stream.tick();

        for (MvcResult result : List.of(first, second)) {
            String body = result.getResponse().getContentAsString();
            assertThat(body).startsWith("event:figures\ndata:<div id=\"figures\">");
            assertThat(body).contains("Needs attention", "Consumer lag per group");
            String data = body.substring(body.indexOf("data:"));
            assertThat(data.strip()).doesNotContain("\n");
        }
    }

    @Test
    void readsOnceForAllStreamsAndNothingOnceNobodyListens() throws Exception {
        closeAll();
        for (int i = 0; i < 3; i++) {
            opened.add(mvc.perform(
                            get("/admin/overview/stream").with(user("victor").roles("VIEWER")))
                    .andExpect(request().asyncStarted())
                    .andReturn());
        }
        long before = figures.reads();

        stream.tick();

        assertThat(figures.reads()).isEqualTo(before + 1);
        closeAll();
        assertThat(stream.listeners()).isZero();

        stream.tick();

        assertThat(figures.reads()).isEqualTo(before + 1);
    }

    /** Every stream this context opened ends, as when the pages are closed. */
    private void closeAll() {
        for (MvcResult result : opened) {
            result.getRequest().getAsyncContext().complete();
        }
        opened.clear();
    }
}
