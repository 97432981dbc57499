package concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opened in a real headless Chromium: no JavaScript exception, no console or log error, no request
 * to anything but the file itself; the charts are there. Screenshots (screen and print) are left in target/ to
 * look at. Skipped, saying so, where Chromium is not installed.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final int WIDTH = 1400;

    @TempDir
    Path temp;

    @Test
    void opensWithoutErrorsAndWithoutAnyRequest() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no " + CHROMIUM + " (on Debian: apt-get install chromium)");
        Path dir = Fixtures.copy("smoke2", temp.resolve("run"));
        Fixtures.copy("compare", dir);
        Fixtures.copy("jmh", dir);
        Fixtures.html(dir);

        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + temp.resolve("profile"), "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (DevTools devTools = DevTools.connect(devToolsUrl(browser))) {
            String target = devTools.call(null, "Target.createTarget", Map.of("url", "about:blank"))
                    .get("targetId").asText();
            String page = devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .get("sessionId").asText();
            for (String domain : new String[] {"Runtime", "Log", "Network", "Page"}) {
                devTools.call(page, domain + ".enable", Map.of());
            }
            devTools.call(page, "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            CompletableFuture<JsonNode> loaded = devTools.next("Page.loadEventFired");
            devTools.call(page, "Page.navigate", Map.of("url", dir.resolve("report.html").toUri().toString()));
            loaded.get(60, TimeUnit.SECONDS);

            assertEquals(6, number(devTools, page, "document.querySelectorAll('svg.chart').length"),
                    "three charts for each of the two scenarios");
            assertEquals(1, number(devTools, page, "document.querySelectorAll('#jmh').length + "
                    + "document.querySelectorAll('#comparison').length - 1"), "the JMH and comparison sections");
            screenshot(devTools, page, "screen");
            devTools.call(page, "Emulation.setEmulatedMedia", Map.of("media", "print"));
            screenshot(devTools, page, "print");

            List<String> problems = problems(devTools.events());
            assertTrue(problems.isEmpty(), "the page misbehaved:\n" + String.join("\n", problems));
        } finally {
            browser.descendants().forEach(ProcessHandle::destroy);
            browser.destroy();
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
            removeSingletonFolder(temp.resolve("profile"));
        }
    }

    /** Chromium keeps its singleton socket in a /tmp folder of its own, linked from the profile: removed too. */
    private static void removeSingletonFolder(Path profile) throws java.io.IOException {
        Path link = profile.resolve("SingletonSocket");
        if (Files.isSymbolicLink(link)) {
            Path folder = Files.readSymbolicLink(link).getParent();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
            Files.delete(link);
        }
    }

    /** Chromium prints where its DevTools endpoint listens on stderr; the rest of stderr is drained and dropped. */
    private static URI devToolsUrl(Process browser) throws Exception {
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        url.complete(URI.create(listening.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("chromium ended without a DevTools endpoint"));
        });
        return url.get(60, TimeUnit.SECONDS);
    }

    private static double number(DevTools devTools, String page, String expression) throws Exception {
        return devTools.call(page, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result").path("value").asDouble();
    }

    /** The whole page as a PNG in target/, to look at. */
    private static void screenshot(DevTools devTools, String page, String name) throws Exception {
        double height = number(devTools, page, "document.documentElement.scrollHeight");
        JsonNode shot = devTools.call(page, "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", 1)));
        Path file = Path.of("target", "report-" + name + ".png");
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        System.out.println("screenshot: " + file.toAbsolutePath());
    }

    /** Exceptions, console and log errors, and any request that is not for a local file. */
    private static List<String> problems(List<JsonNode> events) {
        List<String> problems = new ArrayList<>();
        for (JsonNode event : events) {
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
                case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asText().equals("error")) {
                        problems.add("console error: " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        problems.add("log error: " + params.path("entry").path("text").asText());
                    }
                }
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("about:")) {
                        problems.add("request: " + url);
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }
}
