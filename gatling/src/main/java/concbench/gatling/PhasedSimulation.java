package concbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import concbench.gatling.names.PhaseName;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases every simulation runs, strictly one after another: a phase starts once every user of the one before
 * has finished, so no two phases ever load the server at once. Each phase names its requests after itself
 * ({@code warmup}, {@code sweep-64}, {@code rate-500}), so every record of {@code simulation.log} says which phase
 * it belongs to and a phase's numbers are computed over its own records only.
 *
 * <ol>
 *   <li>{@code warmup}: looping users get the JIT of the server and of Gatling to steady state, for as long as the
 *       runner finds the server still warming up ({@link WarmupSignal}). Excluded from every number.</li>
 *   <li>{@code sweep-<level>}, one per level: throughput in a closed model. A fixed number of users each send a
 *       request, wait for its answer and send the next, over one keep-alive connection of their own, for
 *       {@code levelSeconds}. The server's best rate at that concurrency is what it completes. Latency measured
 *       here understates the slow answers, since a slow answer also delays the next request (coordinated
 *       omission): latency is the rate phase's job.</li>
 *   <li>{@code rate-<rate>}, one per step of the latency ladder, the lowest rate first, until the server cannot
 *       keep one ({@link Ladder}): latency in an open model. Requests arrive at a fixed rate whatever the answers, so a
 *       slow answer cannot hold back the requests behind it and the latency is free of coordinated omission.
 *       Users share a pool of keep-alive connections, so latency is not the cost of opening a connection per
 *       request: only the first requests of the phase open the connections the pool needs.</li>
 * </ol>
 *
 * <p>Only status 200 is checked, a check that costs nothing next to a request; the conformance suite has already
 * proved the bodies right.
 *
 * <p>Gatling starts the next phase's users on its injector's tick, once a second (a constant of Gatling's, not a
 * setting), after every user of the phase before has ended. A phase that sent for whole seconds ended just after a
 * tick, and the server then idled for most of a second before the next phase: 0.9 s between phases, measured. So
 * the sweep's looping users send for their seconds less {@link #TICK_MARGIN}: their last answers arrive before the
 * next tick whenever the server answers within it, and the next phase starts on that tick; every figure is taken
 * over a phase's own records, so a level that sends for 2.8 s is measured over 2.8 s. The warm-up ends before a
 * tick too ({@link WarmupSignal}). The ladder's steps cannot: Gatling's open injection counts whole seconds (a
 * step of 0.8 s sends nothing), so each step is still followed by most of a second without load.
 */
public abstract class PhasedSimulation extends Simulation {
    private static final int OK = 200;
    /** What a sweep level's sending leaves of its last second for its last answers to arrive before the tick. */
    static final Duration TICK_MARGIN = Duration.ofMillis(200);

    /** The one request a simulation sends, named after the phase that sends it. */
    @FunctionalInterface
    protected interface Request {
        HttpRequestActionBuilder named(String phase, LoadProfile profile);
    }

    protected PhasedSimulation(Request request) {
        LoadProfile profile = LoadProfile.fromSystemProperties();
        LoadShare share = LoadShare.fromSystemProperties(profile);
        // No warm-up request: Gatling's own goes to https://gatling.io unless disabled, and our warm-up phase
        // warms up the HTTP stack against the server itself.
        HttpProtocolBuilder ownConnection = http.baseUrl(profile.target().toString()).disableWarmUp();
        HttpProtocolBuilder sharedConnections = ownConnection.shareConnections();

        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(warmup(request, profile, ownConnection));
        for (int i = 0; i < profile.levels().size(); i++) {
            phases.add(looping(PhaseName.sweep(profile.levels().get(i)).toString(), share.levelUsers().get(i),
                    profile.levelSeconds(), request, profile, ownConnection));
        }
        Ladder ladder = Ladder.of(profile, share);
        for (int step = 0; step < profile.rates().size(); step++) {
            phases.add(ladderStep(step, ladder, share.rates().get(step), request, profile, sharedConnections));
        }
        setUp(oneAfterAnother(phases));
    }

    /**
     * One step of the latency ladder: arrivals at its rate for {@code rateSeconds}. Once the ladder has ended (the
     * server could not keep this step or the one before, {@link Ladder}), the next user to arrive stops the load
     * generator instead of sending, so the rest of the ladder is not run; the ladder is the simulation's last phase.
     */
    private static PopulationBuilder ladderStep(int step, Ladder ladder, int rate, Request request,
            LoadProfile profile, HttpProtocolBuilder protocol) {
        String phase = PhaseName.rate(profile.rates().get(step)).toString();
        return scenario(phase)
                .stopLoadGeneratorIf(session -> "the latency ladder ended at " + ladder.end(),
                        session -> !ladder.sends(step))
                .exec(checked(request, phase, profile))
                .exec(session -> {
                    ladder.answered(step, session.isFailed());
                    return session;
                })
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(profile.rateSeconds())))
                .protocols(protocol);
    }

    /**
     * The warm-up's looping users: they loop until the runner says the server is warm, or {@code warmupSeconds}
     * have passed ({@link WarmupSignal}), and count their responses for the runner.
     */
    private static PopulationBuilder warmup(Request request, LoadProfile profile, HttpProtocolBuilder protocol) {
        WarmupSignal signal = WarmupSignal.start(Duration.ofSeconds(profile.warmupSeconds()));
        String phase = PhaseName.WARMUP.toString();
        return scenario(phase)
                .asLongAs(session -> signal.warming()).on(exec(checked(request, phase, profile)).exec(session -> {
                    signal.responded();
                    return session;
                }))
                .injectOpen(atOnceUsers(profile.warmupUsers()))
                .protocols(protocol);
    }

    /** {@code users} users that each loop on the request for {@code seconds} ({@link #sendingTime}), all at once. */
    private static PopulationBuilder looping(String phase, int users, int seconds, Request request,
            LoadProfile profile, HttpProtocolBuilder protocol) {
        return scenario(phase)
                .during(sendingTime(seconds)).on(checked(request, phase, profile))
                .injectOpen(atOnceUsers(users))
                .protocols(protocol);
    }

    /** How long a sweep level of {@code seconds} sends: its seconds less {@link #TICK_MARGIN}. */
    static Duration sendingTime(int seconds) {
        return Duration.ofSeconds(seconds).minus(TICK_MARGIN);
    }

    private static HttpRequestActionBuilder checked(Request request, String phase, LoadProfile profile) {
        return request.named(phase, profile).check(status().is(OK));
    }

    private static PopulationBuilder oneAfterAnother(List<PopulationBuilder> phases) {
        PopulationBuilder chain = phases.getLast();
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        return chain;
    }
}
