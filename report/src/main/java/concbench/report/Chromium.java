package concbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium with one page open, driven over the DevTools protocol ({@link DevTools}): used to keep a
 * screenshot of the report's first screen and, by the tests, to check the page in a real browser. The browser runs
 * with a throw-away profile in {@code workDir} and is stopped, with everything it started, on {@link #close}.
 */
final class Chromium implements AutoCloseable {
    /** Where Debian's {@code chromium} package installs it. */
    static final Path DEFAULT = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long START_SECONDS = 60;
    private static final long LOAD_SECONDS = 60;
    private static final long STOP_SECONDS = 10;

    private final Process browser;
    private final Path profile;
    private final DevTools devTools;
    private final String page;

    private Chromium(Process browser, Path profile, DevTools devTools, String page) {
        this.browser = browser;
        this.profile = profile;
        this.devTools = devTools;
        this.page = page;
    }

    /** Starts the browser with a blank page of {@code width} x {@code height} CSS pixels at scale 1. */
    static Chromium start(Path executable, Path workDir, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Process browser = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        DevTools devTools = null;
        try {
            devTools = DevTools.connect(devToolsUrl(browser));
            String target = devTools.call(null, "Target.createTarget", Map.of("url", "about:blank"))
                    .get("targetId").asText();
            String page = devTools.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .get("sessionId").asText();
            for (String domain : new String[] {"Runtime", "Log", "Network", "Page"}) {
                devTools.call(page, domain + ".enable", Map.of());
            }
            devTools.call(page, "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            return new Chromium(browser, profile, devTools, page);
        } catch (Exception | Error e) {
            new Chromium(browser, profile, devTools, null).close();
            throw e;
        }
    }

    /** Opens the file and waits for its load event. */
    void open(Path file) throws Exception {
        CompletableFuture<JsonNode> loaded = devTools.next("Page.loadEventFired");
        devTools.call(page, "Page.navigate", Map.of("url", file.toUri().toString()));
        loaded.get(LOAD_SECONDS, TimeUnit.SECONDS);
    }

    /** A JavaScript expression's value as a number (NaN when it is none). */
    double number(String expression) throws Exception {
        JsonNode value = devTools.call(page, "Runtime.evaluate", Map.of("expression", expression, "returnByValue",
                true)).path("result").path("value");
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    /** Switches between the screen and the print stylesheet. */
    void media(String media) throws Exception {
        devTools.call(page, "Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** A PNG of the page from its top, {@code width} x {@code height} CSS pixels. */
    byte[] screenshot(double width, double height) throws Exception {
        JsonNode shot = devTools.call(page, "Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode(shot.get("data").asText());
    }

    /** Exceptions, console and log errors, and any request for something other than a local file, so far. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode event : devTools.events()) {
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

    @Override
    public void close() throws IOException, InterruptedException {
        if (devTools != null) {
            devTools.close();
        }
        browser.descendants().forEach(ProcessHandle::destroy);
        browser.destroy();
        if (!browser.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
        }
        removeSingletonFolder(profile);
        delete(profile);
    }

    /** Chromium keeps its singleton socket in a /tmp folder of its own, linked from the profile: removed too. */
    private static void removeSingletonFolder(Path profile) throws IOException {
        Path link = profile.resolve("SingletonSocket");
        if (Files.isSymbolicLink(link)) {
            delete(Files.readSymbolicLink(link).getParent());
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
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
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("chromium ended without a DevTools endpoint"));
        });
        return url.get(START_SECONDS, TimeUnit.SECONDS);
    }
}
