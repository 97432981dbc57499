package concbench.runner;

import concbench.formats.TrialResult;
import java.util.function.Consumer;

/** What runs one trial: on this machine ({@link TrialRunner}) or on several ({@link RemoteTrialRunner}). */
interface Trials {
    /**
     * Whatever must be ready before the first trial, said line by line to {@code say}; nothing by default. A failure
     * here is said and the run goes on: it may only make the trials slower to start, never their numbers wrong.
     */
    default void prepare(Consumer<String> say) throws InterruptedException {
    }

    /**
     * One trial of a server, or of the floor when {@code implementation} is {@value TrialResult#FLOOR}; whatever
     * fails becomes a failed result with its reason, only an interrupt of the whole run escapes.
     *
     * @param implementation an implementation or a variant, by its {@code Variant} name, or the floor
     * @param width          the fan-out's calls per request; ignored for hello
     */
    TrialResult run(String implementation, Scenario scenario, int width, int trial) throws InterruptedException;

    /** Stops every process of the trial in progress; safe to call from a shutdown hook. */
    void stopAll();
}
